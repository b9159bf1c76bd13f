// The composition root's parts: the components with state that every use case shares, built once
// for a store, started before the first request and stopped, in order, after the last.
import type { Store } from './store/database.js';
import type { Clock, Deps, SecuritySettings } from './app/context.js';
import { EventFeed } from './events/eventFeed.js';
import { CheckInBatches } from './app/checkInBatches.js';
import { SessionCache } from './auth/sessionCache.js';

/** For the bench alone: `checkInEvents: false` writes check-ins without their events, to show what recording them costs. */
export interface BenchOptions { checkInEvents?: boolean }

export function composeDeps(store: Store, clock: Clock, security: SecuritySettings, bench: BenchOptions = {}): Deps {
  const events = new EventFeed(store);
  return { store, clock, security, events, checkIns: new CheckInBatches(store, events, { recordEvents: bench.checkInEvents ?? true }), sessions: new SessionCache() };
}

export async function startComponents(deps: Deps): Promise<void> {
  await deps.events.start();
}

/** After the HTTP server closed, in order: the check-ins already taken are written and their events
 *  told, the feed stops listening, the session cache forgets. The store is closed by its owner after this. */
export async function stopComponents(deps: Deps): Promise<void> {
  await deps.checkIns.stop();
  await deps.events.stop();
  deps.sessions.stop();
}
