// The retrospective of a unit for a cycle (issue 15, article 004): how the team worked and used
// OKR, never the results. The six questions with a note each, the anonymous mood vote and the
// actions for the next cycle; a facilitated mode puts one question at a time on the shared screen.
import { useEffect, useState } from 'react';
import { useParams } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import { RETROSPECTIVE_QUESTIONS } from '@varde/core/rules';
import { onLiveEvent } from '../../api/live';
import { retrospectiveKeys, useRetrospective } from '../../api/retrospectives';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorState, Loading } from '../../components/States';
import { useRetrospectiveTexts } from '../../i18n/retrospectiveTexts';
import { NoteField } from './NoteField';
import { MoodVote } from './MoodVote';
import { ActionsEditor } from './ActionsEditor';
import { Facilitation } from './Facilitation';

export default function RetrospectivePage() {
  const { unitId = '', periodId = '' } = useParams();
  const { t } = useRetrospectiveTexts();
  const queryClient = useQueryClient();
  const retro = useRetrospective(unitId, periodId);
  const [facilitating, setFacilitating] = useState(false);

  // Someone else's note, vote or action, and the cycle moving on, are read again.
  useEffect(() => onLiveEvent((e) => {
    if ((e.subject.kind === 'retrospective' && e.subject.unitId === unitId) || (e.subject.kind === 'period' && e.subject.id === periodId)) {
      void queryClient.invalidateQueries({ queryKey: retrospectiveKeys.one(unitId, periodId) });
    }
  }), [unitId, periodId, queryClient]);

  if (retro.isLoading) return <Loading />;
  if (!retro.data) return <ErrorState error={retro.error ?? { status: 404 }} onRetry={() => void retro.refetch()} />;
  const r = retro.data;
  const trail = [{ label: r.unitName, to: `/units/${r.unitId}?period=${r.periodId}` }];

  if (facilitating && r.open) return <Facilitation retro={r} trail={trail} onLeave={() => setFacilitating(false)} />;
  return (
    <div className="stack" data-testid="retrospective">
      <div className="page-head">
        <div className="grow">
          <Breadcrumbs trail={trail} />
          <h1>{t('title', { unit: r.unitName })}</h1>
          <p className="muted" style={{ margin: 0 }}>{t('lead', { period: r.periodName })}</p>
        </div>
        {r.open && r.can.edit && <button type="button" className="button" onClick={() => setFacilitating(true)}>{t('facilitate.start')}</button>}
      </div>
      {!r.open && <div className="alert" role="status">{t('notOpen')}</div>}
      {r.open && !r.can.edit && <p className="muted">{t('readOnly')}</p>}

      <MoodVote retro={r} />

      <section className="card stack" aria-labelledby="questions-heading">
        <h2 id="questions-heading">{t('questionsHeading')}</h2>
        {RETROSPECTIVE_QUESTIONS.map((q, i) => (
          <section key={q} className="stack" aria-labelledby={`q-${q}`} style={{ gap: '.3rem' }}>
            <h3 id={`q-${q}`} style={{ margin: 0 }}>{i + 1}. {t(`questions.${q}.title`)}</h3>
            <p style={{ margin: 0 }}>{t(`questions.${q}.text`)}</p>
            <NoteField retro={r} question={q} />
          </section>
        ))}
      </section>

      <ActionsEditor retro={r} />
    </div>
  );
}
