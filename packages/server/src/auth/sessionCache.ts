// Who a session belongs to, remembered for a few seconds so a burst of requests (a check-in
// stream, a page loading its parts) does not look the session up every time. A sign-out on this
// instance forgets at once; on other instances sharing the database it takes effect within TTL_MS.
// An entry never outlives the session's absolute end; its idle end is checked on every use.
// A component of the composition root: stop() forgets everything.
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

export class SessionCache {
  private readonly entries = new Map<string, CachedSession>();

  cached(sessionId: string, now: number): CachedSession | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.until > now) return entry;
    this.entries.delete(sessionId);
    return undefined;
  }

  remember(sessionId: string, s: { principal: SessionPrincipal; lastSeenAt: number; expiresAt: number }, now: number): CachedSession {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const entry: CachedSession = { ...s, until: Math.min(now + TTL_MS, s.expiresAt) };
    this.entries.set(sessionId, entry);
    return entry;
  }

  forgetSession(sessionId: string): void {
    this.entries.delete(sessionId);
  }

  /** Forgets every remembered session of a person (signed out everywhere, deactivated, new password). */
  forgetPerson(personId: string, exceptSessionId?: string): void {
    for (const [id, entry] of this.entries) {
      if (entry.principal.personId === personId && id !== exceptSessionId) this.entries.delete(id);
    }
  }

  stop(): void {
    this.entries.clear();
  }
}
