// Publishing drafts from the team page in one click: each draft is made active with the version
// it was read at (a change made meanwhile is refused, not overwritten), then a toast says so.
// `publish` stays the same function from render to render, so the parts of the page that offer it
// are not drawn again for its sake.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Objective } from '@varde/core';
import { api } from '../../api/client';
import { useToast } from '../../components/Toast';

export function usePublish() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const publish = useCallback(async (drafts: readonly Objective[]) => {
    if (running.current || drafts.length === 0) return;
    running.current = true;
    setBusy(true);
    setError(null);
    let published = 0;
    try {
      // One after another: a refusal stops the rest, and the toast counts what was made active.
      for (const o of drafts) {
        await api.patch(`/objectives/${o.id}`, { version: o.version, status: 'active' });
        published += 1;
      }
    } catch (err) {
      setError(err);
    }
    // Not awaited: the toast says what was published, and the page's reads (some of them long,
    // like the unit's activity further down) come in behind it.
    void queryClient.invalidateQueries();
    running.current = false;
    setBusy(false);
    if (published === 1 && drafts.length === 1) toast(t('publish.publishedOne', { title: drafts[0]!.title }));
    else if (published > 0) toast(t('publish.published', { count: published }));
  }, [queryClient, t, toast]);
  const start = useCallback((drafts: readonly Objective[]) => void publish(drafts), [publish]);
  return { publish: start, busy, error };
}
