// Who a session belongs to, remembered for a few seconds so a burst of requests (a check-in
// stream, a page loading its parts) does not look the session up every time. A sign-out on this
// instance forgets at once; on other instances sharing the database it takes effect within TTL_MS.
import type { Store } from '../store/database.js';
import type { SessionPrincipal } from '../store/people.js';

export const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

interface Entry { principal: SessionPrincipal; until: number }
const caches = new WeakMap<Store, Map<string, Entry>>();

function cacheOf(store: Store): Map<string, Entry> {
  let cache = caches.get(store);
  if (!cache) { cache = new Map(); caches.set(store, cache); }
  return cache;
}

export function cachedPrincipal(store: Store, sessionId: string, now: number): SessionPrincipal | undefined {
  const entry = cacheOf(store).get(sessionId);
  if (!entry) return undefined;
  if (entry.until > now) return entry.principal;
  cacheOf(store).delete(sessionId);
  return undefined;
}

export function rememberPrincipal(store: Store, sessionId: string, principal: SessionPrincipal, now: number): void {
  const cache = cacheOf(store);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(sessionId, { principal, until: now + TTL_MS });
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
