// Stumbling blocks: the blockers written in check-ins since the last meeting, each handled here:
// noted as handled, or turned into an initiative with an owner, or into a dependency on another unit.
import { useState } from 'react';
import { useMeetingTexts } from '../../i18n/meetingTexts';
import { useQueryClient } from '@tanstack/react-query';
import type { Meeting, MeetingBlocker } from '@varde/core';
import { api } from '../../api/client';
import { meetingKeys } from '../../api/meetings';
import { lazyPart, preloadOn } from '../../components/lazyPart';
import { ErrorState } from '../../components/States';
import { useToast } from '../../components/Toast';
import { dateTime } from '../../i18n/format';

const BlockerInitiativeDialog = lazyPart(() => import('./BlockerDialogs').then((m) => m.BlockerInitiativeDialog));
const BlockerDependencyDialog = lazyPart(() => import('./BlockerDialogs').then((m) => m.BlockerDependencyDialog));

export type ListedBlocker = MeetingBlocker & { keyResultTitle: string };

export function BlockerList({ meeting, blockers }: { meeting: Meeting; blockers: ListedBlocker[] }) {
  const { t, i18n } = useMeetingTexts();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [open, setOpen] = useState<{ how: 'initiative' | 'dependency'; blocker: ListedBlocker } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const noted = async (b: ListedBlocker) => {
    setError(null);
    try {
      const answer = await api.post<Meeting>(`/meetings/${meeting.id}/blockers`, { how: 'noted', checkInId: b.checkInId });
      if (answer && typeof answer === 'object' && 'agenda' in answer) queryClient.setQueryData(meetingKeys.one(meeting.id), answer);
      void queryClient.invalidateQueries({ queryKey: meetingKeys.one(meeting.id) });
      toast(t('meeting.blockerNoted'));
    } catch (e) { setError(e); }
  };
  if (blockers.length === 0) return <p className="muted">{t('meeting.noBlockers')}</p>;
  return (
    <>
      {error !== null && <ErrorState error={error} />}
      <ul className="dependency-list" data-testid="blockers">
        {blockers.map((b) => (
          <li key={b.checkInId} className={`dependency blocker${b.handled ? ' handled' : ''}`}>
            <p style={{ margin: 0 }}><strong>«{b.text}»</strong></p>
            <p className="small muted" style={{ margin: '.2rem 0 0' }}>
              {b.keyResultTitle} · {b.by?.name ?? t('comments.someone')} · {dateTime(i18n.language, b.at)}
            </p>
            {b.handled ? (
              <p className="small" style={{ margin: '.2rem 0 0' }}><span aria-hidden="true">✓ </span>{t(`meeting.handled.${b.handled.how}`)}
                {b.handled.by ? ` · ${b.handled.by.name}` : ''}</p>
            ) : meeting.can.edit && (
              <div className="row" style={{ marginTop: '.4rem' }}>
                <button type="button" className="button secondary small" aria-label={t('meeting.notedNamed', { text: b.text })} onClick={() => void noted(b)}>{t('meeting.noted')}</button>
                <button type="button" className="button small" {...preloadOn(BlockerInitiativeDialog)} aria-label={t('meeting.toInitiativeNamed', { text: b.text })}
                  onClick={() => setOpen({ how: 'initiative', blocker: b })}>{t('meeting.toInitiative')}</button>
                <button type="button" className="button small" {...preloadOn(BlockerDependencyDialog)} aria-label={t('meeting.toDependencyNamed', { text: b.text })}
                  onClick={() => setOpen({ how: 'dependency', blocker: b })}>{t('meeting.toDependency')}</button>
              </div>
            )}
          </li>
        ))}
      </ul>
      {open?.how === 'initiative' && <BlockerInitiativeDialog meeting={meeting} blocker={open.blocker} onClose={() => setOpen(null)} />}
      {open?.how === 'dependency' && <BlockerDependencyDialog meeting={meeting} blocker={open.blocker} onClose={() => setOpen(null)} />}
    </>
  );
}
