// "Mine": the key results I own and whether they need a check-in this cadence, the initiatives
// I own, and how my units stand against expected in the running cycle.
import { checkInDue, checkInScheduleOf, confidenceFell, okrsReadOnly, openBlocker, rollUp, unitsInRollUp, type MyWork } from '@varde/core';
import { ownedKeyResults } from '../store/myWork.js';
import { newestBlockers, previousConfidences } from '../store/latestCheckIns.js';
import { listPeriods } from '../store/periods.js';
import { getOrganisation } from '../store/organisations.js';
import { listInitiatives } from '../store/initiatives.js';
import { unitCadences, unitTree } from '../store/units.js';
import { rolledObjectiveRows } from '../store/progress.js';
import { getPerson } from '../store/people.js';
import { presentKeyResult, timingOf, unitReading } from '../presenters/okr.js';
import type { Actor, Deps } from './context.js';
import { notFound } from './errors.js';
import { myRetrospectiveActions } from './retrospectives.js';

export async function readMyWork(deps: Deps, actor: Actor): Promise<MyWork> {
  const db = deps.store.db;
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const [org, periods, person, tree, cadences] = await Promise.all([
    getOrganisation(db, actor.orgId), listPeriods(db, actor.orgId, {}), getPerson(db, actor.orgId, actor.personId), unitTree(db, actor.orgId), unitCadences(db, actor.orgId),
  ]);
  if (!org || !person) throw notFound('The person');
  const tz = org.timeZone;
  const running = periods.filter((p) => p.state !== 'closed' && p.startDate <= today && p.endDate >= today);
  const cycle = running.find((p) => p.kind === 'cycle') ?? null;

  const runningIds = running.map((p) => p.id);
  // An archived unit's OKRs take no check-ins and count in no roll-up: nothing there needs me.
  const archived = new Set(tree.filter((u) => okrsReadOnly(u)).map((u) => u.id));
  const memberOf = person.memberships.map((m) => m.unitId).filter((id) => !archived.has(id));
  const [owned, unitBlockers] = await Promise.all([
    ownedKeyResults(db, actor.orgId, actor.personId, runningIds),
    newestBlockers(db, actor.orgId, runningIds, memberOf),
  ]);
  const previous = await previousConfidences(db, actor.orgId, owned.map((k) => k.id));
  const unitName = new Map(tree.map((u) => [u.id, u.name]));
  const blockers = unitBlockers.flatMap((b) => {
    const open = openBlocker(b);
    return open ? [{ ...open, keyResultId: b.keyResultId, keyResultTitle: b.keyResultTitle, objectiveTitle: b.objectiveTitle,
      unitId: b.unitId, unitName: unitName.get(b.unitId) ?? '', periodId: b.periodId }] : [];
  });
  const periodById = new Map(periods.map((p) => [p.id, p]));
  // What `can` is decided from, already read: the tree says which units are archived, the person which they are a member of.
  const archivedAtOf = new Map(tree.map((u) => [u.id, u.archivedAt]));
  const memberships = new Set(person.memberships.map((m) => m.unitId));
  const keyResults = owned.filter((kr) => !archived.has(kr.unitId)).map((kr) => {
    const period = periodById.get(kr.periodId)!;
    const { objectiveTitle, unitId, unitName, periodId, ...record } = kr;
    const viewer = { actor, unit: { archivedAt: archivedAtOf.get(unitId) ?? null, actorIsMember: memberships.has(unitId) } };
    return {
      ...presentKeyResult(record, timingOf(period, now, tz), viewer), objectiveTitle, unitId, unitName, periodId,
      // By the key result's unit's rhythm (its own or the organisation's), counted from its period's start.
      checkInDue: checkInDue(kr.currentAt ? new Date(kr.currentAt) : null, now, checkInScheduleOf(cadences.get(unitId), org, period.startDate), tz),
      previousConfidence: previous.get(kr.id) ?? null,
      confidenceFell: confidenceFell(kr.confidence, previous.get(kr.id)),
    };
  });

  const initiatives = (await listInitiatives(db, actor.orgId, { ownerId: actor.personId }, 200, undefined))
    .filter((i) => i.status !== 'done' && i.status !== 'cancelled' && !archived.has(i.unitId))
    .map((i) => ({ ...i, unitName: tree.find((u) => u.id === i.unitId)?.name ?? '' }));

  let units: MyWork['units'] = [];
  if (cycle) {
    const mine = person.memberships.filter((m) => !archived.has(m.unitId));
    const wanted = new Set(mine.flatMap((m) => unitsInRollUp(tree, m.unitId).map((u) => u.id)));
    const rows = await rolledObjectiveRows(db, actor.orgId, cycle.id, { unitIds: [...wanted] });
    const timing = timingOf(cycle, now, tz);
    const expected = timing.expected;
    const rolled = rollUp(tree.filter((u) => wanted.has(u.id)), rows.map((o) => ({ unitId: o.unitId, progress: o.progress, expected })));
    units = mine.flatMap((m) => {
      const u = tree.find((x) => x.id === m.unitId);
      const r = rolled.get(m.unitId);
      if (!u || !r) return [];
      return [{ unit: { id: u.id, name: u.name, kind: u.kind, parentId: u.parentId }, role: m.role, progress: r.progress,
        expectedProgress: r.expectedProgress, onTrack: r.onTrack, trackStatus: r.status, reading: unitReading(r.subtreeObjectiveCount, timing), objectiveCount: r.objectiveCount, subtreeObjectiveCount: r.subtreeObjectiveCount }];
    });
  }
  const retrospectiveActions = await myRetrospectiveActions(db, actor, archived);
  return { period: cycle, keyResults, initiatives, units, blockers, retrospectiveActions };
}
