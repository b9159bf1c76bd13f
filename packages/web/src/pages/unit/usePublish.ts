// Publishing drafts from the team page in one click: each draft is made active with the version
// it was read at (a change made meanwhile is refused, not overwritten), then a toast says so.
import { useState } from 'react';
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
  const publish = async (drafts: readonly Objective[]) => {
    if (busy || drafts.length === 0) return;
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
    setBusy(false);
    if (published === 1 && drafts.length === 1) toast(t('publish.publishedOne', { title: drafts[0]!.title }));
    else if (published > 0) toast(t('publish.published', { count: published }));
  };
  return { publish: (drafts: readonly Objective[]) => void publish(drafts), busy, error };
}
