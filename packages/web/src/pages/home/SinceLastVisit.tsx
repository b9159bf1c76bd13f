// On Mine: what others did on my units since my last visit. Showing it is the visit: once the list
// is read, the server is told it has been seen up to the newest event there was (and when), and the
// list stays on screen as it was until the next visit (it is not read again while Mine is open).
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyActivity } from '@varde/core';
import { api } from '../../api/client';
import { keys, useOrganisation } from '../../api/hooks';
import { HISTORY_NS } from '../../i18n';
import { dateTime } from '../../i18n/format';
import { EventList } from '../../components/history/EventList';
import { useEventPages } from '../../components/history/useEventPages';
import { ErrorState, Loading } from '../../components/States';

export function SinceLastVisit() {
  const { t, i18n } = useTranslation(HISTORY_NS);
  const org = useOrganisation();
  const pages = useEventPages<MyActivity>(keys.myActivity, '/me/activity', { staleTime: Infinity, gcTime: 0, refetchOnWindowFocus: false });
  const marked = useRef(false);
  const data = pages.first.data;
  useEffect(() => {
    if (!data || marked.current) return;
    marked.current = true;
    // Failing to mark it only means the same news next time.
    api.post('/me/activity/seen', { seq: data.lastSeq }).catch(() => { marked.current = false; });
  }, [data]);
  if (pages.first.isLoading || org.isLoading) return <Loading />;
  if (pages.first.error || !data) return <ErrorState error={pages.first.error} onRetry={() => void pages.first.refetch()} />;
  const timeZone = org.data?.timeZone;
  return (
    <>
      <p className="small muted" style={{ margin: 0 }}>
        {data.seenAt ? t('mine.lead', { when: dateTime(i18n.language, data.seenAt, timeZone) }) : t('mine.leadFirst')}
      </p>
      <EventList pages={pages} timeZone={timeZone} empty={t('mine.empty')} />
    </>
  );
}
