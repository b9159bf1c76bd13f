// What every use case gets: the store, the clock, the security settings and who is acting.
import type { Store } from '../store/database.js';
import type { SessionPrincipal } from '../store/people.js';
import type { SetupToken } from '../auth/setupToken.js';
import type { EventFeed } from '../events/eventFeed.js';
import type { CheckInBatches } from './checkInBatches.js';
import type { SessionCache } from '../auth/sessionCache.js';
import type { LiveStreams } from '../events/liveStream.js';
import type { KeptRollUps } from './keptRollUps.js';

export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

export interface SecuritySettings {
  /** Send the session cookie only over HTTPS even when the request does not look like HTTPS. */
  secureCookies: boolean;
  /** A session ends after this long without a request… */
  sessionIdleSeconds: number;
  /** …and this long after sign-in, whatever happens. */
  sessionMaxSeconds: number;
  /** Addresses and CIDR ranges of proxies whose X-Forwarded-* headers are believed. */
  trustProxy: string[];
  /** Varde listens beyond loopback: first-run set-up then needs the set-up token. */
  exposed: boolean;
  /** The one-time set-up token, issued when set-up is still to be done and Varde is exposed. */
  setupToken: SetupToken;
}

/** Everything but the set-up token, which holds state and so is made afresh for each app. */
export const defaultSecurity: Omit<SecuritySettings, 'setupToken'> = {
  secureCookies: false, sessionIdleSeconds: 43_200, sessionMaxSeconds: 30 * 86_400, trustProxy: [], exposed: false,
};

export interface Deps {
  store: Store;
  clock: Clock;
  security: SecuritySettings;
  /** Told of every change's events; the live streams listen to it. */
  events: EventFeed;
  /** Writes check-ins in batches. */
  checkIns: CheckInBatches;
  /** Who the sessions in use belong to, for a few seconds. */
  sessions: SessionCache;
  /** The open live streams of this instance. */
  live: LiveStreams;
  /** The organisations' roll-ups, kept between changes. */
  rollUps: KeptRollUps;
}
export interface Actor extends SessionPrincipal {}
export const isoNow = (deps: Deps): string => deps.clock.now().toISOString();
