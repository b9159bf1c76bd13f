// A key result in depth: its history against the expected line, the forecast to the end of the
// period, and every check-in with its comment and blockers.
import { lazy, Suspense, useMemo, useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CheckIn } from '@varde/core';
import { api } from '../../api/client';
import { useToast } from '../../components/Toast';
import { periodBounds } from '@varde/core/rules';
import { useCheckIns, useKeyResult, useObjective, useOrganisation, usePeopleByIds, usePeriods, useUnit } from '../../api/hooks';
import { ProgressBar } from '../../components/ProgressBar';
import { Breadcrumbs, unitTrail } from '../../components/Breadcrumbs';
import { TrackBadge } from '../../components/TrackBadge';
import { DeleteButton } from '../../components/DeleteButton';
import { Empty, ErrorState, Loading } from '../../components/States';
import { dateTime, localeOf, number, valueWithMeasure } from '../../i18n/format';
import type { ChartSeries } from './HistoryChart';
import { ForecastStory } from './ForecastStory';
import { lazyPart, preloadOn } from '../../components/lazyPart';
import { WhenVisible } from '../../components/WhenVisible';
import { useFirstViewDone } from '../../components/firstView';

const CheckInDialog = lazyPart(() => import('../unit/CheckInDialog').then((m) => m.CheckInDialog));
const EditCheckInDialog = lazyPart(() => import('./EditCheckInDialog').then((m) => m.EditCheckInDialog));
const ConfirmAction = lazyPart(() => import('../../components/ConfirmAction').then((m) => m.ConfirmAction));
const HistoryChart = lazy(() => import('./HistoryChart').then((m) => ({ default: m.HistoryChart })));
// The history of changes is fetched, code and data, when it is first opened (or a moment before).
const loadKeyResultHistory = () => import('./KeyResultHistory');
const KeyResultHistory = lazy(() => loadKeyResultHistory().then((m) => ({ default: m.KeyResultHistory })));
// Below the history: its code and thread come when the reader scrolls to it.
const CommentThread = lazy(() => import('../../components/CommentThread').then((m) => ({ default: m.CommentThread })));
const KeyResultKpi = lazy(() => import('../kpi/KeyResultKpi'));

export default function KeyResultPage() {
  const { keyResultId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const kr = useKeyResult(keyResultId);
  const objective = useObjective(kr.data?.objectiveId);
  const checkIns = useCheckIns(keyResultId);
  const periods = usePeriods();
  const unit = useUnit(objective.data?.unitId);
  // The owner's and the authors' names, by id once both are read: not a list of everyone.
  const named = usePeopleByIds([kr.data?.ownerId, ...(checkIns.data ?? []).map((c) => c.authorId)], !kr.isLoading && !checkIns.isLoading);
  const org = useOrganisation();
  const [checkingIn, setCheckingIn] = useState(false);
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState<CheckIn | null>(null);
  const [deleting, setDeleting] = useState<CheckIn | null>(null);
  const [showChanges, setShowChanges] = useState(false);
  const queryClient = useQueryClient();
  const toast = useToast();
  const period = periods.data?.find((p) => p.id === objective.data?.periodId);
  const personName = useMemo(() => new Map((named.data ?? []).map((p) => [p.id, p.name])), [named.data]);

  const series = useMemo<ChartSeries | null>(() => {
    if (!kr.data || !period || !checkIns.data) return null;
    const { start, end } = periodBounds(period, org.data?.timeZone ?? 'UTC');
    const s = (d: Date | string) => Math.floor(new Date(d).getTime() / 1000);
    const k = kr.data;
    const threshold = k.type === 'above' || k.type === 'below';
    const startValue = k.type === 'milestone' ? 0 : threshold ? k.target : k.start;
    const actual = checkIns.data.slice().reverse().map((c) => [s(c.createdAt), c.value] as [number, number]);
    const last = actual[actual.length - 1];
    return {
      actual,
      expected: [[s(start), startValue], [s(end), k.target]],
      forecast: k.forecast && last ? [last, [s(end), k.forecast.value]] : [],
      low: k.forecast && last && k.forecast.low !== k.forecast.high ? [last, [s(end), k.forecast.low]] : [],
      high: k.forecast && last && k.forecast.low !== k.forecast.high ? [last, [s(end), k.forecast.high]] : [],
      labels: {
        when: t('keyResultPage.when'), actual: t('keyResultPage.actual'), expected: t('keyResultPage.expectedLine'), forecast: t('keyResultPage.forecast'),
        low: t('forecastStory.low'), high: t('forecastStory.high'),
      },
      locale: localeOf(lang),
    };
  }, [kr.data, period, checkIns.data, org.data, lang, t]);

  // The head (breadcrumb, period, the buttons one may use) is drawn whole, not line by line as each
  // answer comes, so nothing below it moves.
  useFirstViewDone(!(kr.isLoading || objective.isLoading || unit.isLoading || periods.isLoading));
  if (kr.isLoading || objective.isLoading || unit.isLoading || periods.isLoading) return <Loading />;
  if (kr.error || !kr.data) return <ErrorState error={kr.error} onRetry={() => void kr.refetch()} />;
  const k = kr.data;

  return (
    <div className="stack">
      <div className="page-head">
        <div className="grow">
          <Breadcrumbs trail={objective.data && unit.data ? [...unitTrail(unit.data, objective.data.periodId, t('nav.organisation'), true),
            { to: `/units/${objective.data.unitId}${objective.data.periodId ? `?period=${objective.data.periodId}` : ''}#objective-${objective.data.id}`, label: objective.data.title }] : []} />
          <h1>{k.title}</h1>
          <p className="muted" style={{ margin: 0 }}>
            {t(`keyResult.types.${k.type}`)}{k.ownerId ? ` · ${t('keyResult.ownerIs', { owner: personName.get(k.ownerId) ?? '' })}` : ''}{period ? ` · ${period.name}` : ''}
          </p>
        </div>
        {(k.can.checkIn || k.can.delete) && (
          <div className="row">
            {k.can.checkIn && <button type="button" className="button" {...preloadOn(CheckInDialog)} onClick={() => setCheckingIn(true)}>{t('checkIn.open')}</button>}
            {k.can.delete && objective.data && <DeleteButton subject={{ kind: 'keyResult', id: k.id, title: k.title }} className="button danger-quiet"
              onDeleted={() => navigate(`/units/${objective.data!.unitId}?period=${objective.data!.periodId}`)} />}
          </div>
        )}
      </div>

      <section className="card summary" aria-labelledby="kr-summary">
        <div>
          <h2 id="kr-summary" className="visually-hidden">{t('unit.summary')}</h2>
          <ProgressBar progress={k.progress} expected={k.expectedProgress} status={k.trackStatus} reading={k.reading} label={t('keyResult.progressOf', { title: k.title })} />
          <p className="small" style={{ margin: '.4rem 0 0' }}>
            {t('keyResultPage.numbers', {
              current: k.current === null ? '–' : number(lang, k.current), target: valueWithMeasure(lang, k.target, k.measure),
              confidence: k.confidence ?? '–',
            })}
          </p>
          <ForecastStory keyResult={k} />
        </div>
        <TrackBadge status={k.trackStatus} reading={k.reading} />
      </section>

      {/* min-width 0: as a grid item the card would otherwise grow to the table's width and widen the
          whole page on a phone, instead of letting the table scroll inside it. */}
      <section className="card" aria-labelledby="history-heading" style={{ minWidth: 0 }}>
        <h2 id="history-heading">{t('keyResultPage.history')}</h2>
        {checkIns.data && checkIns.data.length === 0 && <Empty title={t('keyResultPage.noCheckIns')}>{t('keyResultPage.noCheckInsHint')}</Empty>}
        {series && series.actual.length > 0 && (
          // The chart's code comes after the page: its place is kept meanwhile, so nothing below it moves.
          <Suspense fallback={<p className="chart muted" role="status">{t('common.loading')}</p>}>
            <HistoryChart series={series} title={t('keyResultPage.chartTitle')} />
            <p className="small muted">{t('keyResultPage.chartAlternative')}</p>
          </Suspense>
        )}
        {checkIns.data && checkIns.data.length > 0 && (
          // Scrolls sideways on a phone, so it can be reached and scrolled with the keyboard too.
          <div style={{ overflowX: 'auto', position: 'relative' }} tabIndex={0} role="region" aria-label={t('keyResultPage.tableCaption', { title: k.title })}>
            <table className="data">
              <caption className="visually-hidden">{t('keyResultPage.tableCaption', { title: k.title })}</caption>
              <thead><tr>
                <th scope="col">{t('keyResultPage.when')}</th><th scope="col" className="num">{t('keyResultPage.value')}</th>
                <th scope="col" className="num">{t('keyResult.confidence')}</th><th scope="col">{t('checkIn.comment')}</th>
                <th scope="col">{t('checkIn.blockers')}</th><th scope="col">{t('keyResultPage.by')}</th>
              </tr></thead>
              <tbody>
                {checkIns.data.map((c) => (
                  <tr key={c.id}>
                    <td>
                      {dateTime(lang, c.createdAt)}
                      {c.editedAt && <span className="small muted"> · {t('checkInEdits.edited', { when: dateTime(lang, c.editedAt) })}</span>}
                      {/* In the first cell, so that on a phone they are in view without scrolling the table sideways. */}
                      {(c.can.edit || c.can.delete) && (
                        <div className="row" style={{ gap: '.3rem', marginTop: '.3rem', flexWrap: 'nowrap' }}>
                          {c.can.edit && <button type="button" className="button secondary small" aria-label={t('checkInEdits.editOf', { when: dateTime(lang, c.createdAt) })} {...preloadOn(EditCheckInDialog)} onClick={() => setEditing(c)}>{t('checkInEdits.edit')}</button>}
                          {c.can.delete && <button type="button" className="button secondary small" aria-label={t('checkInEdits.deleteOf', { when: dateTime(lang, c.createdAt) })} {...preloadOn(ConfirmAction)} onClick={() => setDeleting(c)}>{t('checkInEdits.delete')}</button>}
                        </div>
                      )}
                    </td>
                    <td className="num">{valueWithMeasure(lang, c.value, k.measure)}</td>
                    <td className="num">{c.confidence}/10</td>
                    <td>{c.comment ?? ''}</td>
                    <td>{c.blockers ?? ''}</td>
                    <td>{c.authorId ? personName.get(c.authorId) ?? '' : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="changes-heading">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 id="changes-heading">{t('keyResultPage.changes')}</h2>
          <button type="button" className="button secondary small" aria-expanded={showChanges} aria-controls="changes"
            onPointerEnter={() => void loadKeyResultHistory()} onFocus={() => void loadKeyResultHistory()} onClick={() => setShowChanges((v) => !v)}>
            {showChanges ? t('keyResultPage.hideChanges') : t('keyResultPage.showChanges')}
          </button>
        </div>
        <div id="changes" hidden={!showChanges}>
          {showChanges && <Suspense fallback={<Loading />}><KeyResultHistory keyResultId={k.id} /></Suspense>}
        </div>
      </section>
      <WhenVisible>
        <Suspense fallback={<p className="muted" role="status">{t('common.loading')}</p>}><KeyResultKpi keyResult={k} /><CommentThread on={{ keyResultId: k.id }} title={k.title} /></Suspense>
      </WhenVisible>
      {checkingIn && <CheckInDialog keyResult={k} onClose={() => setCheckingIn(false)} />}
      {editing && <EditCheckInDialog checkIn={editing} keyResult={k} onClose={() => setEditing(null)} />}
      {deleting && (
        <ConfirmAction title={t('checkInEdits.deleteTitle')} confirmLabel={t('checkInEdits.delete')}
          lead={t('checkInEdits.deleteLead', { when: dateTime(lang, deleting.createdAt), value: valueWithMeasure(lang, deleting.value, k.measure) })}
          onClose={() => setDeleting(null)}
          onConfirm={async () => {
            await api.del(`/check-ins/${deleting.id}`);
            await queryClient.invalidateQueries();
            toast(t('checkInEdits.deleted'));
          }} />
      )}
    </div>
  );
}
