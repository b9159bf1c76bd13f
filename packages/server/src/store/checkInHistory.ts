// The check-in series of every key result of a unit's objectives in a period: what the team
// page draws its sparklines from, in one query.
import type { Db } from './executor.js';

export interface SeriesPoint { keyResultId: string; at: string; value: number; confidence: number }

export async function unitCheckInHistory(db: Db, orgId: string, unitId: string, periodId: string): Promise<SeriesPoint[]> {
  const rows = await db.selectFrom('check_ins')
    .innerJoin('key_results', 'key_results.id', 'check_ins.key_result_id')
    .innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .select(['check_ins.key_result_id', 'check_ins.created_at', 'check_ins.value', 'check_ins.confidence'])
    .where('objectives.org_id', '=', orgId).where('objectives.unit_id', '=', unitId).where('objectives.period_id', '=', periodId)
    .orderBy('check_ins.key_result_id').orderBy('check_ins.created_at').execute();
  return rows.map((r) => ({ keyResultId: r.key_result_id, at: r.created_at, value: r.value, confidence: r.confidence }));
}
