// The team page, the heart of Varde: the unit's objectives for the period, each with its key
// results (progress against expected, confidence, last check-in and its age, owner, history),
// what each objective pays into, and initiatives under the key results they move.
import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Initiative, KeyResult, Objective, UnitProgress } from '@varde/core';
import { api } from '../../api/client';
import { keys, useCheckInHistory, useInitiatives, useObjectives, usePeopleByIds, useUnit, useUnitProgress } from '../../api/hooks';
import { KeyResultLine } from '../../components/KeyResultLine';
import { BlockerNote } from '../../components/BlockerNote';
import { ProgressBar } from '../../components/ProgressBar';
import { TrackBadge } from '../../components/TrackBadge';
import { PeriodSwitcher } from '../../components/PeriodSwitcher';
import { CarriedFrom } from '../../components/CarriedFrom';
import { ReviewCallout } from '../review/ReviewCallout';
import { Breadcrumbs, unitTrail } from '../../components/Breadcrumbs';
import { usePeriodChoice } from '../../components/usePeriodChoice';
import { useCanEdit } from '../../components/useCanEdit';
import { date } from '../../i18n/format';
import { Empty, ErrorState, Loading } from '../../components/States';
import type { Choice } from '../../components/SelectField';
import type { CheckInTarget } from './CheckInDialog';
import { lazyPart, preloadOn } from '../../components/lazyPart';
import { alignmentsOf } from './alignments';
import { usePublish } from './usePublish';
import { useNearViewport } from '../../components/useNearViewport';
import { WhenVisible } from '../../components/WhenVisible';
import { HintCount } from '../../components/CoachHints';
import { hintsOf } from '../../api/plan';
import { useFirstViewDone } from '../../components/firstView';

const CheckInDialog = lazyPart(() => import('./CheckInDialog').then((m) => m.CheckInDialog));
const ObjectiveDialog = lazyPart(() => import('./ObjectiveDialog').then((m) => m.ObjectiveDialog));
const KeyResultDialog = lazyPart(() => import('./KeyResultDialog').then((m) => m.KeyResultDialog));
const InitiativeDialog = lazyPart(() => import('./InitiativeDialog').then((m) => m.InitiativeDialog));
const ObjectiveHistoryDialog = lazyPart(() => import('./ObjectiveHistoryDialog').then((m) => m.ObjectiveHistoryDialog));
const UnitActivity = lazy(() => import('./UnitActivity').then((m) => ({ default: m.UnitActivity })));
// Below the objectives: its code and data come when the reader scrolls to it.
const UnitCoordination = lazy(() => import('./UnitCoordination'));
const UnitMeetings = lazy(() => import('../meeting/UnitMeetings'));
const KpiBoard = lazy(() => import('../kpi/KpiBoard'));
const UnitRetrospective = lazy(() => import('../retrospective/UnitRetrospective'));
const UnitCycleTrend = lazy(() => import('../review/UnitCycleTrend'));

type Dialog =
  | { kind: 'checkIn'; target: CheckInTarget }
  | { kind: 'newObjective' }
  | { kind: 'editObjective'; objective: Objective }
  | { kind: 'newKeyResult'; objectiveId: string }
  | { kind: 'editKeyResult'; keyResult: KeyResult }
  | { kind: 'initiative'; existing?: Initiative; keyResultId?: string }
  | { kind: 'objectiveHistory'; objective: { id: string; title: string } };

export default function UnitPage() {
  const { unitId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { period, isLoading: periodsLoading } = usePeriodChoice();
  const unitAnswer = useUnit(unitId);
  const progress = useUnitProgress(unitId, period?.id);
  const objectives = useObjectives(unitId, period?.id);
  const initiatives = useInitiatives(unitId, period?.id);
  const history = useCheckInHistory(unitId, period?.id);
  // What has no object yet to say it (a new objective, the unit's initiatives) follows the unit;
  // each objective and key result says what may be done with it (`can`).
  const canEdit = useCanEdit(unitId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const publishing = usePublish();

  const unit = unitAnswer.data;
  // The names of the people the page shows, asked for by id once the objectives and initiatives
  // are read: not a list of everyone in the organisation. The dialogs read whom to offer when they open.
  const named = usePeopleByIds([
    ...(progress.data?.objectives ?? []).flatMap((o) => [...o.ownerIds, ...o.keyResults.map((k) => k.ownerId)]),
    ...(initiatives.data ?? []).map((i) => i.ownerId),
  ], !progress.isLoading && !initiatives.isLoading);
  const personName = useMemo(() => new Map((named.data ?? []).map((p) => [p.id, p.name])), [named.data]);
  const known = useMemo<Choice[]>(() => (named.data ?? []).map((p) => ({ id: p.id, label: p.name })), [named.data]);
  const series = useMemo(() => new Map((history.data?.items ?? []).map((i) => [i.keyResultId, i.points.map((p) => p.value)])), [history.data]);
  const objectiveById = useMemo(() => new Map((objectives.data ?? []).map((o) => [o.id, o])), [objectives.data]);

  useFirstViewDone(!periodsLoading && !unitAnswer.isLoading);
  if (periodsLoading || unitAnswer.isLoading) return <Loading />;
  if (!unit) return <ErrorState error={unitAnswer.error ?? { status: 404 }} />;
  if (!period) return <Empty title={t('unit.noPeriod')}>{t('unit.noPeriodHint')}</Empty>;

  // The objectives are drawn once their progress, initiatives, drafts and histories are all in:
  // drawn as each answer came, the page was laid out four times, and a phone was busy for that long.
  const ready = !progress.isLoading && !objectives.isLoading && !initiatives.isLoading && !history.isLoading;
  const data: UnitProgress | undefined = ready ? progress.data : undefined;
  const krChoices = (data?.objectives ?? []).flatMap((o) => o.keyResults.map((k) => ({ id: k.id, label: `${k.title} (${o.title})` })));
  const unlinked = (initiatives.data ?? []).filter((i) => i.keyResultIds.length === 0);
  const drafts = (data?.objectives ?? []).filter((o) => o.status === 'draft' && o.can.edit).flatMap((o) => objectiveById.get(o.id) ?? []);
  const openKeyResultEditor = async (id: string) => {
    const kr = await queryClient.fetchQuery({ queryKey: keys.keyResult(id), queryFn: () => api.get<KeyResult>(`/key-results/${id}`) });
    setDialog({ kind: 'editKeyResult', keyResult: kr });
  };

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

      {progress.error && <ErrorState error={progress.error} onRetry={() => void progress.refetch()} />}
      {data && (
        <section className="card summary" aria-labelledby="summary-heading">
          <div>
            <h2 id="summary-heading" className="visually-hidden">{t('unit.summary')}</h2>
            <ProgressBar progress={data.progress} expected={data.expectedProgress} status={data.trackStatus} reading={data.reading} label={t('unit.progressOf', { name: unit.name })} />
            <p className="small muted" style={{ margin: '.3rem 0 0' }}>{t('unit.counts', { count: data.objectiveCount, subtree: data.subtreeObjectiveCount })}</p>
          </div>
          <div className="row"><TrackBadge status={data.trackStatus} reading={data.reading} />
            {drafts.length > 1 && <button type="button" className="button secondary" onClick={() => publishing.publish(drafts)}>{t('publish.all', { count: drafts.length })}</button>}
            {canEdit && <button type="button" className="button" {...preloadOn(ObjectiveDialog)} onClick={() => setDialog({ kind: 'newObjective' })}>{t('objective.new')}</button>}
          </div>
        </section>
      )}

      {data && period.kind === 'cycle' && (
        <Suspense fallback={null}>
          <UnitMeetings unitId={unitId} periodId={period.id} canStart={canEdit && period.state === 'active'} />
        </Suspense>
      )}
      {data && period.kind === 'cycle' && (period.state === 'review' || period.state === 'closed') && (
        <Suspense fallback={null}>
          <UnitRetrospective unitId={unitId} periodId={period.id} periodName={period.name} />
        </Suspense>
      )}

      {publishing.error !== null && <ErrorState error={publishing.error} />}
      {!ready && <Loading />}
      {data && data.objectives.length === 0 && (
        <div className="card"><Empty title={t('unit.noObjectives', { period: period.name })}>
          <p>{canEdit ? t('unit.noObjectivesHintEditor') : t('unit.noObjectivesHint')}</p>
          {canEdit && <button type="button" className="button" {...preloadOn(ObjectiveDialog)} onClick={() => setDialog({ kind: 'newObjective' })}>{t('objective.new')}</button>}
        </Empty></div>
      )}

      {data?.objectives.map((o) => {
        const full = objectiveById.get(o.id);
        return (
          <article key={o.id} className="card objective" aria-labelledby={`objective-${o.id}`}>
            <div className="objective-head">
              <div className="grow">
                <span className="tag">{t(`objective.kinds.${o.kind}`)}{o.status !== 'active' ? ` · ${t(`objective.statuses.${o.status}`)}` : ''}</span>
                <h2 id={`objective-${o.id}`}><Link to={`/objectives/${o.id}`}>{o.title}</Link></h2>
                {full?.description && <p className="muted" style={{ margin: '.3rem 0 0' }}>{full.description}</p>}
                {full?.carriedFromId && <CarriedFrom id={full.carriedFromId} parked={full.status === 'backlog'} />}
                <div className="aligns" style={{ marginTop: '.4rem' }}>
                  <span className="muted">{t('objective.paysInto')}</span>
                  {/* The full objective is read apart from the page's summary: until it has come, say nothing rather than "nothing yet". */}
                  {!full ? <span className="chip muted">{t('common.loading')}</span>
                    : full.alignedTo.length === 0 ? <span className="chip">{t('objective.noAlignment')}</span>
                    : full.alignedTo.map((a) => <span key={a.id} className="chip">{a.isMoal ? `${t('align.kindMoal')}: ` : ''}{a.title} <span className="muted">· {a.unitName}</span></span>)}
                </div>
                {o.ownerIds.length > 0 && <p className="small muted" style={{ margin: '.3rem 0 0' }}>{t('objective.ownedBy', { names: o.ownerIds.map((id) => personName.get(id) ?? '').join(', ') })}</p>}
                {o.status === 'draft' && <HintCount hints={hintsOf(o)} subject={{ kind: 'objective', id: o.id }} title={o.title} canEdit={o.can.edit} />}
              </div>
              <div style={{ minWidth: '12rem' }}>
                <ProgressBar progress={o.progress} expected={o.expectedProgress} status={o.trackStatus} reading={o.reading} label={t('objective.progressOf', { title: o.title })} />
                <div className="row" style={{ marginTop: '.4rem' }}>
                  <TrackBadge status={o.trackStatus} reading={o.reading} />
                  {o.can.edit && full && o.status === 'draft' && <button type="button" className="button small" aria-label={t('publish.oneNamed', { title: o.title })}
                    onClick={() => publishing.publish([full])}>{t('publish.one')}</button>}
                  {o.can.edit && full && <button type="button" className="button quiet small" {...preloadOn(ObjectiveDialog)} onClick={() => setDialog({ kind: 'editObjective', objective: full })} aria-label={t('objective.editNamed', { title: o.title })}>{t('common.edit')}</button>}
                  <button type="button" className="button quiet small" {...preloadOn(ObjectiveHistoryDialog)} onClick={() => setDialog({ kind: 'objectiveHistory', objective: { id: o.id, title: o.title } })}
                    aria-label={t('objective.historyNamed', { title: o.title })}>{t('objective.history')}</button>
                </div>
              </div>
            </div>
            {o.keyResults.length === 0 ? <p className="muted">{t('objective.noKeyResults')}</p> : (
              <ul className="kr-list" aria-label={t('objective.keyResultsOf', { title: o.title })}>
                {o.keyResults.map((kr) => {
                  const moving = (initiatives.data ?? []).filter((i) => i.keyResultIds.includes(kr.id));
                  return (
                    <KeyResultLine key={kr.id} kr={kr} owner={kr.ownerId ? personName.get(kr.ownerId) : undefined} history={series.get(kr.id)}
                      action={(kr.can.checkIn || kr.can.edit) && (
                        <>
                          {kr.can.checkIn && <button type="button" className="button small" aria-label={t('checkIn.openFor', { title: kr.title })}
                            {...preloadOn(CheckInDialog)} onClick={() => setDialog({ kind: 'checkIn', target: kr })}>{t('checkIn.open')}</button>}
                          {kr.can.edit && <button type="button" className="button quiet small" aria-label={t('keyResult.editNamed', { title: kr.title })} onClick={() => void openKeyResultEditor(kr.id)}>{t('common.edit')}</button>}
                        </>
                      )}>
                      <BlockerNote blocker={kr.blocker} title={kr.title} />
                      {o.status === 'draft' && <HintCount hints={hintsOf(kr)} subject={{ kind: 'keyResult', id: kr.id }} title={kr.title} canEdit={kr.can.edit} />}
                      <div className="kr-initiatives">
                        {moving.map((i) => (
                          <button key={i.id} type="button" className="chip" disabled={!canEdit} {...preloadOn(InitiativeDialog)} onClick={() => setDialog({ kind: 'initiative', existing: i })}
                            aria-label={t('initiative.chipLabel', { title: i.title, status: t(`initiative.status.${i.status}`) })}>
                            <span aria-hidden="true">⚒</span> {i.title} · {t(`initiative.status.${i.status}`)}{i.ownerId ? ` · ${personName.get(i.ownerId) ?? ''}` : ''}
                          </button>
                        ))}
                        {canEdit && <button type="button" className="button quiet small" {...preloadOn(InitiativeDialog)} onClick={() => setDialog({ kind: 'initiative', keyResultId: kr.id })} aria-label={t('initiative.addFor', { title: kr.title })}>+ {t('initiative.add')}</button>}
                      </div>
                    </KeyResultLine>
                  );
                })}
              </ul>
            )}
            {o.can.edit && <div><button type="button" className="button secondary small" {...preloadOn(KeyResultDialog)} onClick={() => setDialog({ kind: 'newKeyResult', objectiveId: o.id })}>+ {t('keyResult.new')}</button></div>}
          </article>
        );
      })}

      {unlinked.length > 0 && (
        <section className="card" aria-labelledby="loose-initiatives">
          <h2 id="loose-initiatives">{t('initiative.unlinked')}</h2>
          <ul>{unlinked.map((i) => (
            <li key={i.id}>
              {canEdit ? (
                <button type="button" className="chip" {...preloadOn(InitiativeDialog)} onClick={() => setDialog({ kind: 'initiative', existing: i })}
                  aria-label={t('initiative.chipLabel', { title: i.title, status: t(`initiative.status.${i.status}`) })}>
                  <span aria-hidden="true">⚒</span> {i.title} · {t(`initiative.status.${i.status}`)}
                </button>
              ) : <>{i.title} · {t(`initiative.status.${i.status}`)}</>}
            </li>
          ))}</ul>
        </section>
      )}

      {data && (
        <WhenVisible>
          <Suspense fallback={<Loading />}>
            <KpiBoard scope={{ unit: unitId }} name={unit.name} createFor={canEdit ? unitId : undefined} />
          </Suspense>
        </WhenVisible>
      )}

      {data && (
        <WhenVisible>
          <Suspense fallback={<Loading />}>
            <UnitCycleTrend unitId={unitId} />
          </Suspense>
        </WhenVisible>
      )}

      {data && (
        <WhenVisible>
          <Suspense fallback={<Loading />}>
            <UnitCoordination unitId={unitId} unitName={unit.name} periodId={period.id} keyResults={krChoices} canRaise={canEdit} />
          </Suspense>
        </WhenVisible>
      )}

      {data && data.children.length > 0 && (
        <section className="card" aria-labelledby="children-heading">
          <div className="row" style={{ justifyContent: 'space-between' }}>
            <h2 id="children-heading">{t('unit.children')}</h2>
            <Link to={`/units/${unitId}/alignment?period=${period.id}`}>{t('alignment.open')}</Link>
          </div>
          <ul className="tree">
            {data.children.map((c) => (
              <li key={c.unit.id} className="tree-row">
                <Link to={`/units/${c.unit.id}?period=${period.id}`}>{c.unit.name}</Link>
                <ProgressBar progress={c.progress} expected={c.expectedProgress} status={c.trackStatus} reading={c.reading} label={t('unit.progressOf', { name: c.unit.name })} />
                <TrackBadge status={c.trackStatus} reading={c.reading} />
              </li>
            ))}
          </ul>
        </section>
      )}

      <ActivitySection unitId={unitId} />

      {dialog?.kind === 'objectiveHistory' && <ObjectiveHistoryDialog objective={dialog.objective} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'checkIn' && <CheckInDialog keyResult={dialog.target} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'newObjective' && <ObjectiveDialog unitId={unitId} periodId={period.id} known={known} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'editObjective' && <ObjectiveDialog unitId={unitId} periodId={period.id} known={known} existing={dialog.objective}
        existingAlignments={alignmentsOf(dialog.objective)} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'newKeyResult' && <KeyResultDialog unitId={unitId} objectiveId={dialog.objectiveId} known={known} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'editKeyResult' && <KeyResultDialog unitId={unitId} objectiveId={dialog.keyResult.objectiveId} existing={dialog.keyResult} known={known} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'initiative' && <InitiativeDialog unitId={unitId} periodId={period.id} existing={dialog.existing} preselected={dialog.keyResultId}
        keyResults={krChoices} known={known} onClose={() => setDialog(null)} />}
    </div>
  );
}

/** The unit's activity, at the foot of the page: its heading at once, the list when the reader
 *  scrolls near it. */
function ActivitySection({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const [ref, near] = useNearViewport<HTMLElement>();
  return (
    <section ref={ref} className="card stack" aria-labelledby="activity-heading" style={{ gap: '.5rem' }}>
      <h2 id="activity-heading">{t('unit.activity')}</h2>
      {near && <Suspense fallback={<Loading />}><UnitActivity unitId={unitId} /></Suspense>}
    </section>
  );
}
