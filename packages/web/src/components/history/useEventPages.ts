// The pages of a list of events (a history, an activity list, the audit trail): the first page is
// read like any answer (cached, read again after a change), older ones are added on request. An
// entry is shown once, even when the first page is read again and now holds one of an older page.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { EventEntry, EventPage } from '@varde/core';
import { api } from '../../api/client';

/** Entries a page asks for: a screenful. */
const PAGE = 20;

export interface EventPages<P extends EventPage> {
  first: ReturnType<typeof useQuery<P>>;
  items: EventEntry[];
  names: Record<string, string>;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: unknown;
  loadMore(): Promise<void>;
}

export function useEventPages<P extends EventPage = EventPage>(queryKey: readonly unknown[], url: string,
  options: { enabled?: boolean; staleTime?: number; gcTime?: number; refetchOnWindowFocus?: boolean } = {}): EventPages<P> {
  const sep = url.includes('?') ? '&' : '?';
  const first = useQuery<P>({ queryKey, queryFn: () => api.get<P>(`${url}${sep}limit=${PAGE}`), ...options });
  const key = JSON.stringify(queryKey);
  const [older, setOlder] = useState<{ key: string; pages: EventPage[] }>({ key, pages: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  // Another list (other filters, another object): its own older pages, none yet.
  const pages = older.key === key ? older.pages : [];
  const last = pages[pages.length - 1] ?? first.data;

  const seen = new Set<number>();
  const items = [first.data, ...pages].flatMap((p) => p?.items ?? []).filter((e) => !seen.has(e.seq) && Boolean(seen.add(e.seq)));
  const names = Object.assign({}, first.data?.names, ...pages.map((p) => p.names)) as Record<string, string>;

  const loadMore = async () => {
    if (!last?.nextCursor || loadingMore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await api.get<EventPage>(`${url}${sep}limit=${PAGE}&cursor=${encodeURIComponent(last.nextCursor)}`);
      setOlder({ key, pages: [...pages, next] });
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };
  return { first, items, names, hasMore: Boolean(last?.nextCursor), loadingMore, moreError, loadMore };
}
