// Searching what an objective can pay into: objectives (Moals among them) and key results of
// the given periods, by words in their titles, case-insensitively on both dialects.
import type { Db } from './executor.js';

export interface TargetRow {
  kind: 'objective' | 'keyResult'; id: string; title: string; objectiveId: string; objectiveTitle: string;
  unitId: string; unitName: string; periodId: string;
}

// Wildcards are dropped rather than escaped: LIKE escapes differ between SQLite and PostgreSQL.
// Wildcards are dropped, not escaped: LIKE escapes differ between SQLite and PostgreSQL.
function pattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, '')}%`;
}

export async function searchAlignmentTargets(db: Db, orgId: string, periodIds: readonly string[], q: string, limit: number): Promise<TargetRow[]> {
  if (periodIds.length === 0) return [];
  const like = pattern(q);
  let oq = db.selectFrom('objectives').innerJoin('units', 'units.id', 'objectives.unit_id')
    .select(['objectives.id', 'objectives.title', 'objectives.unit_id', 'units.name as unit_name', 'objectives.period_id'])
    .where('objectives.org_id', '=', orgId).where('objectives.period_id', 'in', [...periodIds]).where('objectives.status', '!=', 'cancelled');
  if (q) oq = oq.where((eb) => eb(eb.fn('lower', ['objectives.title']), 'like', like));
  let kq = db.selectFrom('key_results').innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .innerJoin('units', 'units.id', 'objectives.unit_id')
    .select(['key_results.id', 'key_results.title', 'objectives.id as objective_id', 'objectives.title as objective_title',
      'objectives.unit_id', 'units.name as unit_name', 'objectives.period_id'])
    .where('objectives.org_id', '=', orgId).where('objectives.period_id', 'in', [...periodIds]).where('objectives.status', '!=', 'cancelled');
  if (q) kq = kq.where((eb) => eb(eb.fn('lower', ['key_results.title']), 'like', like));
  const [objectives, keyResults] = await Promise.all([oq.orderBy('objectives.title').limit(limit).execute(), kq.orderBy('key_results.title').limit(limit).execute()]);
  return [
    ...objectives.map((o) => ({ kind: 'objective' as const, id: o.id, title: o.title, objectiveId: o.id, objectiveTitle: o.title, unitId: o.unit_id, unitName: o.unit_name, periodId: o.period_id! })), // filtered by period: never null
    ...keyResults.map((k) => ({ kind: 'keyResult' as const, id: k.id, title: k.title, objectiveId: k.objective_id, objectiveTitle: k.objective_title, unitId: k.unit_id, unitName: k.unit_name, periodId: k.period_id! })),
  ];
}
