// Initiatives (tiltak): the work a unit does to move its key results.
import type { Initiative, InitiativeCreate, InitiativePatch, Page } from '@varde/core';
import { getInitiative, insertInitiative, listInitiatives, replaceInitiativeKeyResults, updateInitiative } from '../store/initiatives.js';
import { keyResultRefs } from '../store/keyResults.js';
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

async function checkReferences(db: Db, orgId: string,
  refs: { ownerId?: string | null | undefined; periodId?: string | null | undefined; keyResultIds?: readonly string[] | undefined }): Promise<void> {
  if (refs.ownerId && !(await peopleExist(db, orgId, [refs.ownerId])).has(refs.ownerId)) throw invalid('ownerId', 'is not a person in this organisation', 'unknown_person');
  if (refs.periodId && !(await getPeriod(db, orgId, refs.periodId))) throw invalid('periodId', 'is not a period in this organisation', 'unknown_period');
  if (refs.keyResultIds?.length) {
    const known = await keyResultRefs(db, orgId, refs.keyResultIds);
    const i = refs.keyResultIds.findIndex((k) => !known.has(k));
    if (i >= 0) throw invalid(`keyResultIds.${i}`, 'is not a key result in this organisation', 'unknown_key_result');
  }
}

export async function addInitiative(deps: Deps, actor: Actor, input: InitiativeCreate): Promise<Initiative> {
  const id = newId();
  return deps.store.db.transaction().execute(async (trx) => {
    if (!(await getUnit(trx, actor.orgId, input.unitId))) throw invalid('unitId', 'is not a unit in this organisation', 'unknown_unit');
    await authorise(policies.changeOkrsOf(trx, actor, input.unitId), "change this unit's initiatives");
    await checkReferences(trx, actor.orgId, input);
    await insertInitiative(trx, { id, orgId: actor.orgId, ...input, now: isoNow(deps) });
    return (await getInitiative(trx, actor.orgId, id))!;
  });
}

export async function changeInitiative(deps: Deps, actor: Actor, id: string, patch: InitiativePatch): Promise<Initiative> {
  return deps.store.db.transaction().execute(async (trx) => {
    const current = await getInitiative(trx, actor.orgId, id);
    if (!current) throw notFound('The initiative');
    const mayChange = actor.personId === current.ownerId || (await policies.changeOkrsOf(trx, actor, current.unitId));
    await authorise(mayChange, "change this unit's initiatives");
    await checkReferences(trx, actor.orgId, patch);
    const outcome = await updateInitiative(trx, actor.orgId, id, patch.version, {
      title: patch.title ?? current.title, description: patch.description ?? current.description,
      ownerId: patch.ownerId === undefined ? current.ownerId : patch.ownerId, status: patch.status ?? current.status,
      periodId: patch.periodId === undefined ? current.periodId : patch.periodId,
    }, isoNow(deps));
    if (outcome === 'stale') throw staleVersion('The initiative');
    if (patch.keyResultIds) await replaceInitiativeKeyResults(trx, actor.orgId, id, patch.keyResultIds);
    return (await getInitiative(trx, actor.orgId, id))!;
  });
}
