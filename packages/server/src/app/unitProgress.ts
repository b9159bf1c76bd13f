// A unit's page in numbers: its own objectives with their key results, and the units below it to a
// chosen depth, each with its whole subtree rolled up: progress, expected progress and on-track for
// the chosen period.
// Below the unit, each objective counts with the progress kept on its row, so the root of a
// large organisation reads one number per objective rather than every key result; and a unit with
// a large tree below it takes its figures from the organisation's kept roll-up (keptRollUps.ts),
// so that it costs what its own objectives and first level cost.
import { openBlocker, progressReading, rolledAt, rollUp, trackStatus, unitsInRollUp, UNIT_PROGRESS_DEPTH, type RolledUp, type UnitProgress, type UnitProgressNode } from '@varde/core';
import { countsInRollUp, ownKeyResults, rolledObjectiveRows, ownObjectivesWithOwners, type OwnObjectiveRow } from '../store/progress.js';
import { newestBlockers } from '../store/latestCheckIns.js';
import { isMember, subtreeNodes, type UnitNode } from '../store/units.js';
import { getPeriodInTimeZone } from '../store/periods.js';
import { keyResultCanFor, keyResultTrack, NO_HINTS, objectiveCanFor, timingOf, unitReading, type Viewer } from '../presenters/okr.js';
import { alignmentCounts } from '../store/alignedTo.js';
import { draftHints, withDismissals } from './hints.js';
import { byName, type KeptRollUp } from './keptRollUps.js';
import type { Actor, Deps } from './context.js';
import { invalid, notFound } from './errors.js';
import { groupBy } from './groupBy.js';

/** A unit with more units than this in its tree takes its figures from the kept roll-up; a team
 *  or a small area reads its own tree, which costs less than asking whether the copy is current. */
export const KEPT_FROM_UNITS = 50;

/** The unit, the units below it in its roll-up, and their figures at the moment's expected progress. */
interface RolledTree {
  unit: UnitNode;
  childrenOf(unitId: string): readonly UnitNode[];
  figures(unitId: string): RolledUp;
}

function keptTree(kept: KeptRollUp, unitId: string, expected: number): RolledTree | undefined {
  const unit = kept.units.get(unitId);
  return unit && { unit, childrenOf: (id) => kept.childrenOf(id), figures: (id) => rolledAt(kept.figures(id)!, expected) };
}

/** The tree read for this unit alone, or from the kept roll-up when it turns out to be large (and
 *  the period is one: a copy is not made for any id a request names). */
async function readTree(deps: Deps, orgId: string, periodId: string, periodKnown: boolean, unitId: string, subtree: UnitNode[],
  own: ReadonlyArray<{ status: string; progress: number }>, expected: number): Promise<RolledTree | undefined> {
  const db = deps.store.db;
  // Archived units leave the roll-up and the tree (unless the page is of an archived one); the
  // root's objectives are read for the whole organisation, and rollUp ignores those of units left out.
  const units = unitsInRollUp(subtree, unitId);
  const unit = units.find((u) => u.id === unitId);
  if (!unit) return undefined;
  if (periodKnown && units.length > KEPT_FROM_UNITS && unit.archivedAt === null) {
    const kept = await deps.rollUps.current(db, orgId, periodId);
    const tree = kept && keptTree(kept, unitId, expected);
    if (tree) return tree;
  }
  // Every live objective of the subtree counts once; drafts are listed but left out of the roll-up. A unit with nothing below it (most teams)
  // needs no further query; the root reads the whole organisation's, without a list of units.
  const others = units.filter((u) => u.id !== unitId).map((u) => u.id);
  const below = unit.parentId === null && others.length > 0
    ? await rolledObjectiveRows(db, orgId, periodId)
    : [...own.filter((o) => countsInRollUp(o.status)).map((o) => ({ unitId, progress: o.progress })), ...(others.length ? await rolledObjectiveRows(db, orgId, periodId, { unitIds: others }) : [])];
  const rolled = rollUp(units, below.map((o) => ({ unitId: o.unitId, progress: o.progress, expected })));
  const children = groupBy(units.filter((u) => u.parentId && u.id !== unitId), (u) => u.parentId!);
  for (const list of children.values()) list.sort(byName);
  return { unit, childrenOf: (id) => children.get(id) ?? [], figures: (id) => rolled.get(id)! };
}

/** `depth` levels of the tree are listed (1: the unit's children); the figures of each are its whole subtree's. */
export async function readUnitProgress(deps: Deps, actor: Actor, unitId: string, periodId: string, depth: number = UNIT_PROGRESS_DEPTH): Promise<UnitProgress> {
  const db = deps.store.db;
  // A copy that held a large tree below the unit last time is asked first, without reading the tree.
  const viaKept = (deps.rollUps.held(actor.orgId, periodId)?.sizeOf(unitId) ?? 0) > KEPT_FROM_UNITS;
  // Queries that do not wait for each other: on PostgreSQL they run at once on the pool.
  const [read, inPeriod, ownRows, ownKrs, blockerRows, actorIsMember] = await Promise.all([
    viaKept ? deps.rollUps.current(db, actor.orgId, periodId) : subtreeNodes(db, actor.orgId, unitId),
    getPeriodInTimeZone(db, actor.orgId, periodId),
    ownObjectivesWithOwners(db, actor.orgId, periodId, unitId),
    ownKeyResults(db, actor.orgId, periodId, unitId),
    newestBlockers(db, actor.orgId, [periodId], [unitId]),
    isMember(db, unitId, actor.personId),
  ]);
  const blockerOf = new Map(blockerRows.map((b) => [b.keyResultId, openBlocker(b)]));
  const timing = inPeriod ? timingOf(inPeriod.period, deps.clock.now(), inPeriod.timeZone) : undefined;
  const expected = timing?.expected ?? 0;

  // Rows come once per owner, in objective order.
  const ownObjectives: Array<Omit<OwnObjectiveRow, 'ownerId'> & { ownerIds: string[] }> = [];
  for (const { ownerId, ...o } of ownRows) {
    const last = ownObjectives.at(-1);
    if (last?.id === o.id) { if (ownerId) last.ownerIds.push(ownerId); } else ownObjectives.push({ ...o, ownerIds: ownerId ? [ownerId] : [] });
  }
  // A copy that no longer holds the unit (archived, or moved below an archived one) leaves it to its own tree.
  const tree = (read && !Array.isArray(read) ? keptTree(read, unitId, expected) : undefined)
    ?? await readTree(deps, actor.orgId, periodId, inPeriod !== undefined, unitId,
      Array.isArray(read) ? read : await subtreeNodes(db, actor.orgId, unitId), ownObjectives, expected);
  if (!tree) throw notFound('The unit');
  if (!inPeriod || !timing) throw invalid('period', 'is not a period in this organisation', 'unknown_period');
  const { period } = inPeriod;
  const { unit } = tree;
  const isRoot = unit.parentId === null;

  const track = (id: string) => {
    const r = tree.figures(id);
    return { progress: r.progress, expectedProgress: r.expectedProgress, onTrack: r.onTrack, trackStatus: r.status,
      reading: unitReading(r.subtreeObjectiveCount, timing), objectiveCount: r.objectiveCount, subtreeObjectiveCount: r.subtreeObjectiveCount };
  };
  const ref = (u: UnitNode) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId });
  // Listed top-down to the depth asked for, with an explicit stack so a deep tree cannot overflow
  // the call stack; below that depth a node says how many children it has rather than listing them.
  const nodeOf = (u: UnitNode): UnitProgressNode => {
    const t = track(u.id);
    return { unit: ref(u), progress: t.progress, expectedProgress: t.expectedProgress, onTrack: t.onTrack, trackStatus: t.trackStatus,
      reading: t.reading, objectiveCount: t.objectiveCount, subtreeObjectiveCount: t.subtreeObjectiveCount,
      childCount: tree.childrenOf(u.id).length, children: [] };
  };
  // The unit's figures and its tree's are all read here, before anything is awaited: a kept roll-up
  // may be refreshed meanwhile.
  const own = track(unitId);
  const top: UnitProgressNode[] = [];
  const stack: Array<{ u: UnitNode; level: number; into: UnitProgressNode[] }> = depth >= 1
    ? tree.childrenOf(unitId).slice().reverse().map((u) => ({ u, level: 1, into: top })) : [];
  while (stack.length) {
    const { u, level, into } = stack.pop()!;
    const node = nodeOf(u);
    into.push(node);
    if (level < depth) for (const c of tree.childrenOf(u.id).slice().reverse()) stack.push({ u: c, level: level + 1, into: node.children });
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
    ...own,
    objectives,
    childCount: tree.childrenOf(unitId).length,
    children: top,
  };
}
