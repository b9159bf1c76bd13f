// Each objective keeps its progress on its row, refreshed in the same transaction as every change
// to its key results (a check-in, an edit, a deletion). Progress does not depend on the clock, so
// roll-ups read one number per objective instead of every key result below them.
import { objectiveProgressOf, type KeyResultType } from '@varde/core';
import type { Db } from './executor.js';

export async function refreshObjectiveProgress(db: Db, objectiveIds: readonly string[]): Promise<void> {
  for (let i = 0; i < objectiveIds.length; i += 500) {
    const chunk = [...objectiveIds.slice(i, i + 500)].sort();
    // Take the objectives' row locks before reading their key results. On PostgreSQL two check-ins
    // on sibling key results run as concurrent transactions; without the lock each would read the
    // other's key result as it was before and the last commit would keep a stale mean. The second
    // now waits, and reads after the first has committed. (SQLite has one writer at a time; there
    // this costs a no-op update.) Sorted ids: transactions lock in one order and cannot deadlock.
    await db.updateTable('objectives').set((eb) => ({ progress: eb.ref('progress') })).where('id', 'in', chunk).execute();
    const rows = await db.selectFrom('key_results')
      .select(['objective_id', 'type', 'start_value', 'target_value', 'current_value', 'weight'])
      .where('objective_id', 'in', chunk).execute();
    const byObjective = new Map<string, Array<{ type: KeyResultType; start: number; target: number; current: number | null; weight: number }>>(
      chunk.map((id) => [id, []]));
    for (const r of rows) {
      byObjective.get(r.objective_id)!.push({ type: r.type as KeyResultType, start: r.start_value, target: r.target_value, current: r.current_value, weight: r.weight });
    }
    for (const [id, krs] of byObjective) {
      await db.updateTable('objectives').set({ progress: objectiveProgressOf(krs) }).where('id', '=', id).execute();
    }
  }
}

/** Every objective of the database (or of one organisation): for migrations and bulk loads. */
export async function refreshAllObjectiveProgress(db: Db, orgId?: string): Promise<number> {
  let q = db.selectFrom('objectives').select('id');
  if (orgId) q = q.where('org_id', '=', orgId);
  const ids = (await q.execute()).map((r) => r.id);
  await refreshObjectiveProgress(db, ids);
  return ids.length;
}
