// Check-ins: the append-only history of a key result.
import type { CheckIn } from '@varde/core';
import { isPostgres, type Db } from './executor.js';
import { setCurrent } from './keyResults.js';
import { compiledOnce } from './compiledOnce.js';
import { KEY_RESULT_PROGRESS_COLUMNS, refreshObjectiveProgress, setObjectiveProgress } from './objectiveProgress.js';

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

// On PostgreSQL one statement appends the check-in, moves the key result and reads the
// objective's key results for its progress: two round trips less on the busiest write. Its
// SELECT sees the key results as they were before the statement (PostgreSQL runs the parts of a
// statement on one snapshot), so the moved key result's new value is put in afterwards.
const appendMoveAndRead = compiledOnce((db, c: NewCheckIn & { objectiveId: string }) => db
  .with('appended', (qb) => qb.insertInto('check_ins').values({
    id: c.id, org_id: c.orgId, key_result_id: c.keyResultId, value: c.value, confidence: c.confidence,
    comment: c.comment, blockers: c.blockers, author_id: c.authorId, created_at: c.createdAt,
  }))
  .with('moved', (qb) => qb.updateTable('key_results').set({ current_value: c.value, confidence: c.confidence, current_at: c.createdAt })
    .where('id', '=', c.keyResultId).where((eb) => eb.or([eb('current_at', 'is', null), eb('current_at', '<=', c.createdAt)]))
    .returning('id'))
  .selectFrom('key_results')
  .select(['id', ...KEY_RESULT_PROGRESS_COLUMNS])
  .select((eb) => eb.exists(eb.selectFrom('moved').select('moved.id')).as('moved'))
  .where('objective_id', '=', c.objectiveId));

/** Everything a check-in writes, in the caller's transaction (which holds the objective's lock,
 *  see keyResultContext): the check-in itself; its value as the key result's current one unless
 *  a later check-in is current already (see setCurrent); and then the objective's kept progress. */
export async function recordCheckIn(db: Db, c: NewCheckIn, objectiveId: string): Promise<void> {
  if (!isPostgres(db)) {
    await insertQuery(db, c);
    if (await setCurrent(db, c.keyResultId, c.value, c.confidence, c.createdAt)) await refreshObjectiveProgress(db, objectiveId, { locked: true });
    return;
  }
  const { rows } = await appendMoveAndRead(db, { ...c, objectiveId });
  if (!rows[0]?.moved) return;
  const keyResults = rows.map(({ id, moved: _moved, ...kr }) => (id === c.keyResultId ? { ...kr, current_value: c.value } : kr));
  await setObjectiveProgress(db, objectiveId, keyResults);
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
