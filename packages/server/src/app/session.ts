// Signing in and out, and the first-run set-up of an empty installation.
import type { LoginInput, SetupInput } from '@varde/core';
import { cycleContaining, yearPeriod } from '@varde/core';
import { findDefaultOrganisation, insertOrganisation, lockForSetUp } from '../store/organisations.js';
import { deleteSession, deleteSessionsOf, findLogin, findSession, insertPerson, insertSession, type SessionPrincipal } from '../store/people.js';
import { insertUnit, replaceMembers } from '../store/units.js';
import { insertPeriod } from '../store/periods.js';
import { newId } from '../store/ids.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/passwords.js';
import { upgradePasswordHash } from './accounts.js';
import { newSessionToken, sessionId, SESSION_DAYS } from '../auth/sessionTokens.js';
import { cachedPrincipal, forgetPerson, forgetPrincipal, rememberPrincipal } from '../auth/sessionCache.js';
import type { Deps } from './context.js';
import { AppError, conflict } from './errors.js';

export interface SignedIn { token: string; expiresAt: Date; personId: string; passwordChangeRequired?: boolean }

async function openSession(deps: Deps, personId: string, orgId: string): Promise<SignedIn> {
  const token = newSessionToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(deps.store.db, { id: sessionId(token), orgId, personId, now: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { token, expiresAt, personId };
}

export async function login(deps: Deps, input: LoginInput): Promise<SignedIn> {
  const account = await findLogin(deps.store.db, input.email);
  const ok = await verifyPassword(input.password, account?.passwordHash ?? DUMMY_HASH);
  // A deactivated account gets the same answer as a wrong password, after the same work.
  if (!account || !account.passwordHash || !ok || !account.active) {
    throw new AppError(401, 'Unauthorized', 'The e-mail address or the password is wrong',
      [{ field: 'password', message: 'does not match the e-mail address', code: 'invalid_credentials' }]);
  }
  await upgradePasswordHash(deps, account.id, account.passwordHash, input.password);
  return { ...await openSession(deps, account.id, account.orgId), passwordChangeRequired: account.passwordChangeRequired };
}

export async function logout(deps: Deps, token: string): Promise<void> {
  const id = sessionId(token);
  forgetPrincipal(deps.store, id);
  await deleteSession(deps.store.db, id);
}

/** Ends a person's sessions at once on this instance (all, or all but the one kept); other
 *  instances stop answering them within the session cache's few seconds. */
export async function endSessionsOf(deps: Deps, orgId: string, personId: string, keepSessionId?: string): Promise<number> {
  forgetPerson(deps.store, personId, keepSessionId);
  const ended = await deleteSessionsOf(deps.store.db, orgId, personId, keepSessionId);
  return ended.length;
}

export async function principalFor(deps: Deps, token: string): Promise<SessionPrincipal | undefined> {
  const id = sessionId(token);
  const now = deps.clock.now();
  const cached = cachedPrincipal(deps.store, id, now.getTime());
  if (cached) return cached;
  const principal = await findSession(deps.store.db, id, now.toISOString());
  if (principal) rememberPrincipal(deps.store, id, principal, now.getTime());
  return principal;
}

export async function needsSetup(deps: Deps): Promise<boolean> {
  return (await findDefaultOrganisation(deps.store.db)) === undefined;
}

/** Creates the organisation, its root unit, the current year and cycle, and the first admin. Works once. */
export async function setUp(deps: Deps, input: SetupInput): Promise<SignedIn> {
  const passwordHash = await hashPassword(input.admin.password);
  const now = deps.clock.now();
  const stamp = now.toISOString();
  const orgId = newId();
  const adminId = newId();
  await deps.store.db.transaction().execute(async (trx) => {
    await lockForSetUp(trx);
    if (await findDefaultOrganisation(trx)) throw conflict('Varde is already set up; sign in instead');
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
  });
  return openSession(deps, adminId, orgId);
}
