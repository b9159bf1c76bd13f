// The unit's weekly meetings on its page: start one (or join the one under way), when the last
// was held, the records, and the follow-up: meetings held out of those due this cycle by the
// unit's cadence, since missing follow-up is one of the pitfalls (article 002).
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Meeting } from '@varde/core';
import { api } from '../../api/client';
import { meetingKeys, useUnitFollowUp, useUnitMeetings } from '../../api/meetings';
import { ErrorState } from '../../components/States';
import { ago, dateTime } from '../../i18n/format';

export default function UnitMeetings({ unitId, periodId, canStart }: { unitId: string; periodId: string; canStart: boolean }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const meetings = useUnitMeetings(unitId, periodId);
  const followUp = useUnitFollowUp(unitId, periodId);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const items = meetings.data?.items ?? [];
  const running = items.find((m) => !m.endedAt);
  const ended = items.filter((m) => m.endedAt);
  const last = ended[0];
  const start = async () => {
    if (busy) return;
    setBusy(true); setError(null);
    try {
      const meeting = await api.post<Meeting>('/meetings', { unitId, periodId, kind: 'weekly' });
      queryClient.setQueryData(meetingKeys.one(meeting.id), meeting);
      void queryClient.invalidateQueries({ queryKey: ['meeting', 'list'] });
      navigate(`/meetings/${meeting.id}`);
    } catch (e) { setError(e); } finally { setBusy(false); }
  };
  const f = followUp.data;
  return (
    <section className="card stack" aria-labelledby="meetings-heading" style={{ gap: '.5rem' }} data-testid="unit-meetings">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="meetings-heading">{t('meeting.unitHeading')}</h2>
        {running ? <Link className="button" to={`/meetings/${running.id}`}>{t('meeting.join')}</Link>
          : canStart && <button type="button" className="button" onClick={() => void start()}>{busy ? t('common.working') : t('meeting.start')}</button>}
      </div>
      <p style={{ margin: 0 }}>
        {last?.endedAt ? t('meeting.lastMeeting', { ago: ago(t, last.endedAt) }) : t('meeting.noMeetingYet')}
        {f && <>{' · '}<span data-testid="follow-up">{t('meeting.heldOfDue', { held: f.held, due: f.due })}</span>{' '}
          <span className={`badge ${f.keepsCadence ? 'on-track' : 'at-risk'}`}>{f.keepsCadence ? t('meeting.keepsCadence') : t('meeting.behindCadence')}</span></>}
      </p>
      {error !== null && <ErrorState error={error} />}
      {meetings.error && <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />}
      {ended.length > 0 && (
        <details>
          <summary>{t('meeting.records', { count: ended.length })}</summary>
          <ul className="meeting-list">
            {ended.map((m) => <li key={m.id}><Link to={`/meetings/${m.id}`}>{t('meeting.recordOf', { when: dateTime(i18n.language, m.startedAt) })}</Link>
              <span className="muted small"> · {t('meeting.attendeeCount', { count: m.attendeeIds.length })}</span></li>)}
          </ul>
        </details>
      )}
    </section>
  );
}
