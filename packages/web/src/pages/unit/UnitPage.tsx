// The team page, the heart of Varde: the unit's objectives for the period, each with its key
// results (progress against expected, confidence, last check-in and its age, owner, history),
// what each objective pays into, and initiatives under the key results they move.
//
// Drawn for a phone: the page's frame (the unit, the period) owns no other read, and what sits
// under it (UnitContent) owns the reads it shows, so an answer draws its own part of the page, not
// the whole of it. The objectives and what stands above them are drawn once, when every read they
// show is in (drawn as each answer came, the page was laid out again and again and pushed what
// stood below it down the screen), and in a render React may pause (useDeferredValue), so a long
// list never holds the phone for long. What lies below comes after them, near the screen.
import { lazy, memo, Suspense, useCallback, useDeferredValue, useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { CheckInHistory, Initiative, KeyResult, Objective, Period, UnitProgress } from '@varde/core';
import { api } from '../../api/client';
import { keys, useCheckInHistory, useInitiatives, useObjectives, usePeopleByIds, useUnit, useUnitProgress } from '../../api/hooks';
import { useUnitFollowUp, useUnitMeetings } from '../../api/meetings';
import { unitPageNames } from '@varde/core/rules';
import { ProgressBar } from '../../components/ProgressBar';
import { TrackBadge } from '../../components/TrackBadge';
import { PeriodSwitcher } from '../../components/PeriodSwitcher';
import { ReviewCallout } from '../review/ReviewCallout';
import { Breadcrumbs, unitTrail } from '../../components/Breadcrumbs';
import { usePeriodChoice } from '../../components/usePeriodChoice';
import { useCanEdit } from '../../components/useCanEdit';
import { date } from '../../i18n/format';
import { Empty, ErrorState, Loading } from '../../components/States';
import type { Choice } from '../../components/SelectField';
import { preloadOn } from '../../components/lazyPart';
import { usePublish } from './usePublish';
import { useNearViewport } from '../../components/useNearViewport';
import { WhenVisible } from '../../components/WhenVisible';
import { useFrameByFrame } from '../../components/useFrameByFrame';
import UnitMeetings from '../meeting/UnitMeetings';
import { ObjectiveCard } from './ObjectiveCard';
import { InitiativeDialog, ObjectiveDialog, OpenDialog, type UnitDialog } from './unitDialogs';
import { useFirstViewDone } from '../../components/firstView';

const UnitActivity = lazy(() => import('./UnitActivity').then((m) => ({ default: m.UnitActivity })));
// Below the objectives: its code and data come when the reader scrolls to it.
const UnitCoordination = lazy(() => import('./UnitCoordination'));
const KpiBoard = lazy(() => import('../kpi/KpiBoard'));
const UnitRetrospective = lazy(() => import('../retrospective/UnitRetrospective'));
const UnitCycleTrend = lazy(() => import('../review/UnitCycleTrend'));

export default function UnitPage() {
  const { unitId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { period, isLoading: periodsLoading } = usePeriodChoice();
  const unitAnswer = useUnit(unitId);
  // What has no object yet to say it (a new objective, the unit's initiatives) follows the unit;
  // each objective and key result says what may be done with it (`can`).
  const canEdit = useCanEdit(unitId);
  const unit = unitAnswer.data;
  // The head is drawn as soon as the unit has come; what is under it, and its reads, start in the
  // next render, which React may pause: the two are not one long stretch.
  const headDrawn = useDeferredValue(Boolean(unit && period));

  useFirstViewDone(!periodsLoading && !unitAnswer.isLoading);
  if (periodsLoading || unitAnswer.isLoading) return <Loading />;
  if (!unit) return <ErrorState error={unitAnswer.error ?? { status: 404 }} />;
  if (!period) return <Empty title={t('unit.noPeriod')}>{t('unit.noPeriodHint')}</Empty>;

  return (
    <div className="stack">
      <div className="page-head">
        <div className="grow">
          <Breadcrumbs trail={unitTrail(unit, period.id, t('nav.organisation'), false)} />
          <h1>{unit.name}</h1>
          <p className="muted lead">{t(`unitKind.${unit.kind}`)}{unit.description ? ` · ${unit.description}` : ''}</p>
        </div>
        <PeriodSwitcher />
      </div>
      {unit.archivedAt && (
        <p className="card" role="note" style={{ margin: 0, borderLeft: '4px solid var(--risk)', background: 'var(--risk-soft)' }}>
          <strong>{t('unitArchive.archivedOn', { date: date(i18n.language, unit.archivedAt) })}</strong> {t('unitArchive.readOnlyHint')}
        </p>
      )}

      {period.state === 'planning' && (
        <div className="card row workshop-callout" role="note" style={{ justifyContent: 'space-between' }}>
          <p style={{ margin: 0, flex: '1 1 16rem' }}>{t('workshop.inPlanning', { period: period.name })}</p>
          <Link className="button" to={`/units/${unitId}/plans/${period.id}`}>{t('workshop.open')}</Link>
        </div>
      )}
      <ReviewCallout period={period} unitId={unitId} />

      {/* Another unit or period is another page: nothing of the last one is kept while the next is read. */}
      {headDrawn ? <UnitContent key={`${unitId} ${period.id}`} unitId={unitId} unitName={unit.name} period={period} canEdit={canEdit} /> : <Loading />}
    </div>
  );
}

/** What the page's reads answered, once every one of them is in. */
interface Shown {
  progress: UnitProgress;
  objectives: readonly Objective[] | undefined;
  initiatives: readonly Initiative[];
  history: CheckInHistory | undefined;
  people: ReadonlyArray<{ id: string; name: string }>;
}
const NO_INITIATIVES: readonly Initiative[] = [];

/** Everything under the page's head: the reads, the objectives and what stands around them, the dialogs. */
const UnitContent = memo(function UnitContent({ unitId, unitName, period, canEdit }: { unitId: string; unitName: string; period: Period; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const progress = useUnitProgress(unitId, period.id);
  const objectives = useObjectives(unitId, period.id);
  const initiatives = useInitiatives(unitId, period.id);
  const history = useCheckInHistory(unitId, period.id);
  // The meetings' card stands above the objectives: read with them, so it does not push them down when it comes.
  const cycleId = period.kind === 'cycle' ? period.id : undefined;
  const meetings = useUnitMeetings(unitId, cycleId);
  const followUp = useUnitFollowUp(unitId, cycleId);
  // The names of the people the page shows, asked for by id once the objectives and initiatives
  // are read: not a list of everyone in the organisation. The dialogs read whom to offer when they open.
  const named = usePeopleByIds(unitPageNames(progress.data?.objectives ?? [], initiatives.data ?? []), !progress.isLoading && !initiatives.isLoading);
  const ready = ![progress, objectives, initiatives, history, meetings, followUp, named].some((q) => q.isLoading);
  const view = useMemo<Shown | undefined>(() => (ready && progress.data ? {
    progress: progress.data, objectives: objectives.data, initiatives: initiatives.data ?? NO_INITIATIVES, history: history.data, people: named.data ?? [],
  } : undefined), [ready, progress.data, objectives.data, initiatives.data, history.data, named.data]);
  // Drawn in a render that yields to the browser every few milliseconds: a tap is answered meanwhile.
  // Also when the reads are in already (a page visited before): null until that render.
  const shown = useDeferredValue<Shown | null | undefined>(view, null);

  const [dialog, setDialog] = useState<UnitDialog | null>(null);
  const closeDialog = useCallback(() => setDialog(null), []);
  const publishing = usePublish();
  const openKeyResultEditor = useCallback(async (id: string) => {
    const kr = await queryClient.fetchQuery({ queryKey: keys.keyResult(id), queryFn: () => api.get<KeyResult>(`/key-results/${id}`) });
    setDialog({ kind: 'editKeyResult', keyResult: kr });
  }, [queryClient]);
  const editKeyResult = useCallback((id: string) => void openKeyResultEditor(id), [openKeyResultEditor]);

  const data = shown?.progress;
  const personName = useMemo(() => new Map((shown?.people ?? []).map((p) => [p.id, p.name])), [shown?.people]);
  const known = useMemo<Choice[]>(() => (shown?.people ?? []).map((p) => ({ id: p.id, label: p.name })), [shown?.people]);
  const series = useMemo(() => new Map((shown?.history?.items ?? []).map((i) => [i.keyResultId, i.points.map((p) => p.value)])), [shown?.history]);
  const objectiveById = useMemo(() => new Map((shown?.objectives ?? []).map((o) => [o.id, o])), [shown?.objectives]);
  const krChoices = useMemo(() => (data?.objectives ?? []).flatMap((o) => o.keyResults.map((k) => ({ id: k.id, label: `${k.title} (${o.title})` }))), [data]);
  const drafts = useMemo(() => (data?.objectives ?? []).filter((o) => o.status === 'draft' && o.can.edit).flatMap((o) => objectiveById.get(o.id) ?? []), [data, objectiveById]);
  const unitInitiatives = shown?.initiatives ?? NO_INITIATIVES;
  // An objective a frame: what is below the first is below a phone's screen, and laid out at once
  // the cards held the phone for long. What follows the objectives comes after the last of them.
  const drawn = useFrameByFrame(data?.objectives.length ?? 0);
  const allDrawn = data !== undefined && drawn === data.objectives.length;

  return (
    <>
      {progress.error && <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />}
      {!data && !progress.error && <Loading />}
      {data && (
        <>
          <Summary data={data} unitName={unitName} drafts={drafts} canEdit={canEdit} onPublish={publishing.publish} onOpen={setDialog} />
          {period.kind === 'cycle' && <UnitMeetings unitId={unitId} periodId={period.id} canStart={canEdit && period.state === 'active'} />}
          {period.kind === 'cycle' && (period.state === 'review' || period.state === 'closed') && (
            <Suspense fallback={null}>
              <UnitRetrospective unitId={unitId} periodId={period.id} periodName={period.name} />
            </Suspense>
          )}
          {publishing.error !== null && <ErrorState error={publishing.error} />}
          {data.objectives.length === 0 && (
            <div className="card"><Empty title={t('unit.noObjectives', { period: period.name })}>
              <p>{canEdit ? t('unit.noObjectivesHintEditor') : t('unit.noObjectivesHint')}</p>
              {canEdit && <button type="button" className="button" {...preloadOn(ObjectiveDialog)} onClick={() => setDialog({ kind: 'newObjective' })}>{t('objective.new')}</button>}
            </Empty></div>
          )}
          {data.objectives.slice(0, drawn).map((o) => (
            <ObjectiveCard key={o.id} o={o} full={objectiveById.get(o.id)} initiatives={unitInitiatives} personName={personName} series={series}
              canEdit={canEdit} onOpen={setDialog} onEditKeyResult={editKeyResult} onPublish={publishing.publish} />
          ))}
          {allDrawn && (
            <>
              <LooseInitiatives initiatives={unitInitiatives} canEdit={canEdit} onOpen={setDialog} />
              <Below unitId={unitId} unitName={unitName} periodId={period.id} keyResults={krChoices} canEdit={canEdit} />
              {data.children.length > 0 && <ChildUnits data={data} unitId={unitId} periodId={period.id} />}
              <ActivitySection unitId={unitId} />
            </>
          )}
        </>
      )}
      {dialog && <OpenDialog dialog={dialog} unitId={unitId} periodId={period.id} known={known} keyResults={krChoices} onClose={closeDialog} />}
    </>
  );
});

const Summary = memo(function Summary({ data, unitName, drafts, canEdit, onPublish, onOpen }: {
  data: UnitProgress; unitName: string; drafts: readonly Objective[]; canEdit: boolean; onPublish(drafts: readonly Objective[]): void; onOpen(dialog: UnitDialog): void;
}) {
  const { t } = useTranslation();
  return (
    <section className="card summary" aria-labelledby="summary-heading">
      <div>
        <h2 id="summary-heading" className="visually-hidden">{t('unit.summary')}</h2>
        <ProgressBar progress={data.progress} expected={data.expectedProgress} status={data.trackStatus} reading={data.reading} label={t('unit.progressOf', { name: unitName })} />
        <p className="small muted" style={{ margin: '.3rem 0 0' }}>{t('unit.counts', { count: data.objectiveCount, subtree: data.subtreeObjectiveCount })}</p>
      </div>
      <div className="row"><TrackBadge status={data.trackStatus} reading={data.reading} />
        {drafts.length > 1 && <button type="button" className="button secondary" onClick={() => onPublish(drafts)}>{t('publish.all', { count: drafts.length })}</button>}
        {canEdit && <button type="button" className="button" {...preloadOn(ObjectiveDialog)} onClick={() => onOpen({ kind: 'newObjective' })}>{t('objective.new')}</button>}
      </div>
    </section>
  );
});

/** The initiatives that move no key result. */
const LooseInitiatives = memo(function LooseInitiatives({ initiatives, canEdit, onOpen }: { initiatives: readonly Initiative[]; canEdit: boolean; onOpen(dialog: UnitDialog): void }) {
  const { t } = useTranslation();
  const unlinked = initiatives.filter((i) => i.keyResultIds.length === 0);
  if (unlinked.length === 0) return null;
  return (
    <section className="card" aria-labelledby="loose-initiatives">
      <h2 id="loose-initiatives">{t('initiative.unlinked')}</h2>
      <ul>{unlinked.map((i) => (
        <li key={i.id}>
          {canEdit ? (
            <button type="button" className="chip" {...preloadOn(InitiativeDialog)} onClick={() => onOpen({ kind: 'initiative', existing: i })}
              aria-label={t('initiative.chipLabel', { title: i.title, status: t(`initiative.status.${i.status}`) })}>
              <span aria-hidden="true">⚒</span> {i.title} · {t(`initiative.status.${i.status}`)}
            </button>
          ) : <>{i.title} · {t(`initiative.status.${i.status}`)}</>}
        </li>
      ))}</ul>
    </section>
  );
});

/** The unit's KPIs, its cycles' trend and its dependencies: each drawn when the reader scrolls near it. */
const Below = memo(function Below({ unitId, unitName, periodId, keyResults, canEdit }: { unitId: string; unitName: string; periodId: string; keyResults: Choice[]; canEdit: boolean }) {
  return (
    <>
      <WhenVisible>
        <Suspense fallback={<Loading />}>
          <KpiBoard scope={{ unit: unitId }} name={unitName} createFor={canEdit ? unitId : undefined} />
        </Suspense>
      </WhenVisible>
      <WhenVisible>
        <Suspense fallback={<Loading />}>
          <UnitCycleTrend unitId={unitId} />
        </Suspense>
      </WhenVisible>
      <WhenVisible>
        <Suspense fallback={<Loading />}>
          <UnitCoordination unitId={unitId} unitName={unitName} periodId={periodId} keyResults={keyResults} canRaise={canEdit} />
        </Suspense>
      </WhenVisible>
    </>
  );
});

/** The units right below, each with its rolled-up progress. */
const ChildUnits = memo(function ChildUnits({ data, unitId, periodId }: { data: UnitProgress; unitId: string; periodId: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="children-heading">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="children-heading">{t('unit.children')}</h2>
        <Link to={`/units/${unitId}/alignment?period=${periodId}`}>{t('alignment.open')}</Link>
      </div>
      <ul className="tree">
        {data.children.map((c) => (
          <li key={c.unit.id} className="tree-row">
            <Link to={`/units/${c.unit.id}?period=${periodId}`}>{c.unit.name}</Link>
            <ProgressBar progress={c.progress} expected={c.expectedProgress} status={c.trackStatus} reading={c.reading} label={t('unit.progressOf', { name: c.unit.name })} />
            <TrackBadge status={c.trackStatus} reading={c.reading} />
          </li>
        ))}
      </ul>
    </section>
  );
});

/** The unit's activity, at the foot of the page: its heading at once, the list when the reader
 *  scrolls near it. */
const ActivitySection = memo(function ActivitySection({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [ref, near] = useNearViewport<HTMLElement>();
  return (
    <section ref={ref} className="card stack" aria-labelledby="activity-heading" style={{ gap: '.5rem' }}>
      <h2 id="activity-heading">{t('unit.activity')}</h2>
      {near && <Suspense fallback={<Loading />}><UnitActivity unitId={unitId} /></Suspense>}
    </section>
  );
});
