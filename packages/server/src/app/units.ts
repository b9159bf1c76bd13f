// The organisation tree: listing, adding, renaming, moving and staffing units.
import type { Page, Unit, UnitCreate, UnitMember, UnitPatch } from '@varde/core';
import { getUnit, insertUnit, listUnits, replaceMembers, unitTree, updateUnit } from '../store/units.js';
import { peopleExist } from '../store/people.js';
import { newId } from '../store/ids.js';
import type { Db } from '../store/executor.js';
import { authorise, policies } from '../auth/policies.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { invalid, notFound, staleVersion } from './errors.js';
import { cursorOf, pageOf } from './paging.js';

export async function readUnits(deps: Deps, actor: Actor, limit: number, cursor: string | undefined): Promise<Page<Unit>> {
  return pageOf(await listUnits(deps.store.db, actor.orgId, limit + 1, cursorOf(cursor)), limit);
}

export async function readUnit(deps: Deps, actor: Actor, id: string): Promise<Unit> {
  const unit = await getUnit(deps.store.db, actor.orgId, id);
  if (!unit) throw notFound('The unit');
  return unit;
}

async function checkMembers(db: Db, orgId: string, members: readonly UnitMember[]): Promise<void> {
  const known = await peopleExist(db, orgId, members.map((m) => m.personId));
  const index = members.findIndex((m) => !known.has(m.personId));
  if (index >= 0) throw invalid(`members.${index}.personId`, 'is not a person in this organisation', 'unknown_person');
}

export async function addUnit(deps: Deps, actor: Actor, input: UnitCreate): Promise<Unit> {
  await authorise(policies.changeUnits(actor), 'add units');
  const id = newId();
  await deps.store.db.transaction().execute(async (trx) => {
    if (!(await getUnit(trx, actor.orgId, input.parentId))) throw invalid('parentId', 'is not a unit in this organisation', 'unknown_unit');
    await checkMembers(trx, actor.orgId, input.members);
    await insertUnit(trx, { id, orgId: actor.orgId, parentId: input.parentId, name: input.name, kind: input.kind, description: input.description, now: isoNow(deps) });
    await replaceMembers(trx, actor.orgId, id, input.members);
  });
  return readUnit(deps, actor, id);
}

export async function changeUnit(deps: Deps, actor: Actor, id: string, patch: UnitPatch): Promise<Unit> {
  await authorise(policies.changeUnits(actor), 'change units');
  await deps.store.db.transaction().execute(async (trx) => {
    const unit = await getUnit(trx, actor.orgId, id);
    if (!unit) throw notFound('The unit');
    if (patch.parentId !== undefined && patch.parentId !== unit.parentId) {
      if (unit.parentId === null) throw invalid('parentId', 'cannot be set on the organisation itself', 'root');
      const tree = await unitTree(trx, actor.orgId);
      const parentOf = new Map(tree.map((u) => [u.id, u.parentId]));
      if (!parentOf.has(patch.parentId)) throw invalid('parentId', 'is not a unit in this organisation', 'unknown_unit');
      // Moving a unit under its own descendant would cut the branch off the tree.
      for (let at: string | null | undefined = patch.parentId; at; at = parentOf.get(at)) {
        if (at === id) throw invalid('parentId', 'is this unit or one below it', 'cycle');
      }
    }
    if (patch.members) await checkMembers(trx, actor.orgId, patch.members);
    const outcome = await updateUnit(trx, actor.orgId, id, patch.version, {
      parentId: patch.parentId ?? unit.parentId, name: patch.name ?? unit.name, kind: patch.kind ?? unit.kind,
      description: patch.description ?? unit.description,
    }, isoNow(deps));
    if (outcome === 'stale') throw staleVersion('The unit');
    if (patch.members) await replaceMembers(trx, actor.orgId, id, patch.members);
  });
  return readUnit(deps, actor, id);
}
