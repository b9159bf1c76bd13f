// The review at the end of a cycle (issue 15, article 004), one unit's, made for a shared screen:
// each objective with its key results, the score proposed from the result and the score it closes
// with (a reason when they differ), whether the objective succeeded by its kind's bar, a decision
// for every open item, the three questions, and Close, which says what will happen first. Once
// closed it is the cycle's record, read-only. Scores and what closing does come from core.
import { useState, useEffect } from 'react';
import { Link, useParams } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import { closingPlan, REVIEW_DECISIONS, REVIEW_QUESTIONS, type Review, type ReviewDecision, type ReviewedObjective, type ReviewPatch } from '@varde/core';
import { closeReview, patchReview, reviewKeys, useReview } from '../../api/reviews';
import { usePeriods, useUnit } from '../../api/hooks';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmAction } from '../../components/ConfirmAction';
import { FormError, TextInput } from '../../components/Fields';
import { SelectField } from '../../components/SelectField';
import { ErrorState, Loading } from '../../components/States';
import { formMessage } from '../../components/fieldMessages';
import { dateTime, number } from '../../i18n/format';
import { useReviewTexts } from '../../i18n/reviewTexts';

const TENTHS = Array.from({ length: 11 }, (_, i) => i / 10);
type Kpi = { direction: 'above' | 'below' | 'between'; low: number | null; high: number | null; cadence: 'weekly' | 'monthly' | 'quarterly' };

const decisionOf = (r: Review, id: string) => r.decisions.find((d) => ('objectiveId' in d ? d.objectiveId : d.keyResultId) === id);

/** The review as core's closing rules see it. */
export function reviewedObjectives(r: Review): ReviewedObjective[] {
  return r.objectives.map((o) => ({
    id: o.objectiveId, status: o.status, score: o.score, decision: (decisionOf(r, o.objectiveId)?.decision ?? null) as ReviewDecision | null,
    keyResults: r.keyResults.filter((k) => k.objectiveId === o.objectiveId).map((k) => ({ id: k.keyResultId, score: k.score, decision: (decisionOf(r, k.keyResultId)?.decision ?? null) as ReviewDecision | null })),
  }));
}

/** What closing will do: copies carried to the next cycle, copies parked in the backlog, KPIs made. */
export function closingCounts(r: Review): { carried: number; parked: number; kpis: number } {
  let carried = 0; let parked = 0; let kpis = 0;
  for (const o of reviewedObjectives(r)) {
    const plan = closingPlan(o);
    if (plan.copyToNext) carried++;
    if (plan.copyToBacklog) parked++;
    kpis += plan.promote.length;
  }
  return { carried, parked, kpis };
}

export default function ReviewPage() {
  const { unitId = '', periodId = '' } = useParams();
  const { t, i18n } = useReviewTexts();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const review = useReview(unitId, periodId);
  const unit = useUnit(unitId);
  const periods = usePeriods();
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const period = (periods.data ?? []).find((p) => p.id === periodId);

  if (review.isLoading) return <Loading />;
  if (!review.data) return <ErrorState error={review.error ?? { status: 404 }} onRetry={() => void review.refetch()} />;
  const r = review.data;
  const edit = r.can.edit;
  const save = async (change: Omit<ReviewPatch, 'version'>) => {
    setError(null);
    try {
      const next = await patchReview(r, change);
      queryClient.setQueryData(reviewKeys.one(unitId, periodId), next);
    } catch (e) {
      setError(e);
      await review.refetch();
    }
  };
  const titleOf = (id: string) => r.objectives.find((o) => o.objectiveId === id)?.title ?? r.keyResults.find((k) => k.keyResultId === id)?.title ?? '';
  const counts = closingCounts(r);
  const unitName = unit.data?.name ?? '';
  const decisionChoices = (forObjective: boolean) => [
    { id: '', label: t('review.noDecision') },
    ...REVIEW_DECISIONS.filter((d) => !forObjective || d !== 'promoteToKpi').map((d) => ({ id: d, label: t(`review.decisions.${d}`) })),
  ];

  return (
    <article className="stack review-page" aria-labelledby="review-heading">
      <div className="page-head">
        <div className="grow">
          <Breadcrumbs trail={[{ label: unitName || t('nav.organisation'), to: `/units/${unitId}?period=${periodId}` }]} />
          <h1 id="review-heading">{t('review.title', { unit: unitName, period: period?.name ?? '' })}</h1>
          <p className="muted" style={{ margin: 0 }}>{r.state === 'closed' ? t('review.closedLead') : edit ? t('review.openLead') : t('review.readOnlyLead')}</p>
        </div>
      </div>

      {r.state === 'closed' && r.closedAt && (
        <section className="card" aria-labelledby="review-record" data-testid="review-record">
          <h2 id="review-record">{t('review.record')}</h2>
          <p style={{ margin: 0 }}>{t('review.closedBy', { name: r.closedBy?.name ?? t('comments.someone'), when: dateTime(lang, r.closedAt) })}</p>
        </section>
      )}

      <FormError>{error ? formMessage(t, error, []) : ''}</FormError>

      {r.objectives.map((o) => {
        const krs = r.keyResults.filter((k) => k.objectiveId === o.objectiveId);
        const od = decisionOf(r, o.objectiveId);
        return (
          <section key={o.objectiveId} className="card stack" aria-labelledby={`o-${o.objectiveId}`} data-testid="review-objective" style={{ gap: '.6rem' }}>
            <h2 id={`o-${o.objectiveId}`} style={{ margin: 0 }}><Link to={`/objectives/${o.objectiveId}`}>{o.title}</Link></h2>
            <p style={{ margin: 0 }} className="review-score">
              <strong>{t('review.objectiveScore', { score: o.score === null ? '–' : number(lang, o.score) })}</strong>
              {' · '}{t(`review.successAt.${o.kind}`)}
              {' · '}<span data-testid="succeeded">{o.succeeded ? t('review.succeeded') : t('review.notSucceeded')}</span>
            </p>
            {o.carriedToId && <p style={{ margin: 0 }}><Link to={`/objectives/${o.carriedToId}`}>{t('review.carriedTo', { period: r.nextPeriod?.name ?? '' })}</Link></p>}
            {o.parkedAsId && <p style={{ margin: 0 }}><Link to={`/objectives/${o.parkedAsId}`}>{t('review.parkedAs')}</Link></p>}
            <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0, gap: '.8rem' }}>
              {krs.map((k) => <KeyResultReview key={k.keyResultId} review={r} k={k} edit={edit} save={save} decisionChoices={decisionChoices(false)} />)}
            </ul>
            {edit ? (
              <SelectField label={t('review.objectiveDecision', { title: o.title })} value={od?.decision ?? ''} choices={decisionChoices(true)}
                onChange={(v) => void save({ decisions: [{ objectiveId: o.objectiveId, decision: (v || null) as ReviewDecision | null }] })} />
            ) : od && <p style={{ margin: 0 }}>{t('review.decisionIs', { decision: t(`review.decisions.${od.decision}`) })}</p>}
          </section>
        );
      })}

      <section className="card stack" aria-labelledby="review-questions" style={{ gap: '.6rem' }}>
        <h2 id="review-questions" style={{ margin: 0 }}>{t('review.questions')}</h2>
        {REVIEW_QUESTIONS.map((q) => <Answer key={q} question={q} value={r.answers[q]} edit={edit} onSave={(v) => save({ answers: { [q]: v } })} />)}
      </section>

      {r.state === 'open' && (
        <section className="card stack" aria-labelledby="review-undecided" style={{ gap: '.6rem' }}>
          <h2 id="review-undecided" style={{ margin: 0 }}>{t('review.undecided')}</h2>
          <div aria-live="polite" data-testid="undecided">
            {r.undecided.length === 0 ? <p style={{ margin: 0 }}>{t('review.allDecided')}</p> : (
              <ul style={{ margin: 0 }}>{r.undecided.map((u) => <li key={u.id}>{t(`review.undecidedKind.${u.kind}`, { title: u.title || titleOf(u.id) })}</li>)}</ul>
            )}
          </div>
          {r.can.close && (
            <div><button type="button" className="button" onClick={() => setConfirming(true)}>{t('review.close')}</button></div>
          )}
        </section>
      )}

      {confirming && (
        <ConfirmAction danger={false} title={t('review.confirmTitle')} confirmLabel={t('review.close')} onClose={() => setConfirming(false)}
          lead={t('review.confirmLead', { carried: counts.carried, next: r.nextPeriod?.name ?? t('review.noNext'), parked: counts.parked, kpis: counts.kpis })}
          onConfirm={async () => { queryClient.setQueryData(reviewKeys.one(unitId, periodId), await closeReview(r)); }} />
      )}
    </article>
  );
}

function KeyResultReview({ review, k, edit, save, decisionChoices }: {
  review: Review; k: Review['keyResults'][number]; edit: boolean; save(c: Omit<ReviewPatch, 'version'>): Promise<void>; decisionChoices: Array<{ id: string; label: string }>;
}) {
  const { t, i18n } = useReviewTexts();
  const lang = i18n.language;
  const stored = decisionOf(review, k.keyResultId);
  const [score, setScore] = useState(k.score);
  const [reason, setReason] = useState(k.reason);
  const [decision, setDecision] = useState<string>(stored?.decision ?? '');
  const [kpi, setKpi] = useState<Kpi>({ direction: (stored?.kpi?.direction ?? (k.type === 'decrease' || k.type === 'below' ? 'below' : 'above')) as Kpi['direction'], low: stored?.kpi?.low ?? k.target, high: stored?.kpi?.high ?? k.target, cadence: (stored?.kpi?.cadence ?? 'weekly') as Kpi['cadence'] });
  // What the server holds now wins when it changes (a refusal read again, another member's save);
  // what is being typed in another row stays.
  useEffect(() => { setScore(k.score); setReason(k.reason); }, [k.score, k.reason]);
  useEffect(() => { setDecision(stored?.decision ?? ''); }, [stored?.decision]);
  const differs = Math.abs(score - k.proposedScore) > 1e-9;
  const chooseScore = (v: number) => {
    setScore(v);
    if (Math.abs(v - k.proposedScore) < 1e-9) { setReason(''); void save({ scores: [{ keyResultId: k.keyResultId, score: v, reason: '' }] }); }
  };
  const chooseDecision = (v: string) => {
    setDecision(v);
    if (v !== 'promoteToKpi') void save({ decisions: [{ keyResultId: k.keyResultId, decision: (v || null) as ReviewDecision | null }] });
  };
  const num = (v: string) => (v.trim() === '' ? null : Number(v.replace(',', '.')));
  return (
    <li className="review-kr" data-testid="review-kr">
      <h3 style={{ margin: '0 0 .2rem' }}><Link to={`/key-results/${k.keyResultId}`}>{k.title}</Link></h3>
      <p className="muted" style={{ margin: '0 0 .4rem' }}>
        {t('review.proposed', { score: number(lang, k.proposedScore) })}{' · '}{t(`review.proposedFrom.${k.type}`)}
      </p>
      {edit ? (
        <div className="review-kr-fields" style={{ display: 'flex', flexWrap: 'wrap', gap: '.6rem', alignItems: 'end' }}>
          <SelectField label={t('review.score', { title: k.title })} value={score.toFixed(1)} choices={TENTHS.map((x) => ({ id: x.toFixed(1), label: number(lang, x) }))}
            onChange={(v) => chooseScore(Number(v))} />
          {differs && (
            <>
              <TextInput label={t('review.reason')} value={reason} onChange={setReason} hint={t('review.reasonHint', { proposed: number(lang, k.proposedScore) })} />
              <button type="button" className="button secondary" onClick={() => void save({ scores: [{ keyResultId: k.keyResultId, score, reason }] })}>{t('review.saveScore')}</button>
            </>
          )}
          <SelectField label={t('review.keyResultDecision', { title: k.title })} value={decision} choices={decisionChoices} onChange={chooseDecision} />
          {decision === 'promoteToKpi' && (
            <>
              <SelectField label={t('review.kpiDirection')} value={kpi.direction} choices={(['above', 'below', 'between'] as const).map((d) => ({ id: d, label: t(`review.kpiDirections.${d}`) }))}
                onChange={(v) => setKpi({ ...kpi, direction: v as Kpi['direction'] })} />
              {kpi.direction !== 'below' && <TextInput label={t('review.kpiLow')} value={kpi.low === null ? '' : String(kpi.low)} onChange={(v) => setKpi({ ...kpi, low: num(v) })} inputMode="decimal" />}
              {kpi.direction !== 'above' && <TextInput label={t('review.kpiHigh')} value={kpi.high === null ? '' : String(kpi.high)} onChange={(v) => setKpi({ ...kpi, high: num(v) })} inputMode="decimal" />}
              <SelectField label={t('review.kpiCadence')} value={kpi.cadence} choices={(['weekly', 'monthly', 'quarterly'] as const).map((c) => ({ id: c, label: t(`review.kpiCadences.${c}`) }))}
                onChange={(v) => setKpi({ ...kpi, cadence: v as Kpi['cadence'] })} />
              <button type="button" className="button secondary" onClick={() => void save({ decisions: [{ keyResultId: k.keyResultId, decision: 'promoteToKpi', kpi }] })}>{t('review.savePromotion')}</button>
            </>
          )}
        </div>
      ) : (
        <p style={{ margin: 0 }}>
          <strong>{t('review.scoreIs', { score: number(lang, k.score) })}</strong>
          {k.reason && <> · {t('review.reasonIs', { reason: k.reason })}</>}
          {stored && <> · {t('review.decisionIs', { decision: t(`review.decisions.${stored.decision}`) })}</>}
        </p>
      )}
    </li>
  );
}

function Answer({ question, value, edit, onSave }: { question: string; value: string; edit: boolean; onSave(v: string): Promise<void> }) {
  const { t } = useReviewTexts();
  const [text, setText] = useState(value);
  useEffect(() => { setText(value); }, [value]);
  if (!edit) return (<div><h3 style={{ margin: 0 }}>{t(`review.question.${question}`)}</h3><p style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{value || '–'}</p></div>);
  return (
    <div className="stack" style={{ gap: '.3rem' }}>
      <TextInput label={t(`review.question.${question}`)} value={text} onChange={setText} multiline />
      {text !== value && <div><button type="button" className="button secondary" onClick={() => void onSave(text)}>{t('review.saveAnswer')}</button></div>}
    </div>
  );
}
