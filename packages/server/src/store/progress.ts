// The rows a progress answer is computed from: objectives of some units in a period, and their
// key results' latest values. Two indexed queries, whatever the size of the tree.
import type { Db } from './executor.js';
import type { KeyResultType } from '@varde/core';

export interface ProgressObjectiveRow { id: string; unitId: string; title: string; kind: string; status: string }
export interface ProgressKeyResultRow {
  id: string; objectiveId: string; title: string; type: KeyResultType; start: number; target: number; measure: string;
  ownerId: string | null; weight: number; current: number | null; currentAt: string | null; confidence: number | null;
}

/** unitIds undefined means every unit of the organisation. */
export async function progressRows(db: Db, orgId: string, periodId: string, unitIds: readonly string[] | undefined):
  Promise<{ objectives: ProgressObjectiveRow[]; keyResults: ProgressKeyResultRow[] }> {
  let oq = db.selectFrom('objectives').select(['id', 'unit_id', 'title', 'kind', 'status'])
    .where('org_id', '=', orgId).where('period_id', '=', periodId).where('status', '!=', 'cancelled');
  if (unitIds) oq = oq.where('unit_id', 'in', [...unitIds]);
  const objectives = (await oq.orderBy('id').execute()).map((o) => ({ id: o.id, unitId: o.unit_id, title: o.title, kind: o.kind, status: o.status }));

  let kq = db.selectFrom('key_results').innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .select(['key_results.id', 'key_results.objective_id', 'key_results.title', 'key_results.type', 'key_results.start_value',
      'key_results.target_value', 'key_results.measure', 'key_results.owner_id', 'key_results.weight',
      'key_results.current_value', 'key_results.current_at', 'key_results.confidence'])
    .where('objectives.org_id', '=', orgId).where('objectives.period_id', '=', periodId).where('objectives.status', '!=', 'cancelled');
  if (unitIds) kq = kq.where('objectives.unit_id', 'in', [...unitIds]);
  const keyResults = (await kq.orderBy('key_results.id').execute()).map((k) => ({
    id: k.id, objectiveId: k.objective_id, title: k.title, type: k.type as KeyResultType, start: k.start_value, target: k.target_value,
    measure: k.measure, ownerId: k.owner_id, weight: k.weight, current: k.current_value, currentAt: k.current_at, confidence: k.confidence,
  }));
  return { objectives, keyResults };
}
