// Each objective keeps its progress on its row, refreshed in the same transaction as every change
// to its key results (a check-in, an edit, a deletion). Progress does not depend on the clock, so
// roll-ups read one number per objective instead of every key result below them.
import { objectiveProgressOf, type KeyResultType } from '@varde/core';
import { isPostgres, type Db } from './executor.js';
import { compiledOnce } from './compiledOnce.js';

/** What an objective's progress is worked out from, per key result. */
const KEY_RESULT_PROGRESS_COLUMNS = ['type', 'start_value', 'target_value', 'current_value', 'weight'] as const;
export interface KeyResultForProgress { type: string; start_value: number; target_value: number; current_value: number | null; weight: number }

/** An objective's progress from all of its key results. */
export function progressOf(rows: readonly KeyResultForProgress[]): number {
  return objectiveProgressOf(rows.map((r) => ({ type: r.type as KeyResultType, start: r.start_value, target: r.target_value, current: r.current_value, weight: r.weight })));
}

// An objective's row lock is taken before its key results are read: on PostgreSQL two check-ins
// on sibling key results run as concurrent transactions, and without the lock each would read the
// other's key result as it was before and the last commit would keep a stale mean. The second
// now waits, and reads after the first has committed. SQLite has one writer at a time and needs
// no lock. Writers lock the objective before any of its key results (keyResultContext with
// lockObjective), so two of them cannot wait for each other.
const lockOne = compiledOnce((db, a: { id: string }) => db.updateTable('objectives').set((eb) => ({ progress: eb.ref('progress') })).where('id', '=', a.id));
const keyResultsOfOne = compiledOnce((db, a: { id: string }) => db.selectFrom('key_results')
  .select(KEY_RESULT_PROGRESS_COLUMNS).where('objective_id', '=', a.id));
const setProgress = compiledOnce((db, a: { id: string; progress: number }) => db.updateTable('objectives').set({ progress: a.progress }).where('id', '=', a.id));

/** After a change to one of its key results, within the change's transaction; `locked` when the
 *  transaction holds the objective's lock already. */
export async function refreshObjectiveProgress(db: Db, objectiveId: string, { locked = false } = {}): Promise<void> {
  if (!locked && isPostgres(db)) await lockOne(db, { id: objectiveId });
  const { rows } = await keyResultsOfOne(db, { id: objectiveId });
  await setProgress(db, { id: objectiveId, progress: progressOf(rows) });
}

/** Every objective of the database (or of one organisation): for migrations and bulk loads. */
export async function refreshAllObjectiveProgress(db: Db, orgId?: string): Promise<number> {
  let q = db.selectFrom('objectives').select('id');
  if (orgId) q = q.where('org_id', '=', orgId);
  const ids = (await q.orderBy('id').execute()).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    // Within a transaction (a migration), locked before their key results are read, as above; in
    // id order, as every writer that locks several objectives takes them, so none can deadlock.
    if (isPostgres(db)) await db.updateTable('objectives').set((eb) => ({ progress: eb.ref('progress') })).where('id', 'in', chunk).execute();
    const rows = await db.selectFrom('key_results').select(['objective_id', ...KEY_RESULT_PROGRESS_COLUMNS])
      .where('objective_id', 'in', chunk).execute();
    const byObjective = new Map<string, KeyResultForProgress[]>(chunk.map((id) => [id, []]));
    for (const r of rows) byObjective.get(r.objective_id)!.push(r);
    for (const [id, krs] of byObjective) await setProgress(db, { id, progress: progressOf(krs) });
  }
  return ids.length;
}
