// What every use case gets: the store, the clock and who is acting.
import type { Store } from '../store/database.js';
import type { SessionPrincipal } from '../store/people.js';

export interface Clock { now(): Date }
export const systemClock: Clock = { now: () => new Date() };

export interface Deps {
  store: Store;
  clock: Clock;
  /** Send the session cookie only over HTTPS (set when Varde runs behind TLS). */
  secureCookies?: boolean;
}
export interface Actor extends SessionPrincipal {}
export const isoNow = (deps: Deps): string => deps.clock.now().toISOString();
