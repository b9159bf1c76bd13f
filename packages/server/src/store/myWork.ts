// What one person owns: key results and initiatives in periods that are running.
import type { Db } from './executor.js';
import { presentKeyResultRow, type KeyResultRecord } from './keyResults.js';

export interface OwnedKeyResult extends KeyResultRecord {
  objectiveTitle: string; unitId: string; unitName: string; periodId: string;
}

export async function ownedKeyResults(db: Db, orgId: string, personId: string, periodIds: readonly string[]): Promise<OwnedKeyResult[]> {
  if (periodIds.length === 0) return [];
  const rows = await db.selectFrom('key_results')
    .innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .innerJoin('units', 'units.id', 'objectives.unit_id')
    .selectAll('key_results')
    .select(['objectives.title as objective_title', 'objectives.unit_id as unit_id', 'units.name as unit_name', 'objectives.period_id as period_id'])
    .where('key_results.org_id', '=', orgId).where('key_results.owner_id', '=', personId)
    .where('objectives.period_id', 'in', [...periodIds]).where('objectives.status', 'in', ['active', 'draft'])
    .orderBy('key_results.current_at').orderBy('key_results.id').execute();
  return rows.map((r) => ({
    // Filtered by period above, so never a parked objective's null.
    ...presentKeyResultRow(r), objectiveTitle: r.objective_title, unitId: r.unit_id, unitName: r.unit_name, periodId: r.period_id!,
  }));
}
