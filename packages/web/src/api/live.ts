// The tab's one live stream (GET /api/v1/live, server-sent events): opened by the app's frame once
// someone is signed in, closed at sign-out. The browser reconnects by itself after a lost
// connection and resumes with Last-Event-ID; when it gives up (an answer that is no stream, such as
// the 503 of an instance shutting down) the stream is opened again after a pause, resuming with
// ?lastEventId= where it was. Whatever on the page cares about changes listens here (onLiveEvent).
import type { EventEntry } from '@varde/core';
import { EVENT_TYPES } from '@varde/core/rules';

export type LiveListener = (event: EventEntry) => void;

export interface LiveHandlers {
  /** The session ended (signed out here or elsewhere): the stream is closed for good. */
  onSignedOut(): void;
  /** The stream was lost and could not resume where it was: what is on screen may be stale. */
  onGap(): void;
  /** The server answered with no stream (401 after the session ended unnoticed, 503 while shutting down). */
  onRefused(): void;
}

const listeners = new Set<LiveListener>();
let closeCurrent: (() => void) | null = null;

/** Hears every event of the tab's stream, until the function it answers is called. */
export function onLiveEvent(listener: LiveListener): () => void {
  listeners.add(listener);
  return () => { listeners.delete(listener); };
}

/** Closes the tab's stream, if one is open (before signing out, so it does not outlive the session). */
export function closeLive(): void {
  closeCurrent?.();
}

export function openLive(handlers: LiveHandlers): () => void {
  closeLive();
  let source: EventSource | null = null;
  let lastId = '';
  let pause = 5_000;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const take = (m: MessageEvent<string>) => {
    if (m.lastEventId) lastId = m.lastEventId;
    const event = JSON.parse(m.data) as EventEntry;
    for (const listener of listeners) listener(event);
  };
  const close = () => {
    clearTimeout(retry);
    source?.close();
    source = null;
    if (closeCurrent === close) closeCurrent = null;
  };
  const connect = (resumed: boolean) => {
    const s = new EventSource(`/api/v1/live${lastId ? `?lastEventId=${encodeURIComponent(lastId)}` : ''}`);
    source = s;
    for (const type of EVENT_TYPES) s.addEventListener(type, take);
    s.addEventListener('signedOut', () => { close(); handlers.onSignedOut(); });
    s.addEventListener('open', () => {
      pause = 5_000;
      // Opened anew without knowing where the last one was: what happened meanwhile is not coming.
      if (resumed && !lastId) handlers.onGap();
    });
    s.addEventListener('error', () => {
      if (s.readyState !== EventSource.CLOSED || source !== s) return;
      source = null;
      handlers.onRefused();
      retry = setTimeout(() => connect(true), pause);
      pause = Math.min(pause * 2, 60_000);
    });
  };
  connect(false);
  closeCurrent = close;
  return close;
}
