// A unit's page in numbers: its own objectives with their key results, and its whole subtree
// rolled up, each with progress, expected progress and on-track for the chosen period.
// Below the unit, each objective counts with the progress kept on its row, so the root of a
// large organisation reads one number per objective rather than every key result.
import { rollUp, trackStatus, type UnitProgress, type UnitProgressNode } from '@varde/core';
import { objectiveProgressRows, ownObjectives } from '../store/progress.js';
import { subtreeNodes, type UnitNode } from '../store/units.js';
import { getPeriod } from '../store/periods.js';
import { ownersOf } from '../store/objectives.js';
import { keyResultTrack, timingOf } from '../presenters/okr.js';
import type { Actor, Deps } from './context.js';
import { invalid, notFound } from './errors.js';
import { timeZoneOf } from './timing.js';
import { groupBy } from './groupBy.js';

export async function readUnitProgress(deps: Deps, actor: Actor, unitId: string, periodId: string): Promise<UnitProgress> {
  const db = deps.store.db;
  const [units, period, tz] = await Promise.all([subtreeNodes(db, actor.orgId, unitId), getPeriod(db, actor.orgId, periodId), timeZoneOf(db, actor.orgId)]);
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw notFound('The unit');
  if (!period) throw invalid('period', 'is not a period in this organisation', 'unknown_period');

  const isRoot = unit.parentId === null;
  const [below, own] = await Promise.all([
    objectiveProgressRows(db, actor.orgId, periodId, isRoot ? undefined : units.map((u) => u.id)),
    ownObjectives(db, actor.orgId, periodId, unitId),
  ]);
  const timing = timingOf(period, deps.clock.now(), tz);
  const expected = timing.expected;
  const rolled = rollUp(units, below.map((o) => ({ unitId: o.unitId, progress: o.progress, expected })));

  const track = (id: string) => {
    const r = rolled.get(id)!;
    return { progress: r.progress, expectedProgress: r.expectedProgress, onTrack: r.onTrack, trackStatus: r.status,
      objectiveCount: r.objectiveCount, subtreeObjectiveCount: r.subtreeObjectiveCount };
  };
  const ref = (u: UnitNode) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId });
  const children = groupBy(units.filter((u) => u.parentId && u.id !== unitId), (u) => u.parentId!);
  // Built bottom-up with an explicit stack, so a deep tree cannot overflow the call stack.
  const nodeOf = new Map<string, UnitProgressNode>();
  const order: UnitNode[] = [];
  const stack: UnitNode[] = [unit];
  while (stack.length) {
    const u = stack.pop()!;
    order.push(u);
    for (const c of children.get(u.id) ?? []) stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const u = order[i]!;
    const kids = (children.get(u.id) ?? []).slice().sort((a, b) => a.name.localeCompare(b.name)).map((c) => nodeOf.get(c.id)!);
    const t = track(u.id);
    nodeOf.set(u.id, { unit: ref(u), progress: t.progress, expectedProgress: t.expectedProgress, onTrack: t.onTrack, trackStatus: t.trackStatus,
      objectiveCount: t.objectiveCount, subtreeObjectiveCount: t.subtreeObjectiveCount, children: kids });
  }

  const owners = await ownersOf(db, own.objectives.map((o) => o.id));
  const krsOf = groupBy(own.keyResults, (k) => k.objectiveId);
  const objectives = own.objectives.map((o) => {
    const status = trackStatus({ type: 'objective', progress: o.progress, expected });
    return {
      id: o.id, title: o.title, kind: o.kind, status: o.status, ownerIds: owners.get(o.id) ?? [],
      progress: o.progress, expectedProgress: expected, onTrack: status.onTrack, trackStatus: status.status,
      keyResults: (krsOf.get(o.id) ?? []).map((k) => {
        const t = keyResultTrack(k, timing);
        return {
          id: k.id, title: k.title, type: k.type, start: k.start, target: k.target, measure: k.measure, current: k.current,
          currentAt: k.currentAt, confidence: k.confidence, ownerId: k.ownerId, rawProgress: t.rawProgress,
          progress: t.progress, expectedProgress: t.expectedProgress, onTrack: t.onTrack, trackStatus: t.trackStatus,
        };
      }),
    };
  });

  return {
    unit: ref(unit),
    period: { id: period.id, name: period.name, kind: period.kind, startDate: period.startDate, endDate: period.endDate, state: period.state },
    ...track(unitId),
    objectives,
    children: nodeOf.get(unitId)!.children,
  };
}
