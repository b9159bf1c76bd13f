// The composition root's parts: the components with state that every use case shares, built once
// for a store, started before the first request and stopped, in order, after the last.
import type { Store } from './store/database.js';
import type { Clock, Deps, SecuritySettings } from './app/context.js';
import { EventFeed } from './events/eventFeed.js';
import { CheckInBatches } from './app/checkInBatches.js';
import { SessionCache } from './auth/sessionCache.js';
import { KeptRollUps } from './app/keptRollUps.js';
import { LiveStreams, type LiveSettings } from './events/liveStream.js';

export interface ComponentSettings {
  live?: Partial<LiveSettings>;
  /** For the bench alone: false writes check-ins without their events, to show what recording them costs. */
  checkInEvents?: boolean;
}

export function composeDeps(store: Store, clock: Clock, security: SecuritySettings, settings: ComponentSettings = {}): Deps {
  const events = new EventFeed(store);
  return {
    store, clock, security, events,
    checkIns: new CheckInBatches(store, events, { recordEvents: settings.checkInEvents ?? true }),
    sessions: new SessionCache(),
    live: new LiveStreams(store, clock, security, events, settings.live),
    rollUps: new KeptRollUps(),
  };
}

export async function startComponents(deps: Deps): Promise<void> {
  await deps.events.start();
  deps.live.start();
}

/** After the HTTP server closed (which ended the live streams first, see routes/live.ts): the
 *  check-ins already taken are written and their events told, the live streams' reads under way
 *  finish, then the feed stops listening and the caches forget. The store is closed by its owner after this. */
export async function stopComponents(deps: Deps): Promise<void> {
  await deps.checkIns.stop();
  await deps.live.stop();
  await deps.events.stop();
  deps.sessions.stop();
  deps.rollUps.stop();
}
