// The planning workshop of a unit for a cycle (article 004): the whole team writes its OKRs
// together, guided by what they pay into (the mission and themes, the year's Moals, the objectives
// of the unit above), with the coach's hints on every draft, the four questions, and Publish. Each
// sees the others' drafts appear through the live stream (api/liveQueries.ts refreshes the plan);
// the dialogs keep what one is typing (ChangedElsewhere). Bottom-up too: a draft may be proposed to
// the unit above, which adopts it in its own workshop; a draft may be parked in the backlog and
// pulled back into a planning.
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'wouter';
import { usePlanningTexts } from '../../i18n/planningTexts';
import { useQueryClient } from '@tanstack/react-query';
import type { KeyResult, ObjectiveWithKeyResults, Proposal } from '@varde/core';
import { api } from '../../api/client';
import { usePeopleByIds, usePeriods, useUnit } from '../../api/hooks';
import { planKeys, usePlan } from '../../api/plan';
import { Breadcrumbs, unitTrail } from '../../components/Breadcrumbs';
import { HintList } from '../../components/CoachHints';
import { ErrorState, Loading } from '../../components/States';
import { lazyPart, preloadOn } from '../../components/lazyPart';
import { formMessage } from '../../components/fieldMessages';
import { useToast } from '../../components/Toast';
import type { Choice } from '../../components/SelectField';
import { alignmentsOf } from '../unit/alignments';
import { DraftObjective, type DraftActions } from './DraftObjective';
import { Checklist } from './Checklist';
import { Backlog, PlanContext, PreviousCycle, Proposals } from './PlanSides';

const ObjectiveDialog = lazyPart(() => import('../unit/ObjectiveDialog').then((m) => m.ObjectiveDialog));
const KeyResultDialog = lazyPart(() => import('../unit/KeyResultDialog').then((m) => m.KeyResultDialog));
const UnitCoordination = lazy(() => import('../unit/UnitCoordination'));

type Dialog =
  | { kind: 'newObjective' }
  | { kind: 'editObjective'; objective: ObjectiveWithKeyResults }
  | { kind: 'newKeyResult'; objectiveId: string }
  | { kind: 'editKeyResult'; keyResult: KeyResult };

/** After an action that takes its button away (park, pull, adopt), focus goes to the heading of
 *  the part where the objective went, once the page shows it. */
function useFocusHeading(): (id: string) => void {
  const [target, setTarget] = useState<string | null>(null);
  useEffect(() => {
    if (!target) return;
    document.getElementById(target)?.focus();
    setTarget(null);
  }, [target]);
  return setTarget;
}

export default function WorkshopPage() {
  const { unitId = '', periodId = '' } = useParams();
  const { t } = usePlanningTexts();
  const queryClient = useQueryClient();
  const toast = useToast();
  const unitAnswer = useUnit(unitId);
  const periods = usePeriods();
  const plan = usePlan(unitId, periodId);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const focusHeading = useFocusHeading();

  const p = plan.data;
  const named = usePeopleByIds((p?.objectives ?? []).flatMap((o) => [...o.ownerIds, ...o.keyResults.map((k) => k.ownerId)]), Boolean(p));
  const personName = useMemo(() => new Map((named.data ?? []).map((x) => [x.id, x.name])), [named.data]);
  const known = useMemo<Choice[]>(() => (named.data ?? []).map((x) => ({ id: x.id, label: x.name })), [named.data]);

  const unit = unitAnswer.data;
  const period = (periods.data ?? []).find((x) => x.id === periodId);
  if (unitAnswer.isLoading || periods.isLoading || plan.isLoading) return <Loading />;
  if (!unit) return <ErrorState error={unitAnswer.error ?? { status: 404 }} />;
  if (!p || !period) return <ErrorState error={plan.error ?? { status: 404 }} onRetry={() => void plan.refetch()} />;

  const preloadEditors = preloadOn(ObjectiveDialog, KeyResultDialog);
  const parent = unit.ancestors[unit.ancestors.length - 1];
  const sentFor = new Map(p.proposals.sent.map((s) => [s.objective.id, s]));
  const krChoices = p.objectives.flatMap((o) => o.keyResults.map((k) => ({ id: k.id, label: `${k.title} (${o.title})` })));

  /** An action on the plan; what it changed comes in with the reads it refreshes. */
  const act = async (work: () => Promise<unknown>, done: string, focusOn?: string) => {
    setActionError(null);
    try {
      await work();
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      void queryClient.invalidateQueries();
      toast(done);
      if (focusOn) focusHeading(focusOn);
    } catch (err) {
      setActionError(err);
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
    }
  };
  const actions: DraftActions = {
    edit: (o) => setDialog({ kind: 'editObjective', objective: o }),
    addKeyResult: (o) => setDialog({ kind: 'newKeyResult', objectiveId: o.id }),
    editKeyResult: (kr) => setDialog({ kind: 'editKeyResult', keyResult: kr }),
    propose: (o) => void act(() => api.post(`/objectives/${o.id}/proposal`, {}), t('workshop.proposed', { unit: parent?.name ?? '' })),
    withdraw: (o) => void act(() => api.del(`/objectives/${o.id}/proposal`), t('workshop.withdrawn')),
    park: (o) => void act(() => api.patch(`/objectives/${o.id}`, { version: o.version, status: 'backlog' }), t('workshop.parked', { title: o.title }), 'backlog-heading'),
  };
  const pull = (o: ObjectiveWithKeyResults) => void act(() => api.patch(`/objectives/${o.id}`, { version: o.version, status: 'draft', periodId }),
    t('workshop.pulled', { title: o.title, period: period.name }), 'drafts-heading');
  const adopt = (proposal: Proposal) => void act(() => api.post(`/proposals/${proposal.id}/adopt`, {}),
    t('workshop.adopted', { title: proposal.objective.title }), 'drafts-heading');

  return (
    <div className="stack workshop">
      <div className="page-head">
        <div className="grow">
          <Breadcrumbs trail={unitTrail(unit, periodId, t('nav.organisation'), true)} />
          <h1>{t('workshop.title', { unit: unit.name, period: period.name })}</h1>
          <p className="muted" style={{ margin: 0 }}>{t('workshop.periodLine', { period: period.name, state: t(`periodState.${period.state}`) })}</p>
          <p className="small muted" style={{ margin: '.3rem 0 0' }}>{t('workshop.lead')}</p>
          {!p.can.edit && <p className="small" style={{ margin: '.3rem 0 0' }}>{t('workshop.readOnly')}</p>}
        </div>
        <Link to={`/units/${unitId}?period=${periodId}`}>{t('workshop.backToUnit', { unit: unit.name })}</Link>
      </div>

      {actionError !== null && <div className="alert error" role="alert">{formMessage(t, actionError, [])}</div>}

      {p.hints.length > 0 && (
        <section className="card" aria-labelledby="unit-hints-heading">
          <h2 id="unit-hints-heading">{t('coach.unitTitle')}</h2>
          <HintList hints={p.hints} subject={{ kind: 'unit', id: unitId }} title={unit.name} canEdit={p.can.edit} />
        </section>
      )}

      <div className="workshop-grid">
        <div className="stack">
          <section className="stack" aria-labelledby="drafts-heading">
            <div className="row" style={{ justifyContent: 'space-between' }}>
              <h2 id="drafts-heading" tabIndex={-1}>{t('workshop.drafts', { period: period.name })}</h2>
              {p.can.edit && <button type="button" className="button" {...preloadOn(ObjectiveDialog)} onClick={() => setDialog({ kind: 'newObjective' })}>{t('objective.new')}</button>}
            </div>
            {p.objectives.length === 0 && <p className="card muted" style={{ margin: 0 }}>{t('workshop.noDrafts')}</p>}
            {p.objectives.map((o) => (
              <DraftObjective key={o.id} o={o} parentName={parent?.name} sent={sentFor.get(o.id)} personName={personName} actions={actions}
                preload={preloadEditors} />
            ))}
          </section>
          {(p.proposals.received.length > 0 || unit.kind !== 'team') && <Proposals received={p.proposals.received} canAdopt={p.can.edit} onAdopt={adopt} />}
        </div>
        <div className="stack">
          {p.previousCycle && <PreviousCycle previous={p.previousCycle} unitId={unitId} />}
          <PlanContext context={p.context} parentName={parent?.name} />
          <Backlog backlog={p.backlog} periodName={period.name} onPull={pull} />
        </div>
      </div>

      <Checklist plan={p} />

      <Suspense fallback={<Loading />}>
        <UnitCoordination unitId={unitId} unitName={unit.name} periodId={periodId} keyResults={krChoices} canRaise={p.can.edit} />
      </Suspense>

      {dialog?.kind === 'newObjective' && <ObjectiveDialog unitId={unitId} periodId={periodId} known={known} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'editObjective' && <ObjectiveDialog unitId={unitId} periodId={periodId} known={known} existing={dialog.objective}
        existingAlignments={alignmentsOf(dialog.objective)} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'newKeyResult' && <KeyResultDialog unitId={unitId} objectiveId={dialog.objectiveId} known={known} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'editKeyResult' && <KeyResultDialog unitId={unitId} objectiveId={dialog.keyResult.objectiveId} existing={dialog.keyResult} known={known} onClose={() => setDialog(null)} />}
    </div>
  );
}
