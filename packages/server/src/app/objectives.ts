// Objectives: what a unit sets out to achieve in a period, who owns it and what it pays into.
import { createdChanges, fieldChanges, isPlacementProblem, objectivePlacement, type Alignment, type KeyResult, type Objective, type ObjectiveCreate, type ObjectivePatch, type ObjectiveWithKeyResults, type Page } from '@varde/core';
import {
  getObjective, insertObjective, listObjectives, objectiveRefs, replaceAlignments, replaceOwners, updateObjective, type ObjectiveRecord,
} from '../store/objectives.js';
import { unitOfWork, type UnitOfWork } from '../events/unitOfWork.js';
import { fieldsOf, keyResultSubject, objectiveSubject } from '../events/subjects.js';
import { keyResultRefs, keyResultsOf } from '../store/keyResults.js';
import { periodBoundInitiativesOn } from '../store/initiatives.js';
import { peopleExist } from '../store/people.js';
import { getUnit, rootUnit, unitFactsFor } from '../store/units.js';
import { getPeriod } from '../store/periods.js';
import { newId } from '../store/ids.js';
import type { Db } from '../store/executor.js';
import { authorise, policies } from '../auth/policies.js';
import { NO_UNIT, presentObjective } from '../presenters/okr.js';
import { alignedToOf } from '../store/alignedTo.js';
import { kpiRefs } from '../store/kpis.js';
import { refreshObjectiveProgress } from '../store/objectiveProgress.js';
import { groupBy } from './groupBy.js';
import { hintsForObjectives } from './hints.js';
import { writeKeyResult } from './keyResults.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { invalid, notFound, staleVersion } from './errors.js';
import { timingsOf } from './timing.js';
import { cursorOf } from './paging.js';

export async function readObjectives(deps: Deps, actor: Actor, filter: { unit?: string | undefined; period?: string | undefined; status?: string | undefined },
  limit: number, cursor: string | undefined): Promise<Page<Objective>> {
  const db = deps.store.db;
  const rows = await listObjectives(db, actor.orgId, { unitIds: filter.unit ? [filter.unit] : undefined, periodId: filter.period, status: filter.status }, limit + 1, cursorOf(cursor));
  const page = rows.slice(0, limit);
  const items = (await presentObjectives(deps, db, actor, page)).map(({ keyResults: _krs, ...objective }) => objective);
  return { items, nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}

/** Objectives as the API serves them, with their key results and the coach's hints on drafts, in a
 *  few queries for all of them. */
export async function presentObjectives(deps: Deps, db: Db, actor: Actor, records: readonly ObjectiveRecord[]): Promise<ObjectiveWithKeyResults[]> {
  if (records.length === 0) return [];
  const ids = records.map((o) => o.id);
  const [krs, timing, aligned, units] = await Promise.all([
    keyResultsOf(db, actor.orgId, ids), timingsOf(deps, db, actor.orgId), alignedToOf(db, actor.orgId, ids), unitFactsFor(db, actor.orgId, records.map((o) => o.unitId), actor.personId),
  ]);
  const hints = await hintsForObjectives(db, actor.orgId, records, krs, async () => (await rootUnit(db, actor.orgId))?.id);
  const krsOf = groupBy(krs, (k) => k.objectiveId);
  return records.map((o) => presentObjective(o, krsOf.get(o.id) ?? [], timing({ id: o.periodId }), aligned.get(o.id) ?? [], { actor, unit: units.get(o.unitId) ?? NO_UNIT }, hints));
}

export async function readObjective(deps: Deps, actor: Actor, id: string, db: Db = deps.store.db): Promise<ObjectiveWithKeyResults> {
  const o = await getObjective(db, actor.orgId, id);
  if (!o) throw notFound('The objective');
  return (await presentObjectives(deps, db, actor, [o]))[0]!;
}

async function checkReferences(db: Db, orgId: string, objectiveId: string | undefined,
  refs: { ownerIds?: readonly string[] | undefined; alignments?: readonly Alignment[] | undefined; periodId?: string | undefined }): Promise<void> {
  if (refs.periodId !== undefined && !(await getPeriod(db, orgId, refs.periodId))) throw invalid('periodId', 'is not a period in this organisation', 'unknown_period');
  if (refs.ownerIds?.length) {
    const known = await peopleExist(db, orgId, refs.ownerIds);
    const i = refs.ownerIds.findIndex((p) => !known.has(p));
    if (i >= 0) throw invalid(`ownerIds.${i}`, 'is not a person in this organisation', 'unknown_person');
  }
  if (refs.alignments?.length) {
    const objectiveIds = refs.alignments.flatMap((a) => ('objectiveId' in a ? [a.objectiveId] : []));
    const keyResultIds = refs.alignments.flatMap((a) => ('keyResultId' in a ? [a.keyResultId] : []));
    const kpiIds = refs.alignments.flatMap((a) => ('kpiId' in a ? [a.kpiId] : []));
    const [objectives, keyResults, kpis] = await Promise.all([objectiveRefs(db, orgId, objectiveIds), keyResultRefs(db, orgId, keyResultIds), kpiRefs(db, orgId, kpiIds)]);
    const seen = new Set<string>();
    for (const [i, a] of refs.alignments.entries()) {
      const target = 'objectiveId' in a ? a.objectiveId : 'keyResultId' in a ? a.keyResultId : a.kpiId;
      if (seen.has(target)) throw invalid(`alignments.${i}`, 'lists the same target twice', 'duplicate');
      seen.add(target);
      if ('objectiveId' in a) {
        if (!objectives.has(a.objectiveId)) throw invalid(`alignments.${i}.objectiveId`, 'is not an objective in this organisation', 'unknown_objective');
        if (a.objectiveId === objectiveId) throw invalid(`alignments.${i}.objectiveId`, 'is this objective itself', 'self');
      } else if ('kpiId' in a) {
        if (!kpis.has(a.kpiId)) throw invalid(`alignments.${i}.kpiId`, 'is not a KPI in this organisation', 'unknown_kpi');
      } else {
        const kr = keyResults.get(a.keyResultId);
        if (!kr) throw invalid(`alignments.${i}.keyResultId`, 'is not a key result in this organisation', 'unknown_key_result');
        if (kr.objectiveId === objectiveId) throw invalid(`alignments.${i}.keyResultId`, "is one of this objective's own key results", 'self');
      }
    }
  }
}

export async function addObjective(deps: Deps, actor: Actor, input: ObjectiveCreate): Promise<ObjectiveWithKeyResults> {
  const id = newId();
  return unitOfWork(deps, actor, async (work) => {
    const { trx } = work;
    if (!(await getUnit(trx, actor.orgId, input.unitId))) throw invalid('unitId', 'is not a unit in this organisation', 'unknown_unit');
    await authorise(policies.changeOkrsOf(trx, actor, input.unitId, 'unitId'), "change this unit's OKRs");
    // The backlog is reached by parking a draft, so that what is parked has been a cycle's draft.
    if (input.status === 'backlog') throw invalid('status', 'must be draft or active; park the draft in the backlog once it is made', 'create_as_draft');
    return createObjective(deps, work, actor, id, input);
  });
}

/** Writes a new objective with its key results and their events, in a unit of work whose caller
 *  has found the unit and asked whether the actor may (an adopted proposal makes one too). */
export async function createObjective(deps: Deps, { trx, record }: Pick<UnitOfWork, 'trx' | 'record'>, actor: Actor, id: string, input: ObjectiveCreate): Promise<ObjectiveWithKeyResults> {
  await checkReferences(trx, actor.orgId, id, input);
  const { keyResults, ...objective } = input;
  await insertObjective(trx, { id, orgId: actor.orgId, ...objective, now: isoNow(deps) });
  // Its key results in the same transaction: a bad one refuses the whole objective.
  for (const [i, kr] of keyResults.entries()) await writeKeyResult(deps, trx, actor, { ...kr, objectiveId: id }, `keyResults.${i}.`);
  if (keyResults.length) await refreshObjectiveProgress(trx, id);
  const created = await readObjective(deps, actor, id, trx);
  record('objective.created', objectiveSubject(created), createdChanges(created, fieldsOf<ObjectiveWithKeyResults>('objective')));
  for (const kr of created.keyResults) record('keyResult.created', keyResultSubject(kr, created.unitId), createdChanges(kr, fieldsOf<KeyResult>('keyResult')));
  return created;
}

/** An initiative of a period moves key results of its unit's objectives in that period
 *  (app/initiatives.ts); an objective moved to another period would leave such links behind, so
 *  the move is refused until those initiatives are moved or unlinked too. */
async function checkInitiativesFollow(db: Db, orgId: string, objectiveId: string, periodId: string | null, field: 'periodId' | 'status'): Promise<void> {
  const left = (await periodBoundInitiativesOn(db, orgId, objectiveId)).filter((i) => i.periodId !== periodId);
  if (left.length === 0) return;
  const names = left.map((i) => `«${i.title}»`).join(', ');
  throw invalid(field, `would leave behind the initiatives of the old period that move its key results (${names}); move or unlink them first`, 'initiatives_left_behind');
}

export async function changeObjective(deps: Deps, actor: Actor, id: string, patch: ObjectivePatch): Promise<ObjectiveWithKeyResults> {
  return unitOfWork(deps, actor, async ({ trx, record }) => {
    const o = await getObjective(trx, actor.orgId, id);
    if (!o) throw notFound('The objective');
    await authorise(policies.changeOkrsOf(trx, actor, o.unitId), "change this unit's OKRs");
    await checkReferences(trx, actor.orgId, id, patch);
    const target = patch.periodId === undefined ? undefined : await getPeriod(trx, actor.orgId, patch.periodId);
    const placed = objectivePlacement(o, patch, target);
    if (isPlacementProblem(placed)) throw invalid(placed.field, placed.message, placed.code);
    // Parking takes the objective out of its period: initiatives of that period would be left behind.
    if (placed.periodId !== o.periodId) await checkInitiativesFollow(trx, actor.orgId, id, placed.periodId, placed.periodId === null ? 'status' : 'periodId');
    const outcome = await updateObjective(trx, actor.orgId, id, patch.version, {
      title: patch.title ?? o.title, description: patch.description ?? o.description, kind: patch.kind ?? o.kind,
      status: placed.status, periodId: placed.periodId,
    }, isoNow(deps));
    if (outcome === 'stale') throw staleVersion('The objective');
    if (patch.ownerIds) await replaceOwners(trx, actor.orgId, id, patch.ownerIds);
    if (patch.alignments) await replaceAlignments(trx, actor.orgId, id, patch.alignments);
    const changed = await readObjective(deps, actor, id, trx);
    record('objective.changed', objectiveSubject(changed), fieldChanges(o, changed, fieldsOf<ObjectiveRecord>('objective')));
    return changed;
  });
}
