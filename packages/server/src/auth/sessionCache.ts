// Who a session belongs to, remembered for a few seconds so a burst of requests (a check-in
// stream, a page loading its parts) does not look the session up every time. A sign-out on this
// instance forgets at once; on other instances sharing the database it takes effect within TTL_MS.
// An entry never outlives the session's absolute end; its idle end is checked on every use.
import type { Store } from '../store/database.js';
import type { SessionPrincipal } from '../store/people.js';

export const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedSession {
  principal: SessionPrincipal;
  /** When the session was last recorded as used (ms), in the database or about to be. */
  lastSeenAt: number;
  expiresAt: number;
  until: number;
}
const caches = new WeakMap<Store, Map<string, CachedSession>>();

function cacheOf(store: Store): Map<string, CachedSession> {
  let cache = caches.get(store);
  if (!cache) { cache = new Map(); caches.set(store, cache); }
  return cache;
}

export function cachedSession(store: Store, sessionId: string, now: number): CachedSession | undefined {
  const entry = cacheOf(store).get(sessionId);
  if (!entry) return undefined;
  if (entry.until > now) return entry;
  cacheOf(store).delete(sessionId);
  return undefined;
}

export function rememberSession(store: Store, sessionId: string, s: { principal: SessionPrincipal; lastSeenAt: number; expiresAt: number }, now: number): CachedSession {
  const cache = cacheOf(store);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  const entry: CachedSession = { ...s, until: Math.min(now + TTL_MS, s.expiresAt) };
  cache.set(sessionId, entry);
  return entry;
}

export function forgetPrincipal(store: Store, sessionId: string): void {
  cacheOf(store).delete(sessionId);
}

/** Forgets every remembered session of a person (signed out everywhere, deactivated, new password). */
export function forgetPerson(store: Store, personId: string, exceptSessionId?: string): void {
  for (const [id, entry] of cacheOf(store)) {
    if (entry.principal.personId === personId && id !== exceptSessionId) cacheOf(store).delete(id);
  }
}
