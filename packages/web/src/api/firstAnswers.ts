// What the server answered inside the page (packages/server/src/http/firstAnswers.ts): the
// screen's first reads, so the app draws as soon as its scripts have run instead of asking for
// each and waiting a round trip. Each answer stands in for the first request of its path only,
// and only while the page is fresh; every later read of that path goes to the network, so a
// refetch or a change made meanwhile is never hidden by what the page brought, and the first write
// (a sign-out or sign-in among them) drops what is left (client.ts).
import type { Page } from '@varde/core';

const ELEMENT_ID = 'first-answers';
/** An answer older than this is not used: a tab restored or left open asks again. */
const FRESH_MS = 10_000;

let answers: Map<string, unknown> | undefined;

function read(): Map<string, unknown> {
  if (answers) return answers;
  answers = new Map();
  const element = typeof document === 'undefined' ? null : document.getElementById(ELEMENT_ID);
  if (element?.textContent) {
    try {
      for (const [path, data] of Object.entries(JSON.parse(element.textContent) as Record<string, unknown>)) answers.set(path, data);
    } catch {
      // A page that carries no readable answers is a page without a head start, nothing worse.
    }
    element.remove();
  }
  return answers;
}

/** Drops what the page brought and no query has taken yet: after a write, or a sign-in or
 *  sign-out in the same tab, it could be out of date or someone else's. */
export function forgetFirstAnswers(): void {
  read().clear();
}

/** The page's answer for GET `path` (under /api/v1, as the client writes it), once; undefined when
 *  it brought none, it was taken already, or the page is no longer fresh. */
export function takeFirstAnswer(path: string): unknown {
  const all = read();
  if (!all.has(path)) return undefined;
  const data = all.get(path);
  all.delete(path);
  return performance.now() <= FRESH_MS ? data : undefined;
}

/** The page's own answer for a read (above) as its query's first data: the screen
 *  draws with it in its first render rather than after a round trip, and the data counts as read
 *  when the page was (staleTime then runs from there). */
export const brought = <T>(path: string) => ({ initialData: () => takeFirstAnswer(path) as T | undefined, initialDataUpdatedAt: performance.timeOrigin });
/** The same for a list read as the items of one page at `path`, when that page was all of it. */
export const broughtItems = <T>(path: string) => ({
  initialData: () => { const page = takeFirstAnswer(path) as Page<T> | undefined; return page && !page.nextCursor ? page.items : undefined; },
  initialDataUpdatedAt: performance.timeOrigin,
});
