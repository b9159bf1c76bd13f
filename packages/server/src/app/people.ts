// The people of the organisation.
import { createdChanges, fieldChanges, type Page, type PeopleQuery, type PersonCreate, type PersonPatch } from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import { fieldsOf, personSubject } from '../events/subjects.js';
import { activeAdmins, emailTaken, getPerson, insertPerson, listPeople, updatePerson, type PersonRecord } from '../store/people.js';
import { newId } from '../store/ids.js';
import { isUniqueViolation } from '../store/executor.js';
import { hashPassword } from '../auth/passwords.js';
import { assertAcceptablePassword } from '../auth/passwordPolicy.js';
import { authorise, policies } from '../auth/policies.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { AppError, invalid, notFound, staleVersion } from './errors.js';
import { endSessionsOf } from './session.js';
import { cursorOf, pageOf } from './paging.js';

/** Everyone, or those the query names: by id, a unit's members, or names containing a text. */
export async function readPeople(deps: Deps, actor: Actor, query: PeopleQuery): Promise<Page<PersonRecord>> {
  const filter = { ids: query.ids, unitId: query.unit, nameContains: query.q };
  return pageOf(await listPeople(deps.store.db, actor.orgId, query.limit + 1, cursorOf(query.cursor), filter), query.limit);
}

export async function readPerson(deps: Deps, actor: Actor, id: string): Promise<PersonRecord> {
  const person = await getPerson(deps.store.db, actor.orgId, id);
  if (!person) throw notFound('The person');
  return person;
}

export async function me(deps: Deps, actor: Actor): Promise<PersonRecord> {
  return readPerson(deps, actor, actor.personId);
}

export async function addPerson(deps: Deps, actor: Actor, input: PersonCreate): Promise<PersonRecord> {
  await authorise(policies.managePeople(actor), 'add people');
  assertAcceptablePassword('password', input.password);
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  const taken = () => invalid('email', 'is already used by another person', 'taken');
  await unitOfWork(deps, actor, async ({ trx, record }) => {
    if (await emailTaken(trx, actor.orgId, input.email)) throw taken();
    await insertPerson(trx, { id, orgId: actor.orgId, name: input.name, email: input.email, passwordHash, isAdmin: input.isAdmin, now: isoNow(deps) });
    const created = (await getPerson(trx, actor.orgId, id))!;
    record('person.created', personSubject(created), createdChanges(created, fieldsOf<PersonRecord>('person')));
  }).catch((error: unknown) => {
    // Two additions of one address at the same moment both pass the check above; the unique
    // constraint refuses the second.
    throw isUniqueViolation(error) ? taken() : error;
  });
  return readPerson(deps, actor, id);
}

/** An admin signs a person out everywhere (a lost laptop, a shared computer); answers how many sessions ended. */
export async function endSessionsOfPerson(deps: Deps, actor: Actor, personId: string): Promise<number> {
  await authorise(policies.managePeople(actor), "end people's sessions");
  if (!(await getPerson(deps.store.db, actor.orgId, personId))) throw notFound('The person');
  return endSessionsOf(deps, actor, actor.orgId, personId);
}

/** Renames a person, changes their address or admin right, deactivates or reactivates them.
 *  Someone must stay able to manage the organisation: the last active admin stays one. */
export async function changePerson(deps: Deps, actor: Actor, id: string, patch: PersonPatch): Promise<PersonRecord> {
  await authorise(policies.managePeople(actor), 'change people');
  const taken = () => invalid('email', 'is already used by another person', 'taken');
  let deactivated = false;
  await unitOfWork(deps, actor, async ({ trx, record }) => {
    const person = await getPerson(trx, actor.orgId, id);
    if (!person) throw notFound('The person');
    const next = {
      name: patch.name ?? person.name, email: patch.email ?? person.email,
      isAdmin: patch.isAdmin ?? person.isAdmin, active: patch.active ?? person.active,
    };
    const wasAdmin = person.isAdmin && person.active;
    if (wasAdmin && !(next.isAdmin && next.active)) {
      const admins = await activeAdmins(trx, actor.orgId);
      if (admins.every((a) => a === id)) {
        throw new AppError(409, 'Conflict', 'This is the last active admin; make someone else an admin first',
          [{ field: next.active ? 'isAdmin' : 'active', message: 'would leave the organisation without an active admin', code: 'last_admin' }]);
      }
    }
    if (next.email !== person.email && (await emailTaken(trx, actor.orgId, next.email))) throw taken();
    const outcome = await updatePerson(trx, actor.orgId, id, patch.version, next, isoNow(deps));
    if (outcome === 'stale') throw staleVersion('The person');
    if (outcome === 'missing') throw notFound('The person');
    deactivated = person.active && !next.active;
    record('person.changed', personSubject({ id, name: next.name }), fieldChanges(person, next, fieldsOf<PersonRecord>('person')));
  }).catch((error: unknown) => {
    throw isUniqueViolation(error) ? taken() : error;
  });
  // Sessions end at once on deactivation; a changed admin right applies to the next request.
  if (deactivated) await endSessionsOf(deps, actor, actor.orgId, id);
  else deps.sessions.forgetPerson(id);
  return readPerson(deps, actor, id);
}
