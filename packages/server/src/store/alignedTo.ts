// What objectives pay into, with titles and units, for many objectives in three queries.
import type { AlignedTo } from '@varde/core';
import type { Db } from './executor.js';

export async function alignedToOf(db: Db, orgId: string, objectiveIds: readonly string[]): Promise<Map<string, AlignedTo[]>> {
  const out = new Map<string, AlignedTo[]>();
  if (objectiveIds.length === 0) return out;
  const add = (objectiveId: string, a: AlignedTo) => {
    const list = out.get(objectiveId);
    if (list) list.push(a); else out.set(objectiveId, [a]);
  };
  for (let i = 0; i < objectiveIds.length; i += 500) {
    const chunk = objectiveIds.slice(i, i + 500);
    const toObjectives = await db.selectFrom('alignments')
      .innerJoin('objectives as t', 't.id', 'alignments.target_objective_id')
      .innerJoin('units', 'units.id', 't.unit_id')
      .innerJoin('periods', 'periods.id', 't.period_id')
      .select(['alignments.objective_id', 't.id', 't.title', 't.unit_id', 'units.name as unit_name', 'units.parent_id', 'periods.kind as period_kind'])
      .where('alignments.org_id', '=', orgId).where('alignments.objective_id', 'in', chunk).orderBy('t.title').execute();
    for (const r of toObjectives) {
      add(r.objective_id, { kind: 'objective', id: r.id, title: r.title, unitId: r.unit_id, unitName: r.unit_name, isMoal: r.parent_id === null && r.period_kind === 'year' });
    }
    const toKeyResults = await db.selectFrom('alignments')
      .innerJoin('key_results as k', 'k.id', 'alignments.target_key_result_id')
      .innerJoin('objectives as o', 'o.id', 'k.objective_id')
      .innerJoin('units', 'units.id', 'o.unit_id')
      .select(['alignments.objective_id', 'k.id', 'k.title', 'o.unit_id', 'units.name as unit_name'])
      .where('alignments.org_id', '=', orgId).where('alignments.objective_id', 'in', chunk).orderBy('k.title').execute();
    for (const r of toKeyResults) {
      add(r.objective_id, { kind: 'keyResult', id: r.id, title: r.title, unitId: r.unit_id, unitName: r.unit_name, isMoal: false });
    }
    const toKpis = await db.selectFrom('alignments')
      .innerJoin('kpis as p', 'p.id', 'alignments.target_kpi_id')
      .innerJoin('units', 'units.id', 'p.unit_id')
      .select(['alignments.objective_id', 'p.id', 'p.title', 'p.unit_id', 'units.name as unit_name'])
      .where('alignments.org_id', '=', orgId).where('alignments.objective_id', 'in', chunk).orderBy('p.title').execute();
    for (const r of toKpis) {
      add(r.objective_id, { kind: 'kpi', id: r.id, title: r.title, unitId: r.unit_id, unitName: r.unit_name, isMoal: false });
    }
  }
  return out;
}

/** How many links each of the objectives has to what it pays into, as stored (the coach's no-alignment). */
export async function alignmentCounts(db: Db, orgId: string, objectiveIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < objectiveIds.length; i += 500) {
    const rows = await db.selectFrom('alignments').select(['objective_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('org_id', '=', orgId).where('objective_id', 'in', objectiveIds.slice(i, i + 500)).groupBy('objective_id').execute();
    for (const r of rows) out.set(r.objective_id, Number(r.n));
  }
  return out;
}
