// Signing in and out, and the sessions that keep a person signed in.
import type { LoginInput } from '@varde/core';
import { deleteSession, deleteSessionsOf, findLogin, findSession, insertSession, personName, touchSession, type SessionPrincipal } from '../store/people.js';
import { unitOfWork, type WorkActor } from '../events/unitOfWork.js';
import { sessionSubject } from '../events/subjects.js';
import { clearFailuresOf, forgetAttempt, recentFailures, recordFailure } from '../store/signInFailures.js';
import { newId } from '../store/ids.js';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.js';
import { upgradePasswordHash } from './accounts.js';
import { newSessionToken, sessionId } from '../auth/sessionTokens.js';
import { SIGN_IN_LIMITS, signInVerdict } from '../auth/signInLimits.js';
import type { Deps } from './context.js';
import { AppError, TooManyRequests } from './errors.js';

export interface SignedIn { token: string; expiresAt: Date; personId: string; passwordChangeRequired?: boolean }

/** Starts a session for a person who has just proved who they are (signed in, or set Varde up). */
export async function openSession(deps: Deps, personId: string, orgId: string): Promise<SignedIn> {
  const token = newSessionToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.security.sessionMaxSeconds * 1000);
  await unitOfWork(deps, { orgId, personId }, async ({ trx, record }) => {
    await insertSession(trx, { id: sessionId(token), orgId, personId, now: now.toISOString(), expiresAt: expiresAt.toISOString() });
    record('session.signedIn', sessionSubject({ id: personId, name: await personName(trx, orgId, personId) }), []);
  });
  return { token, expiresAt, personId };
}

/** Where a sign-in comes from: the client's address (for its limit) and the session the browser
 *  already had, which a sign-in replaces rather than leaves open beside the new one. */
export interface SignInContext { address: string; replacingToken?: string }

/** Refuses at once, before any password hashing, an e-mail or an address that failed too often. */
async function checkSignInLimits(deps: Deps, email: string, address: string, now: Date, attemptId: string): Promise<void> {
  const since = new Date(now.getTime() - SIGN_IN_LIMITS.windowMs).toISOString();
  const failures = await recentFailures(deps.store.db, email, address, since, attemptId);
  const ms = (list: string[]) => list.map((at) => Date.parse(at));
  const verdict = signInVerdict({ byEmail: ms(failures.byEmail), byAddress: ms(failures.byAddress) }, now.getTime());
  if (verdict.allowed) return;
  const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
  const detail = verdict.by === 'email'
    ? `Too many failed sign-ins for this e-mail address; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`
    : `Too many failed sign-ins from this address; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
  throw new TooManyRequests(verdict.retryAfterSeconds, detail,
    [{ field: 'email', message: 'has had too many failed sign-ins; wait and try again', code: 'too_many_attempts', params: { minutes } }]);
}

/** Each attempt is written down as a failure before its password is tried, and struck out when it
 *  succeeds (or is refused untried): guesses sent all at once then count against each other, so a
 *  burst gets no more tries than the limit, on one instance or several. */
export async function login(deps: Deps, input: LoginInput, context: SignInContext): Promise<SignedIn> {
  const db = deps.store.db;
  const now = deps.clock.now();
  const email = input.email.toLowerCase();
  const attemptId = newId();
  await recordFailure(db, { id: attemptId, email, address: context.address, at: now.toISOString() });
  let account: Awaited<ReturnType<typeof findLogin>>;
  let ok: boolean;
  try {
    await checkSignInLimits(deps, email, context.address, now, attemptId);
    account = await findLogin(db, input.email);
    ok = await verifyPassword(input.password, account?.passwordHash ?? DUMMY_HASH);
  } catch (error) {
    await forgetAttempt(db, attemptId);
    throw error;
  }
  // A deactivated account gets the same answer as a wrong password, after the same work.
  if (!account || !account.passwordHash || !ok || !account.active) {
    throw new AppError(401, 'Unauthorized', 'The e-mail address or the password is wrong',
      [{ field: 'password', message: 'does not match the e-mail address', code: 'invalid_credentials' }]);
  }
  await clearFailuresOf(db, email);
  await upgradePasswordHash(deps, account.id, account.passwordHash, input.password);
  if (context.replacingToken) await logout(deps, context.replacingToken);
  return { ...await openSession(deps, account.id, account.orgId), passwordChangeRequired: account.passwordChangeRequired };
}

export async function logout(deps: Deps, token: string): Promise<void> {
  const id = sessionId(token);
  deps.sessions.forgetSession(id);
  await unitOfWork(deps, null, async ({ trx, record }) => {
    const ended = await deleteSession(trx, id);
    if (ended) record('session.signedOut', sessionSubject({ id: ended.personId, name: await personName(trx, ended.orgId, ended.personId) }), [], ended);
  });
}

/** Ends a person's sessions at once on this instance (all, or all but the one kept); other
 *  instances stop answering them within the session cache's few seconds. */
export async function endSessionsOf(deps: Deps, actor: WorkActor, orgId: string, personId: string, keepSessionId?: string): Promise<number> {
  deps.sessions.forgetPerson(personId, keepSessionId);
  return unitOfWork(deps, actor, async ({ trx, record }) => {
    const ended = await deleteSessionsOf(trx, orgId, personId, keepSessionId);
    if (ended.length) record('session.endedEverywhere', sessionSubject({ id: personId, name: await personName(trx, orgId, personId) }), [{ field: 'sessions', before: ended.length, after: 0 }]);
    return ended.length;
  });
}

/** Signs the person out of every session they have, this one included. */
export async function logoutEverywhere(deps: Deps, actor: SessionPrincipal): Promise<number> {
  return endSessionsOf(deps, actor, actor.orgId, actor.personId);
}

/** How stale last_seen_at may grow before a request writes it again: once a minute at most, so a
 *  stream of check-ins does not write its session on every request, but always well inside the
 *  idle limit so a session in use never looks idle. */
const touchAfterMs = (idleMs: number): number => Math.min(60_000, idleMs / 2);

export async function principalFor(deps: Deps, token: string): Promise<SessionPrincipal | undefined> {
  const id = sessionId(token);
  const now = deps.clock.now().getTime();
  const idleMs = deps.security.sessionIdleSeconds * 1000;
  let session = deps.sessions.cached(id, now);
  // Idle by what this instance knows; the database may know of a later use on another instance.
  if (session && now - session.lastSeenAt >= idleMs) session = undefined;
  if (!session) {
    const found = await findSession(deps.store.db, id, new Date(now).toISOString(), new Date(now - idleMs).toISOString());
    if (!found) {
      deps.sessions.forgetSession(id);
      return undefined;
    }
    session = deps.sessions.remember(id, { principal: found.principal, lastSeenAt: Date.parse(found.lastSeenAt), expiresAt: Date.parse(found.expiresAt) }, now);
  }
  if (now - session.lastSeenAt >= touchAfterMs(idleMs)) {
    // Marked first, so the requests arriving while this write is on its way do not write too.
    session.lastSeenAt = now;
    await touchSession(deps.store.db, id, new Date(now).toISOString());
  }
  return session.principal;
}
