// Check-ins: the history of a key result. Appended to by every check-in; a check-in is edited or
// removed only by the rule of core's checkInChanges.
import { updatedRows, type Db, type VersionedUpdate } from './executor.js';
import type { Selectable } from 'kysely';
import type { CheckInTable } from './schema.js';
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

export interface CheckInRecord {
  id: string; keyResultId: string; value: number; confidence: number; comment: string | null; blockers: string | null;
  authorId: string | null; createdAt: string; editedAt: string | null; version: number;
}
const record = (r: Selectable<CheckInTable>): CheckInRecord => ({
  id: r.id, keyResultId: r.key_result_id, value: r.value, confidence: r.confidence, comment: r.comment,
  blockers: r.blockers, authorId: r.author_id, createdAt: r.created_at, editedAt: r.edited_at, version: r.version,
});

/** Newest first, paged by id (ids are time-ordered). */
export async function listCheckIns(db: Db, orgId: string, keyResultId: string, limit: number, cursor: string | undefined): Promise<CheckInRecord[]> {
  let q = db.selectFrom('check_ins').selectAll().where('org_id', '=', orgId).where('key_result_id', '=', keyResultId);
  if (cursor) q = q.where('id', '<', cursor);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
  return rows.map(record);
}

export async function getCheckIn(db: Db, orgId: string, id: string): Promise<CheckInRecord | undefined> {
  const r = await db.selectFrom('check_ins').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return r ? record(r) : undefined;
}

export async function updateCheckIn(db: Db, orgId: string, id: string, version: number,
  next: { value: number; confidence: number; comment: string | null; blockers: string | null }, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('check_ins').set({ ...next, version: version + 1, edited_at: now })
    .where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  return (await getCheckIn(db, orgId, id)) ? 'stale' : 'missing';
}

/** A loaded check-in that was edited once (the demo's history). */
export async function markEdited(db: Db, id: string, editedAt: string): Promise<void> {
  await db.updateTable('check_ins').set({ edited_at: editedAt, version: 2 }).where('id', '=', id).execute();
}

export async function deleteCheckIn(db: Db, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('check_ins').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** The key result's newest check-in, one step down the check_ins_key_result index; none when it has none. */
export async function newestCheckIn(db: Db, keyResultId: string): Promise<{ value: number; confidence: number; createdAt: string } | undefined> {
  const r = await db.selectFrom('check_ins').select(['value', 'confidence', 'created_at']).where('key_result_id', '=', keyResultId)
    .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? { value: r.value, confidence: r.confidence, createdAt: r.created_at } : undefined;
}

/** The series a forecast is drawn from: values and times, oldest first. */
export async function checkInSeries(db: Db, keyResultId: string, from: string): Promise<Array<{ at: string; value: number }>> {
  const rows = await db.selectFrom('check_ins').select(['created_at', 'value']).where('key_result_id', '=', keyResultId)
    .where('created_at', '>=', from).orderBy('created_at').limit(1000).execute();
  return rows.map((r) => ({ at: r.created_at, value: r.value }));
}

/** Every check-in of the key result, oldest first (a promotion to a KPI copies them all). */
export async function checkInsOfKeyResult(db: Db, orgId: string, keyResultId: string): Promise<CheckInRecord[]> {
  const rows = await db.selectFrom('check_ins').selectAll().where('org_id', '=', orgId).where('key_result_id', '=', keyResultId)
    .orderBy('created_at').orderBy('id').execute();
  return rows.map(record);
}
