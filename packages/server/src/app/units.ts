// The organisation tree: listing, adding, renaming, moving, staffing and archiving units.
import { createdChanges, effectiveCheckIn, fieldChanges, mayChangeOkrs, unitArchiveProblem, type OrganisationRhythm, type Page, type Unit, type UnitCreate, type UnitMember, type UnitPatch, type UnitWithAncestors } from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import { fieldsOf, unitSubject } from '../events/subjects.js';
import { ancestorsOf, getUnit, insertUnit, listUnits, replaceMembers, unitTree, updateUnit, type UnitRecord } from '../store/units.js';
import { peopleExist } from '../store/people.js';
import { getOrganisation } from '../store/organisations.js';
import { newId } from '../store/ids.js';
import type { Db } from '../store/executor.js';
import { authorise, policies } from '../auth/policies.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { AppError, invalid, notFound, staleVersion } from './errors.js';
import { cursorOf, pageOf } from './paging.js';

/** A unit with the check-in rhythm it keeps (its own, or the organisation's) and what the person asking may do with it. */
const present = (actor: Actor, u: UnitRecord, org: OrganisationRhythm): Unit => ({
  ...u,
  checkIn: effectiveCheckIn(u, org),
  can: { changeOkrs: mayChangeOkrs(actor, { archivedAt: u.archivedAt, actorIsMember: u.members.some((m) => m.personId === actor.personId) }) },
});

const DEFAULT_RHYTHM: OrganisationRhythm = { checkInWeekday: 1, checkInCadence: 'weekly', checkInCadenceDays: 7 };
async function rhythmOf(db: Db, orgId: string): Promise<OrganisationRhythm> {
  return (await getOrganisation(db, orgId)) ?? DEFAULT_RHYTHM;
}

/** Every unit, archived ones too (with archivedAt), or only the archived (true) or active (false) ones. */
export async function readUnits(deps: Deps, actor: Actor, limit: number, cursor: string | undefined, archived?: boolean): Promise<Page<Unit>> {
  const [rows, org] = await Promise.all([listUnits(deps.store.db, actor.orgId, limit + 1, cursorOf(cursor), archived), rhythmOf(deps.store.db, actor.orgId)]);
  const page = pageOf(rows, limit);
  return { ...page, items: page.items.map((u) => present(actor, u, org)) };
}

/** One unit, with the units above it (for where it sits, without reading the tree). */
export async function readUnit(deps: Deps, actor: Actor, id: string): Promise<UnitWithAncestors> {
  const [unit, ancestors, org] = await Promise.all([getUnit(deps.store.db, actor.orgId, id), ancestorsOf(deps.store.db, actor.orgId, id), rhythmOf(deps.store.db, actor.orgId)]);
  if (!unit) throw notFound('The unit');
  return { ...present(actor, unit, org), ancestors };
}

const archivedParent = () => invalid('parentId', 'is an archived unit; restore it first', 'unit_archived');

async function checkMembers(db: Db, orgId: string, members: readonly UnitMember[]): Promise<void> {
  const known = await peopleExist(db, orgId, members.map((m) => m.personId));
  const index = members.findIndex((m) => !known.has(m.personId));
  if (index >= 0) throw invalid(`members.${index}.personId`, 'is not a person in this organisation', 'unknown_person');
}

export async function addUnit(deps: Deps, actor: Actor, input: UnitCreate): Promise<UnitWithAncestors> {
  await authorise(policies.changeUnits(actor), 'add units');
  const id = newId();
  await unitOfWork(deps, actor, async ({ trx, record }) => {
    const parent = await getUnit(trx, actor.orgId, input.parentId);
    if (!parent) throw invalid('parentId', 'is not a unit in this organisation', 'unknown_unit');
    if (parent.archivedAt) throw archivedParent();
    await checkMembers(trx, actor.orgId, input.members);
    await insertUnit(trx, { id, orgId: actor.orgId, parentId: input.parentId, name: input.name, kind: input.kind, description: input.description,
      checkInWeekday: input.checkInWeekday, checkInCadence: input.checkInCadence, now: isoNow(deps) });
    await replaceMembers(trx, actor.orgId, id, input.members);
    const created = (await getUnit(trx, actor.orgId, id))!;
    record('unit.created', unitSubject(created), createdChanges(created, fieldsOf<UnitRecord>('unit')));
  });
  return readUnit(deps, actor, id);
}

export async function changeUnit(deps: Deps, actor: Actor, id: string, patch: UnitPatch): Promise<UnitWithAncestors> {
  await authorise(policies.changeUnits(actor), 'change units');
  await unitOfWork(deps, actor, async ({ trx, record }) => {
    const unit = await getUnit(trx, actor.orgId, id);
    if (!unit) throw notFound('The unit');
    const moving = patch.parentId !== undefined && patch.parentId !== unit.parentId;
    const archiving = patch.archived !== undefined && patch.archived !== (unit.archivedAt !== null);
    const tree = moving || archiving ? await unitTree(trx, actor.orgId) : [];
    if (moving && patch.parentId !== undefined) {
      if (unit.parentId === null) throw invalid('parentId', 'cannot be set on the organisation itself', 'root');
      const parentOf = new Map(tree.map((u) => [u.id, u.parentId]));
      if (!parentOf.has(patch.parentId)) throw invalid('parentId', 'is not a unit in this organisation', 'unknown_unit');
      // An active unit under an archived one would be left out of every roll-up unseen.
      if (unit.archivedAt === null && tree.find((u) => u.id === patch.parentId)?.archivedAt) throw archivedParent();
      // Moving a unit under its own descendant would cut the branch off the tree.
      for (let at: string | null | undefined = patch.parentId; at; at = parentOf.get(at)) {
        if (at === id) throw invalid('parentId', 'is this unit or one below it', 'cycle');
      }
    }
    if (archiving) {
      // Judged where the unit will be once moved, if it moves in the same request.
      const parentId = patch.parentId ?? unit.parentId;
      const problem = unitArchiveProblem({ id, parentId, archivedAt: unit.archivedAt }, tree, patch.archived === true);
      if (problem) {
        const status = problem.code === 'cannot_archive_root' ? 422 : 409;
        throw new AppError(status, status === 409 ? 'Conflict' : 'Unprocessable Content', `archived ${problem.message}`,
          [{ field: 'archived', message: problem.message, code: problem.code, ...(problem.count === undefined ? {} : { params: { count: problem.count } }) }]);
      }
    }
    if (patch.members) await checkMembers(trx, actor.orgId, patch.members);
    const now = isoNow(deps);
    const outcome = await updateUnit(trx, actor.orgId, id, patch.version, {
      parentId: patch.parentId ?? unit.parentId, name: patch.name ?? unit.name, kind: patch.kind ?? unit.kind,
      description: patch.description ?? unit.description,
      archivedAt: patch.archived === undefined ? unit.archivedAt : patch.archived ? unit.archivedAt ?? now : null,
      checkInWeekday: patch.checkInWeekday === undefined ? unit.checkInWeekday : patch.checkInWeekday,
      checkInCadence: patch.checkInCadence === undefined ? unit.checkInCadence : patch.checkInCadence,
    }, now);
    if (outcome === 'stale') throw staleVersion('The unit');
    if (patch.members) await replaceMembers(trx, actor.orgId, id, patch.members);
    const changed = (await getUnit(trx, actor.orgId, id))!;
    const type = changed.archivedAt && !unit.archivedAt ? 'unit.archived' : !changed.archivedAt && unit.archivedAt ? 'unit.restored' : 'unit.changed';
    record(type, unitSubject(changed), fieldChanges(unit, changed, fieldsOf<UnitRecord>('unit')));
  });
  return readUnit(deps, actor, id);
}
