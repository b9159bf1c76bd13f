// A unit's page in numbers: its own objectives with their key results, and the units below it to a
// chosen depth, each with its whole subtree rolled up: progress, expected progress and on-track for
// the chosen period.
// Below the unit, each objective counts with the progress kept on its row, so the root of a
// large organisation reads one number per objective rather than every key result.
import { openBlocker, progressReading, rollUp, trackStatus, unitsInRollUp, UNIT_PROGRESS_DEPTH, type UnitProgress, type UnitProgressNode } from '@varde/core';
import { countsInRollUp, objectiveProgressRows, ownKeyResults, ownObjectivesWithOwners, type OwnObjectiveRow } from '../store/progress.js';
import { newestBlockers } from '../store/latestCheckIns.js';
import { isMember, subtreeNodes, type UnitNode } from '../store/units.js';
import { getPeriodInTimeZone } from '../store/periods.js';
import { keyResultCanFor, keyResultTrack, NO_HINTS, objectiveCanFor, timingOf, unitReading, type Viewer } from '../presenters/okr.js';
import { alignmentCounts } from '../store/alignedTo.js';
import { draftHints, withDismissals } from './hints.js';
import type { Actor, Deps } from './context.js';
import { invalid, notFound } from './errors.js';
import { groupBy } from './groupBy.js';

/** `depth` levels of the tree are listed (1: the unit's children); the figures of each are its whole subtree's. */
export async function readUnitProgress(deps: Deps, actor: Actor, unitId: string, periodId: string, depth: number = UNIT_PROGRESS_DEPTH): Promise<UnitProgress> {
  const db = deps.store.db;
  // Queries that do not wait for each other: on PostgreSQL they run at once on the pool.
  const [subtree, inPeriod, ownRows, ownKrs, blockerRows, actorIsMember] = await Promise.all([
    subtreeNodes(db, actor.orgId, unitId),
    getPeriodInTimeZone(db, actor.orgId, periodId),
    ownObjectivesWithOwners(db, actor.orgId, periodId, unitId),
    ownKeyResults(db, actor.orgId, periodId, unitId),
    newestBlockers(db, actor.orgId, [periodId], [unitId]),
    isMember(db, unitId, actor.personId),
  ]);
  // Archived units leave the roll-up and the tree (unless the page is of an archived one); the
  // root's objectives are read for the whole organisation, and rollUp ignores those of units left out.
  const units = unitsInRollUp(subtree, unitId);
  const blockerOf = new Map(blockerRows.map((b) => [b.keyResultId, openBlocker(b)]));
  const unit = units.find((u) => u.id === unitId);
  if (!unit) throw notFound('The unit');
  if (!inPeriod) throw invalid('period', 'is not a period in this organisation', 'unknown_period');
  const { period, timeZone: tz } = inPeriod;

  // Rows come once per owner, in objective order.
  const ownObjectives: Array<Omit<OwnObjectiveRow, 'ownerId'> & { ownerIds: string[] }> = [];
  for (const { ownerId, ...o } of ownRows) {
    const last = ownObjectives.at(-1);
    if (last?.id === o.id) { if (ownerId) last.ownerIds.push(ownerId); } else ownObjectives.push({ ...o, ownerIds: ownerId ? [ownerId] : [] });
  }
  // Every live objective of the subtree counts once; drafts are listed but left out of the roll-up. A unit with nothing below it (most teams)
  // needs no further query; the root reads the whole organisation's, without a list of units.
  const isRoot = unit.parentId === null;
  const others = units.filter((u) => u.id !== unitId).map((u) => u.id);
  const below = isRoot && others.length > 0
    ? await objectiveProgressRows(db, actor.orgId, periodId, undefined)
    : [...ownObjectives.filter((o) => countsInRollUp(o.status)).map((o) => ({ unitId, progress: o.progress })), ...(others.length ? await objectiveProgressRows(db, actor.orgId, periodId, others) : [])];

  const timing = timingOf(period, deps.clock.now(), tz);
  const expected = timing.expected;
  const rolled = rollUp(units, below.map((o) => ({ unitId: o.unitId, progress: o.progress, expected })));

  const track = (id: string) => {
    const r = rolled.get(id)!;
    return { progress: r.progress, expectedProgress: r.expectedProgress, onTrack: r.onTrack, trackStatus: r.status,
      reading: unitReading(r.subtreeObjectiveCount, timing), objectiveCount: r.objectiveCount, subtreeObjectiveCount: r.subtreeObjectiveCount };
  };
  const ref = (u: UnitNode) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId });
  const children = groupBy(units.filter((u) => u.parentId && u.id !== unitId), (u) => u.parentId!);
  // Listed top-down to the depth asked for, with an explicit stack so a deep tree cannot overflow
  // the call stack; below that depth a node says how many children it has rather than listing them.
  const nodeOf = (u: UnitNode): UnitProgressNode => {
    const t = track(u.id);
    return { unit: ref(u), progress: t.progress, expectedProgress: t.expectedProgress, onTrack: t.onTrack, trackStatus: t.trackStatus,
      reading: t.reading, objectiveCount: t.objectiveCount, subtreeObjectiveCount: t.subtreeObjectiveCount,
      childCount: children.get(u.id)?.length ?? 0, children: [] };
  };
  const byName = (list: readonly UnitNode[]) => list.slice().sort((a, b) => a.name.localeCompare(b.name));
  const top: UnitProgressNode[] = [];
  const stack: Array<{ u: UnitNode; level: number; into: UnitProgressNode[] }> = depth >= 1
    ? byName(children.get(unitId) ?? []).reverse().map((u) => ({ u, level: 1, into: top })) : [];
  while (stack.length) {
    const { u, level, into } = stack.pop()!;
    const node = nodeOf(u);
    into.push(node);
    if (level < depth) for (const c of byName(children.get(u.id) ?? []).reverse()) stack.push({ u: c, level: level + 1, into: node.children });
  }

  const krsOf = groupBy(ownKrs, (k) => k.objectiveId);
  // The coach speaks of drafts only (app/hints.ts): a cycle under way has none, and reads nothing more here.
  const drafts = ownObjectives.filter((o) => o.status === 'draft');
  const hintsOf = drafts.length === 0 ? NO_HINTS : await (async () => {
    const links = await alignmentCounts(db, actor.orgId, drafts.map((o) => o.id));
    const hints = draftHints(drafts.map((o) => ({ ...o, unitId, periodId, alignmentCount: links.get(o.id) ?? 0 })), ownKrs, () => isRoot);
    return withDismissals(db, actor.orgId, hints);
  })();
  // Every objective listed is the unit's own, so what `can` is decided from is the same for all.
  const viewer: Viewer = { actor, unit: { archivedAt: unit.archivedAt, actorIsMember } };
  const objectives = ownObjectives.map((o) => {
    const status = trackStatus({ type: 'objective', progress: o.progress, expected });
    const krs = krsOf.get(o.id) ?? [];
    const reading = progressReading({ periodState: period.state, checkedIn: krs.some((k) => k.current !== null) });
    return {
      id: o.id, title: o.title, kind: o.kind, status: o.status, ownerIds: o.ownerIds,
      progress: o.progress, expectedProgress: expected, onTrack: status.onTrack, trackStatus: status.status, reading,
      can: objectiveCanFor(viewer, timing), hints: hintsOf('objective', o.id),
      keyResults: (krsOf.get(o.id) ?? []).map((k) => {
        const t = keyResultTrack(k, timing);
        return {
          id: k.id, title: k.title, type: k.type, start: k.start, target: k.target, measure: k.measure, current: k.current,
          currentAt: k.currentAt, confidence: k.confidence, ownerId: k.ownerId, rawProgress: t.rawProgress,
          progress: t.progress, expectedProgress: t.expectedProgress, onTrack: t.onTrack, trackStatus: t.trackStatus, reading: t.reading,
          blocker: blockerOf.get(k.id) ?? null, can: keyResultCanFor(viewer, k.ownerId, timing), hints: hintsOf('keyResult', k.id),
        };
      }),
    };
  });

  return {
    unit: ref(unit),
    period: { id: period.id, name: period.name, kind: period.kind, startDate: period.startDate, endDate: period.endDate, state: period.state },
    ...track(unitId),
    objectives,
    childCount: children.get(unitId)?.length ?? 0,
    children: top,
  };
}
