// Keeps what is on screen up to date with what others change: the tab's live stream, opened while
// someone is signed in, refreshes the cached reads each event touches (api/liveQueries.ts) and
// tells a screen reader, politely, of another person's change to what is on screen. The region is
// marked as a live announcer so that an open dialog (which hides the rest of the page from
// assistive technology) does not silence it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { EventEntry } from '@varde/core';
import { keys } from '../api/hooks';
import { onLiveEvent, openLive } from '../api/live';
import { queriesChangedBy, type QueryPrefix } from '../api/liveQueries';
import { announcementOf } from './liveAnnouncement';

/** Events that come together (a burst, a resumed stream's backlog) refresh and speak once. */
const GATHER_MS = 40;
/** A burst is told by its first few changes and how many more there were. */
const TOLD_AT_ONCE = 3;

/** Whether the event is about something a read on screen holds (the key result, its objective, the object). */
function onScreen(client: QueryClient, e: EventEntry, texts: WeakMap<object, string>): boolean {
  const ids = [e.subject.id, e.subject.keyResultId, e.subject.objectiveId].filter((id): id is string => Boolean(id));
  return client.getQueryCache().findAll({ type: 'active' }).some((q) => {
    const data = q.state.data;
    if (typeof data !== 'object' || data === null) return false;
    let text = texts.get(data);
    if (text === undefined) { text = JSON.stringify(data); texts.set(data, text); }
    return ids.some((id) => text.includes(`"${id}"`));
  });
}

export function LiveUpdates({ viewerId }: { viewerId: string }) {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [said, setSaid] = useState('');

  useEffect(() => {
    let gathered: EventEntry[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const texts = new WeakMap<object, string>();
    const flush = () => {
      timer = undefined;
      const events = gathered;
      gathered = [];
      const told = events.filter((e) => e.actor?.id !== viewerId && onScreen(queryClient, e, texts))
        .map((e) => announcementOf(e, i18n.t, i18n.language)).filter((s): s is string => Boolean(s));
      const others = new Map<string, QueryPrefix>();
      const own = new Map<string, QueryPrefix>();
      for (const e of events) {
        const changed = queriesChangedBy(e, viewerId);
        for (const key of changed) (e.actor?.id === viewerId ? own : others).set(JSON.stringify(key), key);
      }
      // Someone else's change: a read already under way may predate it, so it is read again. One's
      // own (this tab's save has already asked for the reads): a read under way will do.
      for (const key of others.values()) void queryClient.invalidateQueries({ queryKey: key });
      for (const [text, key] of own) if (!others.has(text)) void queryClient.invalidateQueries({ queryKey: key }, { cancelRefetch: false });
      if (told.length > 0) {
        const more = told.length - TOLD_AT_ONCE;
        const message = [...told.slice(0, TOLD_AT_ONCE), ...(more > 0 ? [i18n.t('live.more', { count: more })] : [])].join('. ');
        // Emptied first, so the same words twice are read twice.
        setSaid('');
        setTimeout(() => setSaid(message), 50);
      }
    };
    const offEvents = onLiveEvent((e) => {
      gathered.push(e);
      timer ??= setTimeout(flush, GATHER_MS);
    });
    const close = openLive({
      onSignedOut: () => { void queryClient.invalidateQueries({ queryKey: keys.setup }); },
      onGap: () => { void queryClient.invalidateQueries(); },
      onRefused: () => { void queryClient.invalidateQueries({ queryKey: keys.setup }); },
    });
    return () => { offEvents(); close(); clearTimeout(timer); };
    // One stream for the tab's signed-in person; the language is read when a message is made.
  }, [viewerId, queryClient, i18n]);

  return <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-live-announcer="true" data-testid="live-announcer">{said}</div>;
}
