// Signing in and out, and the sessions that keep a person signed in.
import type { LoginInput } from '@varde/core';
import { deleteSession, deleteSessionsOf, findLogin, findSession, insertSession, type SessionPrincipal } from '../store/people.js';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.js';
import { newSessionToken, sessionId, SESSION_DAYS } from '../auth/sessionTokens.js';
import { cachedPrincipal, forgetPerson, forgetPrincipal, rememberPrincipal } from '../auth/sessionCache.js';
import type { Deps } from './context.js';
import { AppError } from './errors.js';

export interface SignedIn { token: string; expiresAt: Date; personId: string }

/** Starts a session for a person who has just proved who they are (signed in, or set Varde up). */
export async function openSession(deps: Deps, personId: string, orgId: string): Promise<SignedIn> {
  const token = newSessionToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await insertSession(deps.store.db, { id: sessionId(token), orgId, personId, now: now.toISOString(), expiresAt: expiresAt.toISOString() });
  return { token, expiresAt, personId };
}

export async function login(deps: Deps, input: LoginInput): Promise<SignedIn> {
  const account = await findLogin(deps.store.db, input.email);
  const ok = await verifyPassword(input.password, account?.passwordHash ?? DUMMY_HASH);
  if (!account || !account.passwordHash || !ok) {
    throw new AppError(401, 'Unauthorized', 'The e-mail address or the password is wrong',
      [{ field: 'password', message: 'does not match the e-mail address', code: 'invalid_credentials' }]);
  }
  return openSession(deps, account.id, account.orgId);
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
