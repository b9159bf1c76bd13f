// A unit's plan for a cycle, the planning workshop in one answer (issue 13): the four questions of
// the checklist, the unit's objectives with the coach's hints, what they pay into, the open
// dependencies, the proposals from the units below and to the unit above; answering the
// questions, and publishing the drafts.
import {
  CHECKLIST_QUESTIONS, coachHints, fieldChanges, mayChangeOkrs,
  type ChecklistItem, type CoachPlan, type FieldChange, type Period, type Plan, type PlanPatch, type Proposal,
} from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import { objectiveSubject } from '../events/subjects.js';
import { activateDrafts, backlogIds, getPlan, proposalsOfUnit, UNWRITTEN_PLAN_VERSION, writePlan, type PlanRecord, type ProposalRecord, type StoredChecklist } from '../store/plans.js';
import { getObjectives, listObjectives, type ObjectiveRecord } from '../store/objectives.js';
import { listInitiatives } from '../store/initiatives.js';
import { getOrganisation } from '../store/organisations.js';
import { getPeriod, listPeriods } from '../store/periods.js';
import { getUnit, rootUnit, type UnitRecord } from '../store/units.js';
import { namesOf } from '../store/names.js';
import { newId } from '../store/ids.js';
import type { Db } from '../store/executor.js';
import { getReviewRow, NO_ANSWERS } from '../store/reviews.js';
import { getRetrospectiveRow, retrospectiveActions } from '../store/retrospectives.js';
import { authorise, policies } from '../auth/policies.js';
import { AppError, conflictOn, notFound, staleVersion } from './errors.js';
import { coachObjective, withDismissals } from './hints.js';
import { presentObjectives } from './objectives.js';
import { readDependencies } from './dependencies.js';
import type { Actor, Deps } from './context.js';

/** Every objective of a unit in one period: a unit has a handful, never a page's worth. */
const ALL = 1000;

/** A period that is not there is a 404 naming periodId; a year is no cycle to plan (422). */
async function cycleOf(db: Db, orgId: string, periodId: string): Promise<Period> {
  const period = await getPeriod(db, orgId, periodId);
  if (!period) throw new AppError(404, 'Not Found', 'The period does not exist', [{ field: 'periodId', message: 'is not a period in this organisation', code: 'unknown_period' }]);
  if (period.kind !== 'cycle') {
    throw new AppError(422, 'Unprocessable Content', 'periodId is a year: a plan is made for a cycle', [{ field: 'periodId', message: 'is a year, not a cycle: a plan is made for a cycle', code: 'not_a_cycle' }]);
  }
  return period;
}

async function unitOf(db: Db, orgId: string, unitId: string): Promise<UnitRecord> {
  const unit = await getUnit(db, orgId, unitId);
  if (!unit) throw notFound('The unit');
  return unit;
}

export const checklistOf = (stored: StoredChecklist): ChecklistItem[] =>
  CHECKLIST_QUESTIONS.map((question) => ({ question, answer: stored[question]?.answer ?? null, note: stored[question]?.note ?? '' }));
export const unansweredOf = (stored: StoredChecklist) => CHECKLIST_QUESTIONS.filter((q) => (stored[q]?.answer ?? null) === null);

/** The objectives a plan lists: all but the cancelled, drafts first, then in the order they were made. */
const inPlan = (records: readonly ObjectiveRecord[]) => [
  ...records.filter((o) => o.status === 'draft'), ...records.filter((o) => o.status !== 'draft' && o.status !== 'cancelled'),
];

const planSubject = (plan: { id: string }, unit: { id: string; name: string }, period: { name: string }) =>
  ({ kind: 'plan' as const, id: plan.id, name: `${unit.name} · ${period.name}`, unitId: unit.id });

/** The proposals with the proposing unit's draft as it stands now; one whose draft is gone (in the trash) is left out. */
async function presentProposals(deps: Deps, db: Db, actor: Actor, records: readonly ProposalRecord[]): Promise<Proposal[]> {
  if (records.length === 0) return [];
  const objectives = await getObjectives(db, actor.orgId, records.map((p) => p.objectiveId));
  const presented = new Map((await presentObjectives(deps, db, actor, objectives)).map((o) => [o.id, o]));
  return records.flatMap((p) => {
    const objective = presented.get(p.objectiveId);
    return objective ? [{ ...p, objective }] : [];
  });
}
export { presentProposals };

export async function readPlan(deps: Deps, actor: Actor, unitId: string, periodId: string, db: Db = deps.store.db): Promise<Plan> {
  // One after the other, so a request naming neither is always refused for its unit first.
  const unit = await unitOf(db, actor.orgId, unitId);
  const period = await cycleOf(db, actor.orgId, periodId);
  const [stored, own, initiatives, organisation, root, years, proposals, dependencies, parked] = await Promise.all([
    getPlan(db, actor.orgId, unitId, periodId),
    listObjectives(db, actor.orgId, { unitIds: [unitId], periodId }, ALL, undefined),
    listInitiatives(db, actor.orgId, { unitId, periodId }, ALL, undefined),
    getOrganisation(db, actor.orgId),
    rootUnit(db, actor.orgId),
    listPeriods(db, actor.orgId, { kind: 'year' }),
    proposalsOfUnit(db, actor.orgId, unitId),
    readDependencies(deps, actor, { unit: unitId, state: 'open' }, 100, undefined, db),
    backlogIds(db, actor.orgId, unitId),
  ]);
  // The year the cycle starts in holds the Moals it pays into.
  const year = years.find((y) => y.startDate <= period.startDate && period.startDate <= y.endDate);
  const [moalRecords, parentRecords, names, backlogRecords] = await Promise.all([
    year && root ? listObjectives(db, actor.orgId, { unitIds: [root.id], periodId: year.id }, ALL, undefined) : [],
    unit.parentId ? listObjectives(db, actor.orgId, { unitIds: [unit.parentId], periodId }, ALL, undefined) : [],
    namesOf(db, actor.orgId, unit.members.map((m) => m.personId)),
    getObjectives(db, actor.orgId, parked),
  ]);
  const listed = inPlan(own);
  const [objectives, moals, parentObjectives, received, sent, backlog] = await Promise.all([
    presentObjectives(deps, db, actor, listed),
    presentObjectives(deps, db, actor, moalRecords.filter((o) => o.status !== 'cancelled' && o.status !== 'draft')),
    presentObjectives(deps, db, actor, inPlan(parentRecords)),
    presentProposals(deps, db, actor, proposals.received),
    presentProposals(deps, db, actor, proposals.sent),
    presentObjectives(deps, db, actor, backlogRecords.sort((a, b) => (a.id < b.id ? -1 : 1))),
  ]);

  // The plan as the coach reads it, for what it says of the unit as a whole; what it says of each
  // objective and key result the objectives already carry (app/hints.ts), from the same rules.
  const coachPlan: CoachPlan = {
    unit: { id: unit.id, kind: unit.kind, isRoot: unit.parentId === null, members: unit.members.map((m) => ({ personId: m.personId, name: names[m.personId] ?? '' })) },
    objectives: listed.map((o) => coachObjective({ ...o, alignmentCount: o.alignments.length }, objectives.find((p) => p.id === o.id)?.keyResults ?? [])),
    initiatives: initiatives.filter((i) => i.status !== 'cancelled').map((i) => ({ ownerId: i.ownerId })),
  };
  const unitHints = coachHints(coachPlan).filter((h) => h.subject.kind === 'unit');
  const hintsOf = await withDismissals(db, actor.orgId, unitHints);

  const may = mayChangeOkrs(actor, { archivedAt: unit.archivedAt, actorIsMember: unit.members.some((m) => m.personId === actor.personId) }) && period.state !== 'closed';
  return {
    unitId, periodId,
    checklist: checklistOf(stored?.checklist ?? {}),
    objectives,
    hints: hintsOf('unit', unit.id),
    backlog,
    context: {
      mission: organisation?.strategy.mission ?? '',
      themes: organisation?.strategy.themes.map((t) => t.title) ?? [],
      moals, parentObjectives,
    },
    dependencies: dependencies.items,
    proposals: { received, sent },
    previousCycle: await previousCycleOf(db, actor.orgId, unitId, period),
    publishedAt: stored?.publishedAt ?? null,
    publishedBy: stored?.publishedBy ?? null,
    can: { edit: may, publish: may },
    version: stored?.version ?? UNWRITTEN_PLAN_VERSION,
  };
}

/** What the cycle before this one hands on to its plan (article 004: the review's lessons go into
 *  the next plan, the retrospective's actions are done in the next cycle). */
async function previousCycleOf(db: Db, orgId: string, unitId: string, period: Period): Promise<Plan['previousCycle']> {
  const before = (await listPeriods(db, orgId, { kind: 'cycle' })).filter((p) => p.endDate < period.startDate)
    .sort((a, b) => b.endDate.localeCompare(a.endDate))[0];
  if (!before) return null;
  const [review, retrospective] = await Promise.all([getReviewRow(db, orgId, unitId, before.id), getRetrospectiveRow(db, orgId, unitId, before.id)]);
  const actions = retrospective ? (await retrospectiveActions(db, retrospective.id)).filter((a) => !a.done) : [];
  return {
    period: { id: before.id, name: before.name },
    reviewClosed: review?.closedAt != null,
    answers: review?.answers ?? { ...NO_ANSWERS },
    actions,
  };
}

/** Writing a plan: its unit's members and admins, not while the unit is archived (409) or the cycle closed (409). */
async function mayWritePlan(db: Db, actor: Actor, unitId: string, period: Period): Promise<void> {
  await authorise(policies.changeOkrsOf(db, actor, unitId), "change this unit's plan");
  if (period.state === 'closed') throw conflictOn('periodId', 'is closed: its plans are final', 'period_closed');
}

const planView = (p: PlanRecord | undefined, objectiveIds: string[] = []) => ({
  checklist: checklistOf(p?.checklist ?? {}), publishedAt: p?.publishedAt ?? null, objectiveIds,
});

export async function changePlan(deps: Deps, actor: Actor, unitId: string, periodId: string, patch: PlanPatch): Promise<Plan> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const unit = await unitOf(trx, actor.orgId, unitId);
    const period = await cycleOf(trx, actor.orgId, periodId);
    await mayWritePlan(trx, actor, unitId, period);
    const before = await getPlan(trx, actor.orgId, unitId, periodId);
    if ((before?.version ?? UNWRITTEN_PLAN_VERSION) !== patch.version) throw staleVersion('The plan');
    // Merged by question: someone answering one question leaves the others' answers alone.
    const checklist: StoredChecklist = { ...(before?.checklist ?? {}) };
    for (const item of patch.checklist) checklist[item.question] = { answer: item.answer, note: item.note.trim() };
    const id = before?.id ?? newId();
    const outcome = await writePlan(trx, { id, orgId: actor.orgId, unitId, periodId, version: patch.version, checklist, create: before === undefined, now });
    if (outcome === 'stale') throw staleVersion('The plan');
    const after = await getPlan(trx, actor.orgId, unitId, periodId);
    record('plan.changed', planSubject({ id }, unit, period), fieldChanges(planView(before), planView(after), ['checklist']));
    return readPlan(deps, actor, unitId, periodId, trx);
  });
}

/** Publishing: the unit's drafts in the cycle become its active OKRs, all in one transaction, once
 *  the four questions are answered (article 004: the workshop ends with them). */
export async function publishPlan(deps: Deps, actor: Actor, unitId: string, periodId: string, version: number): Promise<Plan> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const unit = await unitOf(trx, actor.orgId, unitId);
    const period = await cycleOf(trx, actor.orgId, periodId);
    await mayWritePlan(trx, actor, unitId, period);
    const before = await getPlan(trx, actor.orgId, unitId, periodId);
    if ((before?.version ?? UNWRITTEN_PLAN_VERSION) !== version) throw staleVersion('The plan');
    const unanswered = unansweredOf(before?.checklist ?? {});
    if (unanswered.length) {
      throw new AppError(422, 'Unprocessable Content', `checklist has questions not answered yet: ${unanswered.join(', ')}`, [{
        field: 'checklist', message: `has questions not answered yet: ${unanswered.join(', ')}`, code: 'unanswered',
        params: { questions: unanswered.join(','), count: unanswered.length },
      }]);
    }
    const drafts = new Map((await listObjectives(trx, actor.orgId, { unitIds: [unitId], periodId }, ALL, undefined)).filter((o) => o.status === 'draft').map((o) => [o.id, o]));
    const activated = await activateDrafts(trx, actor.orgId, unitId, periodId, now);
    for (const id of activated) {
      const o = drafts.get(id);
      if (o) record('objective.changed', objectiveSubject(o), [{ field: 'status', before: 'draft', after: 'active' }]);
    }
    const outcome = await writePlan(trx, {
      id: before!.id, orgId: actor.orgId, unitId, periodId, version, checklist: before!.checklist, create: false, published: { at: now, by: actor.personId }, now,
    });
    if (outcome === 'stale') throw staleVersion('The plan');
    const after = await getPlan(trx, actor.orgId, unitId, periodId);
    const changes: FieldChange[] = fieldChanges(planView(before), planView(after, activated), ['publishedAt', 'objectiveIds']);
    record('plan.published', planSubject(before!, unit, period), changes);
    return readPlan(deps, actor, unitId, periodId, trx);
  });
}
