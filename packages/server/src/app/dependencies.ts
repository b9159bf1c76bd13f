// Dependencies between units: one unit raises what it needs from another, the other answers, and
// either side resolves it (core's dependencyFlow and dependencyPermissions decide; this module
// reads the facts they need and writes what they allow).
import {
  createdChanges, dependencyCan, dependencyOpen, dependencyStepIssue, dependencyUnanswered, DEPENDENCY_STATES, fieldChanges,
  mayRaiseDependency, mayTakeDependencyStep,
  type Dependency, type DependencyCreate, type DependencyPatch, type DependencyQuery, type DependencySides, type Page,
} from '@varde/core';
import { unitOfWork, type UnitOfWork } from '../events/unitOfWork.js';
import { dependencySubject, fieldsOf } from '../events/subjects.js';
import {
  dependencyRecords, getDependencyRow, insertDependency, insertDependencyStep, listDependencyRows, stepCount, updateDependencyState,
  type DependencyRecord,
} from '../store/dependencies.js';
import type { DependencyTable } from '../store/schema.js';
import { keyResultRefs } from '../store/keyResults.js';
import { objectiveRefs } from '../store/objectives.js';
import { getUnit, unitsWithMember } from '../store/units.js';
import { newId } from '../store/ids.js';
import type { Db } from '../store/executor.js';
import { authorise } from '../auth/policies.js';
import type { Actor, Deps } from './context.js';
import { conflictOn, invalid, notFound, staleVersion, unitArchived } from './errors.js';
import { cursorOf, pageOf } from './paging.js';

/** What a dependency's events tell, under the names of core's EVENT_FIELDS. */
const eventView = (d: DependencyRecord) => ({
  fromUnitId: d.fromUnit.id, toUnitId: d.toUnit.id, objectiveId: d.objectiveId, keyResultId: d.keyResultId,
  description: d.description, neededBy: d.neededBy, state: d.state, reply: d.reply,
});
const EVENT_FIELDS = fieldsOf<ReturnType<typeof eventView>>('dependency');

async function sidesOf(db: Db, actor: Actor, rows: ReadonlyArray<{ from_unit_id: string; to_unit_id: string }>): Promise<(r: { from_unit_id: string; to_unit_id: string }) => DependencySides> {
  const member = await unitsWithMember(db, actor.orgId, actor.personId, rows.flatMap((r) => [r.from_unit_id, r.to_unit_id]));
  return (r) => ({ from: { actorIsMember: member.has(r.from_unit_id) }, to: { actorIsMember: member.has(r.to_unit_id) } });
}

async function present(deps: Deps, db: Db, actor: Actor, rows: readonly DependencyTable[]): Promise<Dependency[]> {
  const [records, sides] = await Promise.all([dependencyRecords(db, actor.orgId, rows), sidesOf(db, actor, rows)]);
  const now = deps.clock.now();
  return records.map((d, i) => ({
    id: d.id, fromUnit: { id: d.fromUnit.id, name: d.fromUnit.name }, toUnit: { id: d.toUnit.id, name: d.toUnit.name },
    objective: d.objective, keyResult: d.keyResult, description: d.description, neededBy: d.neededBy, state: d.state, reply: d.reply,
    raisedBy: d.raisedBy, raisedAt: d.raisedAt, steps: d.steps, unanswered: dependencyUnanswered(d, now),
    can: dependencyCan(actor, { state: d.state, sides: sides(rows[i]!) }), version: d.version, updatedAt: d.updatedAt,
  }));
}

export async function readDependencies(deps: Deps, actor: Actor, filter: Pick<DependencyQuery, 'unit' | 'state'>, limit: number, cursor: string | undefined, db: Db = deps.store.db): Promise<Page<Dependency>> {
  const states = filter.state === 'open' ? DEPENDENCY_STATES.filter(dependencyOpen) : filter.state ? [filter.state] : undefined;
  const rows = await listDependencyRows(db, actor.orgId, { unitId: filter.unit, states }, limit + 1, cursorOf(cursor));
  const page = pageOf(rows, limit);
  return { items: await present(deps, db, actor, page.items), nextCursor: page.nextCursor };
}

export async function readDependency(deps: Deps, actor: Actor, id: string, db: Db = deps.store.db): Promise<Dependency> {
  const row = await getDependencyRow(db, actor.orgId, id);
  if (!row) throw notFound('The dependency');
  return (await present(deps, db, actor, [row]))[0]!;
}

/** What the dependency is for must be the raising unit's own: its objective, or its key result
 *  (and that objective's, when both are named). Answers the objective it is for. */
async function checkPurpose(db: Db, orgId: string, fromUnitId: string, input: Pick<DependencyCreate, 'keyResultId' | 'objectiveId'>): Promise<string | null> {
  let objectiveId = input.objectiveId ?? null;
  if (input.objectiveId) {
    const o = (await objectiveRefs(db, orgId, [input.objectiveId])).get(input.objectiveId);
    if (!o) throw invalid('objectiveId', 'is not an objective in this organisation', 'unknown_objective');
    if (o.unitId !== fromUnitId) throw invalid('objectiveId', 'is not an objective of the unit raising the dependency', 'not_of_raising_unit');
  }
  if (input.keyResultId) {
    const k = (await keyResultRefs(db, orgId, [input.keyResultId])).get(input.keyResultId);
    if (!k) throw invalid('keyResultId', 'is not a key result in this organisation', 'unknown_key_result');
    if (k.unitId !== fromUnitId) throw invalid('keyResultId', 'is not a key result of the unit raising the dependency', 'not_of_raising_unit');
    if (objectiveId !== null && k.objectiveId !== objectiveId) throw invalid('keyResultId', 'is not a key result of the objective named', 'not_of_raising_unit');
    objectiveId = k.objectiveId;
  }
  return objectiveId;
}

export async function raiseDependency(deps: Deps, actor: Actor, input: DependencyCreate): Promise<Dependency> {
  return unitOfWork(deps, actor, (uow) => raiseDependencyIn(uow, deps, actor, input));
}

/** Raises a dependency within a unit of work another use case owns (a meeting turning a blocker into one). */
export async function raiseDependencyIn({ trx, record, now }: UnitOfWork, deps: Deps, actor: Actor, input: DependencyCreate): Promise<Dependency> {
  const id = newId();
  const from = await getUnit(trx, actor.orgId, input.fromUnitId);
  if (!from) throw invalid('fromUnitId', 'is not a unit in this organisation', 'unknown_unit');
  if (from.archivedAt !== null) throw unitArchived('fromUnitId');
  const fromFacts = { archivedAt: from.archivedAt, actorIsMember: from.members.some((m) => m.personId === actor.personId) };
  await authorise(mayRaiseDependency(actor, fromFacts), 'raise dependencies for this unit');
  const to = await getUnit(trx, actor.orgId, input.toUnitId);
  if (!to) throw invalid('toUnitId', 'is not a unit in this organisation', 'unknown_unit');
  if (to.id === from.id) throw invalid('toUnitId', 'must be another unit than the one raising it', 'same_unit');
  if (to.archivedAt !== null) throw invalid('toUnitId', 'is archived and takes no new dependencies', 'unit_archived');
  const objectiveId = await checkPurpose(trx, actor.orgId, from.id, input);
  await insertDependency(trx, {
    id, orgId: actor.orgId, fromUnitId: from.id, toUnitId: to.id, objectiveId, keyResultId: input.keyResultId ?? null,
    description: input.description, neededBy: input.neededBy ?? null, raisedBy: actor.personId, now,
  });
  const [created] = await dependencyRecords(trx, actor.orgId, [(await getDependencyRow(trx, actor.orgId, id))!]);
  record('dependency.requested', dependencySubject(created!), createdChanges(eventView(created!), EVENT_FIELDS));
  return readDependency(deps, actor, id, trx);
}

/** One step of the flow: an answer by the unit asked, or the resolving by either side. */
export async function changeDependency(deps: Deps, actor: Actor, id: string, patch: DependencyPatch): Promise<Dependency> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const row = await getDependencyRow(trx, actor.orgId, id);
    if (!row) throw notFound('The dependency');
    const sides = (await sidesOf(trx, actor, [row]))(row);
    // Going back to requested is no step anyone takes; it is refused as one, after the rights of a side.
    const allowed = patch.state === 'requested' ? actor.isAdmin || sides.from.actorIsMember || sides.to.actorIsMember : mayTakeDependencyStep(actor, sides, patch.state);
    await authorise(allowed, patch.state === 'resolved' ? 'resolve a dependency between units you are not a member of'
      : 'answer a dependency raised on a unit you are not a member of');
    if (row.version !== patch.version) throw staleVersion('The dependency');
    const current = row.state as Dependency['state'];
    const issue = dependencyStepIssue(current, patch.state, patch.reply);
    if (issue?.field === 'state') throw conflictOn('state', issue.message, issue.code);
    if (issue) throw invalid(issue.field, issue.message, issue.code);
    const note = patch.reply?.trim() || null;
    // The answer is the asked unit's reply or reason; resolving keeps it, with its own note on the step.
    const reply = patch.state === 'resolved' ? row.reply : note;
    const [before] = await dependencyRecords(trx, actor.orgId, [row]);
    const outcome = await updateDependencyState(trx, actor.orgId, id, patch.version, { state: patch.state, reply }, now);
    if (outcome !== 'updated') throw outcome === 'stale' ? staleVersion('The dependency') : notFound('The dependency');
    await insertDependencyStep(trx, { orgId: actor.orgId, dependencyId: id, seq: await stepCount(trx, id), state: patch.state, personId: actor.personId, at: now, note });
    const [after] = await dependencyRecords(trx, actor.orgId, [(await getDependencyRow(trx, actor.orgId, id))!]);
    record(`dependency.${patch.state as 'acknowledged' | 'declined' | 'resolved'}`, dependencySubject(after!), fieldChanges(eventView(before!), eventView(after!), EVENT_FIELDS));
    return readDependency(deps, actor, id, trx);
  });
}
