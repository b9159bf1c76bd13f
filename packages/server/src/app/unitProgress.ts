// A unit's page in numbers: its own objectives with their key results, and its whole subtree
// rolled up, each with progress, expected progress and on-track for the chosen period.
import { rollUp, subtreeIds, type UnitProgress, type UnitProgressNode } from '@varde/core';
import { progressRows } from '../store/progress.js';
import { groupBy } from './groupBy.js';
import { unitTree, type UnitNode } from '../store/units.js';
import { getPeriod } from '../store/periods.js';
import { ownersOf } from '../store/objectives.js';
import { keyResultTrack, objectiveTrack, timingOf } from '../presenters/okr.js';
import type { Actor, Deps } from './context.js';
import { invalid, notFound } from './errors.js';
import { timeZoneOf } from './timing.js';

export async function readUnitProgress(deps: Deps, actor: Actor, unitId: string, periodId: string): Promise<UnitProgress> {
  const db = deps.store.db;
  const [tree, period, tz] = await Promise.all([unitTree(db, actor.orgId), getPeriod(db, actor.orgId, periodId), timeZoneOf(db, actor.orgId)]);
  const unit = tree.find((u) => u.id === unitId);
  if (!unit) throw notFound('The unit');
  if (!period) throw invalid('period', 'is not a period in this organisation', 'unknown_period');

  const subtree = subtreeIds(tree, unitId);
  const isRoot = unit.parentId === null;
  const rows = await progressRows(db, actor.orgId, periodId, isRoot ? undefined : subtree);
  const timing = timingOf(period, deps.clock.now(), tz);

  const krsByObjective = groupBy(rows.keyResults, (kr) => kr.objectiveId);
  const objectives = rows.objectives.map((o) => {
    const keyResults = (krsByObjective.get(o.id) ?? []).map((kr) => ({ ...kr, ...keyResultTrack(kr, timing) }));
    return { ...o, keyResults, ...objectiveTrack(keyResults, timing) };
  });

  const inSubtree = new Set(subtree);
  const units = tree.filter((u) => inSubtree.has(u.id));
  const rolled = rollUp(units, objectives.map((o) => ({ unitId: o.unitId, progress: o.progress, expected: o.expectedProgress })));
  const children = groupBy(units.filter((u) => u.parentId && u.id !== unitId), (u) => u.parentId!);
  const ref = (u: UnitNode) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId });
  const track = (id: string) => {
    const r = rolled.get(id)!;
    return { progress: r.progress, expectedProgress: r.expectedProgress, onTrack: r.onTrack, trackStatus: r.status,
      objectiveCount: r.objectiveCount, subtreeObjectiveCount: r.subtreeObjectiveCount };
  };
  const byName = (a: UnitNode, b: UnitNode) => a.name.localeCompare(b.name);
  // Built bottom-up with an explicit stack, so a deep tree cannot overflow the call stack.
  const nodeOf = new Map<string, UnitProgressNode>();
  const order: UnitNode[] = [];
  const stack: UnitNode[] = [unit];
  while (stack.length) {
    const u = stack.pop()!;
    order.push(u);
    for (const c of children.get(u.id) ?? []) stack.push(c);
  }
  for (const u of order.reverse()) {
    const kids = (children.get(u.id) ?? []).slice().sort(byName).map((c) => nodeOf.get(c.id)!);
    nodeOf.set(u.id, { unit: ref(u), ...track(u.id), children: kids });
  }

  const own = objectives.filter((o) => o.unitId === unitId);
  const owners = await ownersOf(db, own.map((o) => o.id));
  return {
    unit: ref(unit),
    period: { id: period.id, name: period.name, kind: period.kind, startDate: period.startDate, endDate: period.endDate, state: period.state },
    ...track(unitId),
    objectives: own.map(({ unitId: _u, ...o }) => ({
      ...o, ownerIds: owners.get(o.id) ?? [],
      keyResults: o.keyResults.map(({ objectiveId: _o, weight: _w, ...k }) => k),
    })),
    children: nodeOf.get(unitId)!.children,
  };
}
