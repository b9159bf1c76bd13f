// Deletes what has ended: sessions past their absolute end or their idle limit, failed sign-ins
// that have left the limit's window, and deletions that can no longer be undone. Refusing them
// does not need this (the checks read the instants); it keeps the tables from growing without
// end. Safe with several instances: each deletes by time, and deleting twice deletes nothing.
import type { Deps } from '../app/context.js';
import { deleteEndedSessions } from '../store/people.js';
import { deleteFailuresBefore } from '../store/signInFailures.js';
import { deleteTrashBefore } from '../store/trash.js';
import { SIGN_IN_LIMITS } from '../auth/signInLimits.js';
import { restorableUntil } from '@varde/core';

export interface SweepResult { sessions: number; signInFailures: number; trash: number }

export interface Sweeper {
  start(): void;
  /** Stops the timer and waits for a sweep under way, so the store can close after it. */
  stop(): Promise<void>;
  sweep(): Promise<SweepResult>;
}

export function createSweeper(deps: Deps, options: { intervalMs?: number; onError?: (error: unknown) => void; onSwept?: (result: SweepResult) => void } = {}): Sweeper {
  const intervalMs = options.intervalMs ?? 5 * 60_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const sweep = async (): Promise<SweepResult> => {
    const now = deps.clock.now().getTime();
    const iso = (ms: number) => new Date(ms).toISOString();
    const sessions = await deleteEndedSessions(deps.store.db, iso(now), iso(now - deps.security.sessionIdleSeconds * 1000));
    const signInFailures = await deleteFailuresBefore(deps.store.db, iso(now - SIGN_IN_LIMITS.windowMs));
    // The window's length from core's rule: what was deleted before now − window is past undoing.
    const window = restorableUntil(new Date(now)).getTime() - now;
    const trash = await deleteTrashBefore(deps.store.db, iso(now - window));
    return { sessions, signInFailures, trash };
  };
  const tick = () => {
    running = sweep().then((result) => options.onSwept?.(result), (error: unknown) => options.onError?.(error));
  };

  return {
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, intervalMs);
      // The sweep never keeps the process alive by itself.
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
    sweep,
  };
}
