// Finding what an objective can pay into, for the alignment picker.
import type { AlignmentTarget } from '@varde/core';
import { searchAlignmentTargets } from '../store/alignmentTargets.js';
import { searchKpis } from '../store/kpis.js';
import { getPeriod, listPeriods } from '../store/periods.js';
import { rootUnit } from '../store/units.js';
import type { Actor, Deps } from './context.js';
import { invalid } from './errors.js';

export async function findAlignmentTargets(deps: Deps, actor: Actor, periodId: string, q: string, limit: number): Promise<AlignmentTarget[]> {
  const db = deps.store.db;
  const period = await getPeriod(db, actor.orgId, periodId);
  if (!period) throw invalid('period', 'is not a period in this organisation', 'unknown_period');
  // The cycle itself and every period that spans it: the year of its Moals, a half-year above a quarter.
  const around = (await listPeriods(db, actor.orgId, {}))
    .filter((p) => p.id === period.id || (p.startDate <= period.startDate && p.endDate >= period.endDate));
  const [rows, root, kpis] = await Promise.all([
    searchAlignmentTargets(db, actor.orgId, around.map((p) => p.id), q, limit), rootUnit(db, actor.orgId), searchKpis(db, actor.orgId, q, limit),
  ]);
  const names = new Map(around.map((p) => [p.id, { name: p.name, kind: p.kind }]));
  // KPIs are kept outside the cycles: any of them can be paid into from any cycle.
  const kpiTargets: AlignmentTarget[] = kpis.map((k) => ({
    kind: 'kpi', id: k.id, title: k.title, objectiveId: null, objectiveTitle: '', unitId: k.unitId, unitName: k.unitName, periodId: null, periodName: '', isMoal: false,
  }));
  return [...rows.map((r) => {
    const p = names.get(r.periodId);
    return { ...r, periodName: p?.name ?? '', isMoal: r.kind === 'objective' && p?.kind === 'year' && r.unitId === root?.id };
  }), ...kpiTargets].sort((a, b) => Number(b.isMoal) - Number(a.isMoal) || a.title.localeCompare(b.title)).slice(0, limit);
}
