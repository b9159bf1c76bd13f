// Initiatives (tiltak): the work a unit does to move its key results.
import { createdChanges, fieldChanges, type Initiative, type InitiativeCreate, type InitiativePatch, type Page } from '@varde/core';
import { unitOfWork, type UnitOfWork } from '../events/unitOfWork.js';
import { fieldsOf, initiativeSubject } from '../events/subjects.js';
import { getInitiative, insertInitiative, keyResultPlaces, listInitiatives, replaceInitiativeKeyResults, updateInitiative } from '../store/initiatives.js';
import { peopleExist } from '../store/people.js';
import { getUnit } from '../store/units.js';
import { getPeriod } from '../store/periods.js';
import { newId } from '../store/ids.js';
import type { Db } from '../store/executor.js';
import { authorise, policies } from '../auth/policies.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { invalid, notFound, staleVersion } from './errors.js';
import { cursorOf, pageOf } from './paging.js';

export async function readInitiatives(deps: Deps, actor: Actor,
  filter: { unit?: string | undefined; period?: string | undefined; keyResult?: string | undefined; owner?: string | undefined },
  limit: number, cursor: string | undefined): Promise<Page<Initiative>> {
  const rows = await listInitiatives(deps.store.db, actor.orgId,
    { unitId: filter.unit, periodId: filter.period, keyResultId: filter.keyResult, ownerId: filter.owner }, limit + 1, cursorOf(cursor));
  return pageOf(rows, limit);
}

async function checkReferences(db: Db, orgId: string, refs: { ownerId?: string | null | undefined; periodId?: string | null | undefined }): Promise<void> {
  if (refs.ownerId && !(await peopleExist(db, orgId, [refs.ownerId])).has(refs.ownerId)) throw invalid('ownerId', 'is not a person in this organisation', 'unknown_person');
  if (refs.periodId && !(await getPeriod(db, orgId, refs.periodId))) throw invalid('periodId', 'is not a period in this organisation', 'unknown_period');
}

/** An initiative is the unit's own work on its own key results: it may move only key results of
 *  its unit's objectives, and of its period's when it has one (one without a period is ongoing
 *  work, which may move any of the unit's key results). `listed` says whether the request named
 *  the key results (each is named by its place in the list) or they are the ones the initiative
 *  already had (the request moved it to another period: the list as a whole is named). */
async function checkKeyResults(db: Db, orgId: string, at: { unitId: string; periodId: string | null }, keyResultIds: readonly string[], listed: boolean): Promise<void> {
  if (keyResultIds.length === 0) return;
  const places = await keyResultPlaces(db, orgId, keyResultIds);
  keyResultIds.forEach((k, i) => {
    const field = listed ? `keyResultIds.${i}` : 'keyResultIds';
    const place = places.get(k);
    if (!place) throw invalid(field, 'is not a key result in this organisation', 'unknown_key_result');
    if (place.unitId !== at.unitId || (at.periodId !== null && place.periodId !== at.periodId)) {
      throw invalid(field, listed ? "is not a key result of the unit's objectives in the initiative's period"
        : "hold key results that are not of the unit's objectives in the initiative's new period; change them with the period", 'key_result_elsewhere');
    }
  });
}

export async function addInitiative(deps: Deps, actor: Actor, input: InitiativeCreate): Promise<Initiative> {
  return unitOfWork(deps, actor, (uow) => addInitiativeIn(uow, deps, actor, input));
}

/** Adds an initiative within a unit of work another use case owns (a meeting turning a blocker into one). */
export async function addInitiativeIn({ trx, record, now }: UnitOfWork, deps: Deps, actor: Actor, input: InitiativeCreate): Promise<Initiative> {
  const id = newId();
  if (!(await getUnit(trx, actor.orgId, input.unitId))) throw invalid('unitId', 'is not a unit in this organisation', 'unknown_unit');
  await authorise(policies.changeOkrsOf(trx, actor, input.unitId, 'unitId'), "change this unit's initiatives");
  await checkReferences(trx, actor.orgId, input);
  await checkKeyResults(trx, actor.orgId, input, input.keyResultIds, true);
  await insertInitiative(trx, { id, orgId: actor.orgId, ...input, now });
  const created = (await getInitiative(trx, actor.orgId, id))!;
  record('initiative.created', initiativeSubject(created), createdChanges(created, fieldsOf<Initiative>('initiative')));
  return created;
}

export async function changeInitiative(deps: Deps, actor: Actor, id: string, patch: InitiativePatch): Promise<Initiative> {
  return unitOfWork(deps, actor, async ({ trx, record }) => {
    const current = await getInitiative(trx, actor.orgId, id);
    if (!current) throw notFound('The initiative');
    await authorise(policies.changeInitiative(trx, actor, current), "change this unit's initiatives");
    await checkReferences(trx, actor.orgId, patch);
    const periodId = patch.periodId === undefined ? current.periodId : patch.periodId;
    if (patch.keyResultIds) await checkKeyResults(trx, actor.orgId, { unitId: current.unitId, periodId }, patch.keyResultIds, true);
    else if (periodId !== current.periodId) await checkKeyResults(trx, actor.orgId, { unitId: current.unitId, periodId }, current.keyResultIds, false);
    const outcome = await updateInitiative(trx, actor.orgId, id, patch.version, {
      title: patch.title ?? current.title, description: patch.description ?? current.description,
      ownerId: patch.ownerId === undefined ? current.ownerId : patch.ownerId, status: patch.status ?? current.status, periodId,
    }, isoNow(deps));
    if (outcome === 'stale') throw staleVersion('The initiative');
    if (patch.keyResultIds) await replaceInitiativeKeyResults(trx, actor.orgId, id, patch.keyResultIds);
    const changed = (await getInitiative(trx, actor.orgId, id))!;
    record('initiative.changed', initiativeSubject(changed), fieldChanges(current, changed, fieldsOf<Initiative>('initiative')));
    return changed;
  });
}
