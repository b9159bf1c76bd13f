// The people of the organisation.
import type { Page, PersonCreate } from '@varde/core';
import { emailTaken, getPerson, insertPerson, listPeople, type PersonRecord } from '../store/people.js';
import { newId } from '../store/ids.js';
import { isUniqueViolation } from '../store/executor.js';
import { hashPassword } from '../auth/passwords.js';
import { authorise, policies } from '../auth/policies.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { invalid, notFound } from './errors.js';
import { cursorOf, pageOf } from './paging.js';
import { endSessionsOf } from './session.js';

export async function readPeople(deps: Deps, actor: Actor, limit: number, cursor: string | undefined): Promise<Page<PersonRecord>> {
  return pageOf(await listPeople(deps.store.db, actor.orgId, limit + 1, cursorOf(cursor)), limit);
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
  const passwordHash = await hashPassword(input.password);
  const id = newId();
  const taken = () => invalid('email', 'is already used by another person', 'taken');
  await deps.store.db.transaction().execute(async (trx) => {
    if (await emailTaken(trx, actor.orgId, input.email)) throw taken();
    await insertPerson(trx, { id, orgId: actor.orgId, name: input.name, email: input.email, passwordHash, isAdmin: input.isAdmin, now: isoNow(deps) });
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
  return endSessionsOf(deps, actor.orgId, personId);
}
