// How an installation gets the organisation it serves: the first-run set-up of an empty one,
// and ending the demo, which empties it again so that set-up opens. Beyond loopback, set-up
// needs the one-time token from Varde's log: otherwise whoever reached an empty installation
// first would become its admin.
import { createdChanges, cycleContaining, yearPeriod, type Organisation, type SetupInput, type SetupState } from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import { fieldsOf, organisationSubject } from '../events/subjects.js';
import { deleteOrganisation, findDefaultOrganisation, getOrganisation, insertOrganisation, isDemoOrganisation, lockForSetUp } from '../store/organisations.js';
import { insertPerson } from '../store/people.js';
import { insertUnit, replaceMembers } from '../store/units.js';
import { insertPeriod } from '../store/periods.js';
import { newId } from '../store/ids.js';
import { hashPassword } from '../auth/passwords.js';
import { assertAcceptablePassword } from '../auth/passwordPolicy.js';
import { authorise, policies } from '../auth/policies.js';
import { openSession, principalFor, type SignedIn } from './session.js';
import type { Actor, Deps } from './context.js';
import { AppError, conflict } from './errors.js';

export async function needsSetup(deps: Deps): Promise<boolean> {
  return (await findDefaultOrganisation(deps.store.db)) === undefined;
}

/** Issues a set-up token when set-up needs one and this instance holds none: at start, and on the
 *  first look at set-up after another instance (sharing PostgreSQL) ended the demo. An existing
 *  token is kept, so that nobody can make the one in the log stop working by asking again. */
export async function offerSetupToken(deps: Deps): Promise<void> {
  if (deps.security.exposed && !deps.security.setupToken.pending && await needsSetup(deps)) deps.security.setupToken.issue();
}

export async function setupState(deps: Deps, sessionToken: string | undefined): Promise<SetupState> {
  const org = await findDefaultOrganisation(deps.store.db);
  if (!org) await offerSetupToken(deps);
  return {
    needsSetup: !org,
    demo: org?.isDemo ?? false,
    signedIn: sessionToken ? (await principalFor(deps, sessionToken)) !== undefined : false,
    setupTokenRequired: !org && deps.security.exposed,
  };
}

const alreadySetUp = () => conflict('Varde is already set up; sign in instead');
const wrongSetupToken = () => new AppError(403, 'Forbidden',
  "Setting Varde up on a network needs the set-up token printed in Varde's log when it started",
  [{ field: 'setupToken', message: 'is missing or wrong', code: 'setup_token' }]);

/** Creates the organisation, its root unit, the current year and cycle, and the first admin. Works once. */
export async function setUp(deps: Deps, input: SetupInput): Promise<SignedIn> {
  // Every refusal comes before the hash, which costs real memory and time: requests against an
  // installation that is set up (or without the token) must not be a cheap way to load the server.
  if (!(await needsSetup(deps))) throw alreadySetUp();
  if (deps.security.exposed && !deps.security.setupToken.matches(input.setupToken)) throw wrongSetupToken();
  assertAcceptablePassword('admin.password', input.admin.password);
  const passwordHash = await hashPassword(input.admin.password);
  const now = deps.clock.now();
  const stamp = now.toISOString();
  const orgId = newId();
  const adminId = newId();
  await unitOfWork(deps, { orgId, personId: adminId }, async ({ trx, record }) => {
    await lockForSetUp(trx);
    // Again, under the lock: another set-up may have finished while this one hashed.
    if (await findDefaultOrganisation(trx)) throw alreadySetUp();
    await insertOrganisation(trx, {
      id: orgId, name: input.organisationName, language: input.language, timeZone: input.timeZone,
      fiscalYearStartMonth: 1, cycleCadence: 'quarter', checkInCadenceDays: 7,
      strategy: { mission: '', vision: '', values: [], themes: [] }, isDemo: false, now: stamp,
    });
    await insertPerson(trx, { id: adminId, orgId, name: input.admin.name, email: input.admin.email, passwordHash, isAdmin: true, now: stamp });
    const rootId = newId();
    await insertUnit(trx, { id: rootId, orgId, parentId: null, name: input.organisationName, kind: 'organisation', description: '', now: stamp });
    await replaceMembers(trx, orgId, rootId, [{ personId: adminId, role: 'lead' }]);
    const today = stamp.slice(0, 10);
    const year = yearPeriod(now.getUTCFullYear(), 1);
    await insertPeriod(trx, { id: newId(), orgId, kind: 'year', name: year.name, startDate: year.startDate, endDate: year.endDate, state: 'active', now: stamp });
    const cycle = cycleContaining(today, 'quarter', 1);
    await insertPeriod(trx, { id: newId(), orgId, kind: 'cycle', name: cycle.name, startDate: cycle.startDate, endDate: cycle.endDate, state: 'active', now: stamp });
    const organisation = (await getOrganisation(trx, orgId))!;
    record('organisation.created', organisationSubject(organisation), createdChanges(organisation, fieldsOf<Organisation>('organisation')));
  });
  deps.security.setupToken.spend();
  return openSession(deps, adminId, orgId);
}

/** Removes the demo organisation with everything in it, in one transaction, so that the first-run
 *  set-up opens. Beyond loopback a new set-up token goes to the log: the demo admin's password is
 *  public, so being signed in as them must not be enough to set up the real organisation. */
export async function endDemo(deps: Deps, actor: Actor): Promise<void> {
  await authorise(policies.endDemo(actor), 'end the demo');
  const people = await deps.store.db.transaction().execute(async (trx) => {
    await lockForSetUp(trx);
    const demo = await isDemoOrganisation(trx, actor.orgId);
    if (demo === undefined) throw conflict('The demo has already been ended');
    if (!demo) throw conflict('This organisation is not the demo; only the demo organisation can be removed');
    return deleteOrganisation(trx, actor.orgId);
  });
  // The sessions are gone from the database; this instance must stop remembering them too.
  for (const personId of people) deps.sessions.forgetPerson(personId);
  if (deps.security.exposed && await needsSetup(deps)) deps.security.setupToken.issue();
}
