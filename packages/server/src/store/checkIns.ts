// Check-ins: the append-only history of a key result.
import type { CheckIn } from '@varde/core';
import type { Db } from './executor.js';
import { setCurrent } from './keyResults.js';
import { compiledOnce } from './compiledOnce.js';
import { refreshObjectiveProgress } from './objectiveProgress.js';

export interface NewCheckIn {
  id: string; orgId: string; keyResultId: string; value: number; confidence: number;
  comment: string | null; blockers: string | null; authorId: string | null; createdAt: string;
}
const insertQuery = compiledOnce((db, c: NewCheckIn) => db.insertInto('check_ins').values({
  id: c.id, org_id: c.orgId, key_result_id: c.keyResultId, value: c.value, confidence: c.confidence,
  comment: c.comment, blockers: c.blockers, author_id: c.authorId, created_at: c.createdAt,
}));
export async function insertCheckIn(db: Db, c: NewCheckIn): Promise<void> {
  await insertQuery(db, c);
}

/** Everything a check-in written alone writes, in the caller's transaction: the check-in itself;
 *  its value as the key result's current one unless a later check-in is current already (see
 *  setCurrent); and then the objective's kept progress. SQLite's path; PostgreSQL writes
 *  check-ins in batches (store/checkInBatch.ts). */
export async function recordCheckIn(db: Db, c: NewCheckIn, objectiveId: string): Promise<void> {
  await insertQuery(db, c);
  if (await setCurrent(db, c.keyResultId, c.value, c.confidence, c.createdAt)) await refreshObjectiveProgress(db, objectiveId, { locked: true });
}

/** Newest first, paged by id (ids are time-ordered). */
export async function listCheckIns(db: Db, orgId: string, keyResultId: string, limit: number, cursor: string | undefined): Promise<CheckIn[]> {
  let q = db.selectFrom('check_ins').selectAll().where('org_id', '=', orgId).where('key_result_id', '=', keyResultId);
  if (cursor) q = q.where('id', '<', cursor);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id, keyResultId: r.key_result_id, value: r.value, confidence: r.confidence, comment: r.comment,
    blockers: r.blockers, authorId: r.author_id, createdAt: r.created_at,
  }));
}

/** The series a forecast is drawn from: values and times, oldest first. */
export async function checkInSeries(db: Db, keyResultId: string, from: string): Promise<Array<{ at: string; value: number }>> {
  const rows = await db.selectFrom('check_ins').select(['created_at', 'value']).where('key_result_id', '=', keyResultId)
    .where('created_at', '>=', from).orderBy('created_at').limit(1000).execute();
  return rows.map((r) => ({ at: r.created_at, value: r.value }));
}
