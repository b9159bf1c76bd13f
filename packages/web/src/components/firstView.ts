// The app taking the place of the first view the server drew into the page (packages/server/src/
// http/firstView.ts). The app draws into a hidden root under that view; once the screen's own
// head is drawn, the view goes and the root shows in the same frame (a layout effect runs before
// the browser paints), so the head a phone has been showing since the page came stays where it
// is. A screen without a first view, another route, or a screen that does not get there in
// REVEAL_AT_LATEST_MS, shows the app as it is.
import { useLayoutEffect } from 'react';

const REVEAL_AT_LATEST_MS = 4000;

const firstView = () => (typeof document === 'undefined' ? null : document.getElementById('first-view'));

/** Where the first view was drawn for, or null when the page came without one. */
export const firstViewPath: string | null = firstView() ? window.location.pathname : null;

export function revealApp(): void {
  const view = firstView();
  if (!view) return;
  // Whoever had the keyboard in the view (its links work before the app has come) keeps a place to start from.
  const hadFocus = view.contains(document.activeElement);
  view.remove();
  const root = document.getElementById('root');
  if (root) root.hidden = false;
  if (hadFocus) document.getElementById('main')?.focus();
}

if (firstViewPath !== null) setTimeout(revealApp, REVEAL_AT_LATEST_MS);

/** For a screen the server draws a first view of: `drawn` once its head is on screen (or what it
 *  shows instead, an error or a notice), when the app takes the first view's place. */
export function useFirstViewDone(drawn: boolean): void {
  useLayoutEffect(() => { if (drawn) revealApp(); }, [drawn]);
}
