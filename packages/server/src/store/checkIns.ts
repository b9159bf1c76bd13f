// Check-ins: the append-only history of a key result.
import type { CheckIn } from '@varde/core';
import { isPostgres, type Db } from './executor.js';
import { setCurrent } from './keyResults.js';
import { compiledOnce } from './compiledOnce.js';

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

// On PostgreSQL one statement both appends the check-in and moves the key result: a round trip
// less on the busiest write.
const insertAndMove = compiledOnce((db, c: NewCheckIn) => db
  .with('appended', (qb) => qb.insertInto('check_ins').values({
    id: c.id, org_id: c.orgId, key_result_id: c.keyResultId, value: c.value, confidence: c.confidence,
    comment: c.comment, blockers: c.blockers, author_id: c.authorId, created_at: c.createdAt,
  }))
  .updateTable('key_results').set({ current_value: c.value, confidence: c.confidence, current_at: c.createdAt })
  .where('id', '=', c.keyResultId).where((eb) => eb.or([eb('current_at', 'is', null), eb('current_at', '<=', c.createdAt)])));

/** Appends a check-in and makes its value the key result's current one unless a later check-in
 *  is current already (see setCurrent); answers whether the current value moved. */
export async function recordCheckIn(db: Db, c: NewCheckIn): Promise<boolean> {
  if (isPostgres(db)) return Number((await insertAndMove(db, c)).numAffectedRows ?? 0) === 1;
  await insertQuery(db, c);
  return setCurrent(db, c.keyResultId, c.value, c.confidence, c.createdAt);
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
