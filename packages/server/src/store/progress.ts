// The rows a progress answer is computed from. Below the unit, one number per objective (kept on
// its row); for the unit's own objectives, their key results in full.
import type { Db } from './executor.js';
import type { KeyResultType } from '@varde/core';

export interface ProgressObjectiveRow { id: string; unitId: string; title: string; kind: string; status: string; progress: number }
export interface ProgressKeyResultRow {
  id: string; objectiveId: string; title: string; type: KeyResultType; start: number; target: number; measure: string;
  ownerId: string | null; weight: number; current: number | null; currentAt: string | null; confidence: number | null;
}

/** Each live objective's unit and progress in a period; unitIds undefined means the whole organisation. */
export async function objectiveProgressRows(db: Db, orgId: string, periodId: string, unitIds: readonly string[] | undefined):
  Promise<Array<{ unitId: string; progress: number }>> {
  const select = (ids: readonly string[] | undefined) => {
    let q = db.selectFrom('objectives').select(['unit_id', 'progress'])
      .where('org_id', '=', orgId).where('period_id', '=', periodId).where('status', '!=', 'cancelled');
    if (ids) q = q.where('unit_id', 'in', [...ids]);
    return q.execute();
  };
  const rows = [];
  if (!unitIds) rows.push(...await select(undefined));
  else for (let i = 0; i < unitIds.length; i += 1000) rows.push(...await select(unitIds.slice(i, i + 1000)));
  return rows.map((r) => ({ unitId: r.unit_id, progress: r.progress }));
}

/** One unit's own live objectives in a period with their key results. */
export async function ownObjectives(db: Db, orgId: string, periodId: string, unitId: string):
  Promise<{ objectives: ProgressObjectiveRow[]; keyResults: ProgressKeyResultRow[] }> {
  const objectives = (await db.selectFrom('objectives').select(['id', 'unit_id', 'title', 'kind', 'status', 'progress'])
    .where('org_id', '=', orgId).where('period_id', '=', periodId).where('unit_id', '=', unitId).where('status', '!=', 'cancelled')
    .orderBy('id').execute())
    .map((o) => ({ id: o.id, unitId: o.unit_id, title: o.title, kind: o.kind, status: o.status, progress: o.progress }));
  if (objectives.length === 0) return { objectives, keyResults: [] };
  const keyResults = (await db.selectFrom('key_results')
    .select(['id', 'objective_id', 'title', 'type', 'start_value', 'target_value', 'measure', 'owner_id', 'weight', 'current_value', 'current_at', 'confidence'])
    .where('objective_id', 'in', objectives.map((o) => o.id)).orderBy('created_at').orderBy('id').execute())
    .map((k) => ({
      id: k.id, objectiveId: k.objective_id, title: k.title, type: k.type as KeyResultType, start: k.start_value, target: k.target_value,
      measure: k.measure, ownerId: k.owner_id, weight: k.weight, current: k.current_value, currentAt: k.current_at, confidence: k.confidence,
    }));
  return { objectives, keyResults };
}
