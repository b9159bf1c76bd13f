// The alignment between the units right below one, for a cycle (article 004's optional ritual:
// the teams of an area compare their OKRs, find overlaps and interfaces, agree a direction): their
// drafts and published objectives side by side with what each pays into, the Moals and the
// unit's own objectives that nothing of theirs pays into, the key results core suggests as
// overlaps, and the contradiction flags standing on them.
import { suggestedOverlaps, unpaidTargets, type AlignmentObjective, type KeyResultPlace, type UnitAlignment } from '@varde/core';
import { listObjectives, type ObjectiveRecord } from '../store/objectives.js';
import { keyResultsOf, type KeyResultRecord } from '../store/keyResults.js';
import { alignedToOf } from '../store/alignedTo.js';
import { activeChildren, getUnit, rootUnit } from '../store/units.js';
import { getPeriod, listPeriods } from '../store/periods.js';
import { groupBy } from './groupBy.js';
import { readContradictions } from './contradictions.js';
import type { Actor, Deps } from './context.js';
import { invalid, notFound } from './errors.js';

/** More than any unit has in a cycle: the objectives of an area and its teams are read whole. */
const ALL = 10_000;

export async function readUnitAlignment(deps: Deps, actor: Actor, unitId: string, periodId: string): Promise<UnitAlignment> {
  const db = deps.store.db;
  const [unit, period] = await Promise.all([getUnit(db, actor.orgId, unitId), getPeriod(db, actor.orgId, periodId)]);
  if (!unit) throw notFound('The unit');
  if (!period) throw invalid('period', 'is not a period in this organisation', 'unknown_period');
  const [children, root, periods] = await Promise.all([activeChildren(db, actor.orgId, unit.id), rootUnit(db, actor.orgId), listPeriods(db, actor.orgId, {})]);
  const unitIds = [unit.id, ...children.map((c) => c.id)];
  const years = periods.filter((p) => p.kind === 'year' && p.id !== period.id && p.startDate <= period.startDate && p.endDate >= period.endDate);
  const [objectives, moals] = await Promise.all([
    listObjectives(db, actor.orgId, { unitIds, periodId: period.id }, ALL, undefined),
    root && years.length ? Promise.all(years.map((y) => listObjectives(db, actor.orgId, { unitIds: [root.id], periodId: y.id }, ALL, undefined))).then((l) => l.flat()) : [],
  ]);
  const shown = objectives.filter((o) => o.status !== 'cancelled');
  const liveMoals = moals.filter((o) => o.status !== 'cancelled' && o.unitId !== unit.id);
  const [krs, aligned] = await Promise.all([
    keyResultsOf(db, actor.orgId, [...shown, ...liveMoals].map((o) => o.id)),
    alignedToOf(db, actor.orgId, shown.map((o) => o.id)),
  ]);
  const krsOf = groupBy(krs, (k) => k.objectiveId);
  const unitName = new Map([[unit.id, unit.name], ...children.map((c) => [c.id, c.name] as const), ...(root ? [[root.id, root.name] as const] : [])]);
  const view = (o: ObjectiveRecord): AlignmentObjective => ({
    id: o.id, title: o.title, kind: o.kind, status: o.status, alignedTo: aligned.get(o.id) ?? [],
    keyResults: (krsOf.get(o.id) ?? []).map((k) => ({ id: k.id, title: k.title, type: k.type, start: k.start, target: k.target, measure: k.measure })),
  });
  const own = shown.filter((o) => o.unitId === unit.id);
  const below = shown.filter((o) => o.unitId !== unit.id);
  const payable = (list: readonly ObjectiveRecord[]) => list.map((o) => ({ id: o.id, keyResultIds: (krsOf.get(o.id) ?? []).map((k) => k.id) }));
  const target = (id: string) => {
    const o = [...own, ...liveMoals].find((x) => x.id === id)!;
    return { id: o.id, title: o.title, unitId: o.unitId, unitName: unitName.get(o.unitId) ?? '' };
  };

  const objectiveOf = new Map(shown.map((o) => [o.id, o]));
  const place = (k: KeyResultRecord): KeyResultPlace => {
    const o = objectiveOf.get(k.objectiveId)!;
    return { id: k.id, title: k.title, objectiveId: o.id, objectiveTitle: o.title, unitId: o.unitId, unitName: unitName.get(o.unitId) ?? '' };
  };
  const unitKrs = krs.filter((k) => objectiveOf.has(k.objectiveId));
  const krById = new Map(unitKrs.map((k) => [k.id, k]));
  const overlaps = suggestedOverlaps(unitKrs.map((k) => ({ id: k.id, unitId: objectiveOf.get(k.objectiveId)!.unitId, title: k.title, measure: k.measure })))
    .map((o) => ({ keyResults: o.keyResultIds.map((id) => place(krById.get(id)!)), measure: o.measure, sharedWords: o.sharedWords, similarity: o.similarity }));
  const contradictions = (await readContradictions(deps, actor, { unitIds, cleared: false }, 500, undefined, db)).items;

  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    period: { id: period.id, name: period.name },
    objectives: own.map(view),
    units: children.map((c) => ({ unit: { id: c.id, name: c.name, kind: c.kind }, objectives: below.filter((o) => o.unitId === c.id).map(view) })),
    unpaid: {
      moals: unpaidTargets(payable(liveMoals), shown.flatMap((o) => o.alignments)).map(target),
      parentObjectives: unpaidTargets(payable(own), below.flatMap((o) => o.alignments)).map(target),
    },
    overlaps,
    contradictions,
  };
}
