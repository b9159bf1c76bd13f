// The review of a unit at the end of a cycle (issue 15, article 004): the scores, a decision for
// every open objective and key result, and the three questions. While the review is open the
// proposed scores are computed afresh from the key results and their check-ins on every read;
// closing freezes them, applies every decision in one unit of work (a draft copy in the next cycle
// for carried work, a backlog copy for parked work, a KPI for a promoted key result) and leaves the
// review read-only for ever. Core decides the scores (reviewScore) and what must be decided and
// what closing does with it (reviewDecisions); this module reads the facts and writes what they allow.
import {
  closingPlan, createdChanges, effectiveDecision, fieldChanges, objectiveScore, periodBounds, proposedScore, scoreOverrideProblem, succeeded, SUCCESS_AT,
  undecidedItems, kpiRangeIssues, lastingAlignments, mayChangeOkrs, moodSummary, toTenths, OBJECTIVE_DECISIONS,
  type EventSubject, type FieldError, type KeyResultPromote, type Period, type PeriodReviews, type Review, type ReviewDecision, type ReviewPatch,
  type ReviewedObjective, type UnitCycleTrend,
} from '@varde/core';
import { unitOfWork, type UnitOfWork } from '../events/unitOfWork.js';
import { moodCountsOfUnit } from '../store/retrospectives.js';
import { fieldsOf, keyResultSubject, objectiveSubject } from '../events/subjects.js';
import {
  closedReviewsOfUnit, deleteReviewDecision, getReviewRow, insertReview, insertReviewObjective, markReviewClosed, NO_ANSWERS, periodCheckIns,
  periodReviewRows, reviewDecisions, reviewObjectives, reviewScores, saveReviewDecision, saveReviewScore, setDecisionKpi, updateReview,
  type ReviewDecisionRow, type ReviewObjectiveRow, type ReviewRow, type ReviewScoreRow,
} from '../store/reviews.js';
import { getObjectives, insertObjective, listObjectives, type ObjectiveRecord } from '../store/objectives.js';
import { insertKeyResult, keyResultRefs, keyResultsOf, type KeyResultRecord } from '../store/keyResults.js';
import { refreshObjectiveProgress } from '../store/objectiveProgress.js';
import { getPeriod, listPeriods } from '../store/periods.js';
import { getOrganisation } from '../store/organisations.js';
import { peopleNames } from '../store/people.js';
import { getUnit, rootUnit, unitTree, type UnitRecord } from '../store/units.js';
import { isUniqueViolation, type Db } from '../store/executor.js';
import { newId } from '../store/ids.js';
import { authorise, policies } from '../auth/policies.js';
import { promoteKeyResult } from './kpis.js';
import type { Actor, Deps } from './context.js';
import { AppError, conflictOn, notFound, staleVersion, unitArchived } from './errors.js';

/** The objectives a review looks at: those the cycle ran (published), done and cancelled ones too. */
const REVIEWED = new Set(['active', 'done', 'cancelled']);

const reviewSubject = (reviewId: string, unit: { id: string; name: string }): EventSubject =>
  ({ kind: 'review', id: reviewId, name: unit.name, unitId: unit.id });

interface ScoredKr { kr: KeyResultRecord; proposed: number; score: number; reason: string }
interface Facts {
  unit: UnitRecord; period: Period; row: ReviewRow | undefined;
  objectives: ObjectiveRecord[]; krs: ScoredKr[];
  decisions: Map<string, ReviewDecisionRow>; frozen: Map<string, ReviewObjectiveRow>;
  reviewed: ReviewedObjective[]; nextPeriod: Period | null;
}

/** The cycle a proposal looks at: its first day to the end of its last day, or now if earlier. */
async function cycleOf(db: Db, deps: Deps, orgId: string, period: Period): Promise<{ from: string; to: string }> {
  const org = await getOrganisation(db, orgId);
  const { start, end } = periodBounds(period, org?.timeZone ?? 'UTC');
  const now = deps.clock.now();
  return { from: start.toISOString(), to: (now < end ? now : end).toISOString() };
}

/** Scores a key result: frozen once closed; else the proposal from its check-ins and the score set by hand, if any. */
function scoreOf(kr: KeyResultRecord, stored: ReviewScoreRow | undefined, closed: boolean, checkIns: ReadonlyArray<{ value: number; at: string }>, cycle: { from: string; to: string }): ScoredKr {
  const proposed = closed && stored?.proposed !== null && stored?.proposed !== undefined ? stored.proposed : proposedScore(kr, checkIns, cycle);
  return { kr, proposed, score: stored?.score ?? proposed, reason: stored?.reason ?? '' };
}

async function nextCycleOf(db: Db, orgId: string, period: Period): Promise<Period | null> {
  const cycles = (await listPeriods(db, orgId, { kind: 'cycle' })).filter((p) => p.startDate > period.endDate).sort((a, b) => a.startDate.localeCompare(b.startDate));
  return cycles[0] ?? null;
}

async function factsOf(deps: Deps, db: Db, actor: Actor, unitId: string, periodId: string): Promise<Facts> {
  const [unit, period] = await Promise.all([getUnit(db, actor.orgId, unitId), getPeriod(db, actor.orgId, periodId)]);
  if (!unit) throw notFound('The unit');
  if (!period) throw notFound('The period');
  if (period.kind !== 'cycle') throw new AppError(422, 'Unprocessable Content', 'periodId is a year: reviews are of cycles', [{ field: 'periodId', message: 'is a year: reviews are of cycles', code: 'not_a_cycle' }]);
  const row = await getReviewRow(db, actor.orgId, unit.id, period.id);
  const closed = row?.closedAt != null;
  const objectives = (await listObjectives(db, actor.orgId, { unitIds: [unit.id], periodId: period.id }, 1000, undefined)).filter((o) => REVIEWED.has(o.status));
  const [krRecords, stored, decisionRows, frozen, checkIns, cycle, nextPeriod] = await Promise.all([
    keyResultsOf(db, actor.orgId, objectives.map((o) => o.id)),
    row ? reviewScores(db, [row.id]) : Promise.resolve(new Map<string, ReviewScoreRow>()),
    row ? reviewDecisions(db, row.id) : Promise.resolve([]),
    row && closed ? reviewObjectives(db, [row.id]) : Promise.resolve(new Map<string, ReviewObjectiveRow>()),
    periodCheckIns(db, actor.orgId, period.id, unit.id),
    cycleOf(db, deps, actor.orgId, period),
    nextCycleOf(db, actor.orgId, period),
  ]);
  const krs = krRecords.map((k) => scoreOf(k, stored.get(k.id), closed, checkIns.get(k.id) ?? [], cycle));
  const decisions = new Map(decisionRows.map((d) => [d.subjectId, d]));
  const reviewed: ReviewedObjective[] = objectives.map((o) => {
    const own = krs.filter((k) => k.kr.objectiveId === o.id);
    return {
      id: o.id, status: o.status,
      score: objectiveScore(own.map((k) => ({ score: k.score, weight: k.kr.weight }))),
      decision: (decisions.get(o.id)?.decision as ReviewDecision | undefined) ?? null,
      keyResults: own.map((k) => ({ id: k.kr.id, score: k.score, decision: (decisions.get(k.kr.id)?.decision as ReviewDecision | undefined) ?? null })),
    };
  });
  return { unit, period, row, objectives, krs, decisions, frozen, reviewed, nextPeriod };
}

const mayWrite = (actor: Actor, unit: UnitRecord) => mayChangeOkrs(actor, { archivedAt: unit.archivedAt, actorIsMember: unit.members.some((m) => m.personId === actor.personId) });

async function present(db: Db, actor: Actor, f: Facts): Promise<Review> {
  const closed = f.row?.closedAt != null;
  const titleOf = new Map<string, string>([...f.objectives.map((o) => [o.id, o.title] as const), ...f.krs.map((k) => [k.kr.id, k.kr.title] as const)]);
  const editable = !closed && f.period.state === 'review' && mayWrite(actor, f.unit);
  const closerName = f.row?.closedBy ? (await peopleNames(db, actor.orgId, [f.row.closedBy])).get(f.row.closedBy) ?? '' : '';
  return {
    unitId: f.unit.id, periodId: f.period.id,
    state: closed ? 'closed' : 'open',
    keyResults: f.krs.map((k) => ({
      keyResultId: k.kr.id, objectiveId: k.kr.objectiveId, title: k.kr.title, type: k.kr.type, start: k.kr.start, target: k.kr.target, current: k.kr.current,
      measure: k.kr.measure, weight: k.kr.weight, proposedScore: k.proposed, score: k.score, reason: k.reason,
      kpiId: f.decisions.get(k.kr.id)?.kpiId ?? null,
    })),
    objectives: f.objectives.map((o, i) => {
      const frozen = f.frozen.get(o.id);
      const score = frozen ? frozen.score : f.reviewed[i]!.score;
      return {
        objectiveId: o.id, title: o.title, kind: o.kind, status: o.status, score, successAt: SUCCESS_AT[o.kind],
        succeeded: frozen ? frozen.succeeded : succeeded(o.kind, score),
        carriedToId: frozen?.carriedToId ?? null, parkedAsId: frozen?.parkedAsId ?? null,
      };
    }),
    answers: f.row?.answers ?? { ...NO_ANSWERS },
    decisions: [...f.decisions.values()].map((d) => ({
      ...(d.subjectKind === 'objective' ? { objectiveId: d.subjectId } : { keyResultId: d.subjectId }),
      decision: d.decision as ReviewDecision,
      kpi: d.kpi as Review['decisions'][number]['kpi'],
    }) as Review['decisions'][number]),
    undecided: closed ? [] : undecidedItems(f.reviewed).map((u) => ({ ...u, title: titleOf.get(u.id) ?? '' })),
    nextPeriod: f.nextPeriod ? { id: f.nextPeriod.id, name: f.nextPeriod.name } : null,
    closedAt: f.row?.closedAt ?? null,
    closedBy: f.row?.closedBy ? { id: f.row.closedBy, name: closerName } : null,
    can: { edit: editable, close: editable },
    version: f.row?.version ?? 0,
  };
}

export async function readReview(deps: Deps, actor: Actor, unitId: string, periodId: string, db: Db = deps.store.db): Promise<Review> {
  return present(db, actor, await factsOf(deps, db, actor, unitId, periodId));
}

/** The checks every write to a review makes: who, which state, which version. */
async function writable(deps: Deps, trx: Db, actor: Actor, unitId: string, periodId: string, version: number): Promise<Facts> {
  const f = await factsOf(deps, trx, actor, unitId, periodId);
  await authorise(policies.changeOkrsOf(trx, actor, f.unit.id), "review this unit's cycle");
  if (f.unit.archivedAt !== null) throw unitArchived();
  if (f.row?.closedAt) throw conflictOn('closedAt', 'is set: a closed review is a record and is read-only', 'review_closed');
  if (f.period.state !== 'review') throw conflictOn('periodId', `is ${f.period.state}: a review is open only while its cycle is in review`, 'not_in_review');
  if ((f.row?.version ?? 0) !== version) throw staleVersion('The review');
  return f;
}

const unprocessable = (errors: FieldError[]) =>
  new AppError(422, 'Unprocessable Content', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);

/** What is wrong with a KPI's range for its direction (core's kpiRange), named under `field`. */
const kpiRangeErrors = (field: string, kpi: Parameters<typeof kpiRangeIssues>[0]): FieldError[] =>
  kpiRangeIssues(kpi).map((x) => ({ field: `${field}.${x.field}`, message: x.message, code: x.code }));

/** What the review's events tell, under the names of core's EVENT_FIELDS. */
const eventView = (periodId: string, answers: ReviewRow['answers'], krs: readonly ScoredKr[], decisions: ReadonlyMap<string, ReviewDecisionRow>) => ({
  periodId, answers,
  scores: krs.filter((k) => Math.abs(k.score - k.proposed) > 1e-9).map((k) => ({ keyResultId: k.kr.id, score: k.score, reason: k.reason })),
  decisions: [...decisions.values()].map((d) => ({ id: d.subjectId, decision: d.decision })).sort((a, b) => a.id.localeCompare(b.id)),
});
const REVIEW_VIEW_FIELDS = ['periodId', 'answers', 'scores', 'decisions'] as const;

/** Writes scores, answers and decisions of an open review (the unit's members and admins). */
export async function changeReview(deps: Deps, actor: Actor, unitId: string, periodId: string, patch: ReviewPatch): Promise<Review> {
  try {
    return await unitOfWork(deps, actor, async ({ trx, record, now }) => {
      const f = await writable(deps, trx, actor, unitId, periodId, patch.version);
      const krOf = new Map(f.krs.map((k) => [k.kr.id, k]));
      const objectiveIds = new Set(f.objectives.map((o) => o.id));
      const errors: FieldError[] = [];
      patch.scores?.forEach((s, i) => {
        const k = krOf.get(s.keyResultId);
        if (!k) { errors.push({ field: `scores.${i}.keyResultId`, message: "is not a key result of the unit's objectives in the cycle", code: 'unknown_key_result' }); return; }
        const problem = scoreOverrideProblem(k.proposed, s.score, s.reason);
        if (problem) errors.push({ field: `scores.${i}.${problem.field}`, message: problem.message, code: problem.code });
      });
      patch.decisions?.forEach((d, i) => {
        if ('objectiveId' in d) {
          if (!objectiveIds.has(d.objectiveId)) errors.push({ field: `decisions.${i}.objectiveId`, message: "is not one of the unit's objectives in the cycle", code: 'unknown_objective' });
          else if (d.decision && !OBJECTIVE_DECISIONS.includes(d.decision)) errors.push({ field: `decisions.${i}.decision`, message: 'cannot be promoteToKpi for an objective: promote its key results', code: 'not_for_objective' });
          return;
        }
        if (!krOf.has(d.keyResultId)) errors.push({ field: `decisions.${i}.keyResultId`, message: "is not a key result of the unit's objectives in the cycle", code: 'unknown_key_result' });
        else if (d.decision === 'promoteToKpi') {
          if (krOf.get(d.keyResultId)!.kr.kpiId) errors.push({ field: `decisions.${i}.keyResultId`, message: 'is already kept as a KPI', code: 'already_promoted' });
          else if (!d.kpi) errors.push({ field: `decisions.${i}.kpi`, message: 'is required to promote a key result to a KPI: its direction, range and cadence', code: 'required' });
          else errors.push(...kpiRangeErrors(`decisions.${i}.kpi`, d.kpi));
        }
      });
      if (errors.length) throw unprocessable(errors);

      const answers = { ...(f.row?.answers ?? NO_ANSWERS), ...patch.answers };
      let reviewId = f.row?.id;
      if (!reviewId) {
        reviewId = newId();
        await insertReview(trx, { id: reviewId, orgId: actor.orgId, unitId: f.unit.id, periodId: f.period.id, answers, now });
      } else if (await updateReview(trx, actor.orgId, reviewId, patch.version, answers, now) !== 'updated') {
        throw staleVersion('The review');
      }
      for (const s of patch.scores ?? []) {
        const k = krOf.get(s.keyResultId)!;
        const follows = Math.abs(s.score - k.proposed) < 1e-9 && s.reason.trim() === '';
        await saveReviewScore(trx, actor.orgId, reviewId, { keyResultId: s.keyResultId, proposed: null, score: follows ? null : s.score, reason: s.reason.trim() });
      }
      for (const d of patch.decisions ?? []) {
        const [subjectKind, subjectId] = 'objectiveId' in d ? ['objective' as const, d.objectiveId] : ['keyResult' as const, d.keyResultId];
        if (d.decision === null) await deleteReviewDecision(trx, reviewId, subjectId);
        else {
          const kpi = 'kpi' in d && d.kpi && d.decision === 'promoteToKpi' ? { direction: d.kpi.direction, low: d.kpi.low ?? null, high: d.kpi.high ?? null, cadence: d.kpi.cadence } : null;
          await saveReviewDecision(trx, actor.orgId, reviewId, { subjectKind, subjectId, decision: d.decision, kpi });
        }
      }
      const after = await factsOf(deps, trx, actor, f.unit.id, f.period.id);
      record('review.changed', reviewSubject(reviewId, f.unit),
        fieldChanges(eventView(f.period.id, f.row?.answers ?? NO_ANSWERS, f.krs, f.decisions), eventView(f.period.id, answers, after.krs, after.decisions), REVIEW_VIEW_FIELDS));
      return present(trx, actor, after);
    });
  } catch (error) {
    // Two first writes at once: the one-review-per-unit-and-cycle constraint refuses the second.
    if (isUniqueViolation(error)) throw staleVersion('The review');
    throw error;
  }
}

/** Copies an objective (a draft in the next cycle, or parked in the backlog) with the key results
 *  given, each starting from its last value, and records the carry-over. */
/** The kind of period each objective and key result an objective pays into belongs to, for core's lastingAlignments. */
async function linkedPeriodKinds(db: Db, orgId: string, links: ObjectiveRecord['alignments']): Promise<(link: ObjectiveRecord['alignments'][number]) => 'year' | 'cycle' | undefined> {
  const krRefs = await keyResultRefs(db, orgId, links.flatMap((l) => ('keyResultId' in l ? [l.keyResultId] : [])));
  const objectiveIds = [...links.flatMap((l) => ('objectiveId' in l ? [l.objectiveId] : [])), ...[...krRefs.values()].map((r) => r.objectiveId)];
  const [objectives, years] = await Promise.all([getObjectives(db, orgId, objectiveIds), listPeriods(db, orgId, { kind: 'year' })]);
  const yearIds = new Set(years.map((y) => y.id));
  const kindOf = new Map(objectives.map((o) => [o.id, o.periodId !== null && yearIds.has(o.periodId) ? 'year' as const : 'cycle' as const]));
  return (l) => ('objectiveId' in l ? kindOf.get(l.objectiveId) : 'keyResultId' in l ? kindOf.get(krRefs.get(l.keyResultId)?.objectiveId ?? '') : undefined);
}

async function copyObjective(uow: UnitOfWork, actor: Actor, o: ObjectiveRecord, krs: readonly KeyResultRecord[], to: { periodId: string | null; status: 'draft' | 'backlog' }): Promise<string> {
  const { trx, record, now } = uow;
  const id = newId();
  const alignments = lastingAlignments(o.alignments, await linkedPeriodKinds(trx, actor.orgId, o.alignments));
  await insertObjective(trx, {
    id, orgId: actor.orgId, unitId: o.unitId, periodId: to.periodId, title: o.title, description: o.description, kind: o.kind, status: to.status,
    ownerIds: o.ownerIds, alignments, now, carriedFromId: o.id,
  });
  for (const k of krs) {
    const krId = newId();
    const start = k.current ?? k.start;
    await insertKeyResult(trx, { id: krId, orgId: actor.orgId, objectiveId: id, title: k.title, type: k.type, start, target: k.target, measure: k.measure, ownerId: k.ownerId, weight: k.weight, now });
    record('keyResult.created', keyResultSubject({ id: krId, title: k.title, objectiveId: id }, o.unitId),
      createdChanges({ title: k.title, type: k.type, start, target: k.target, measure: k.measure, ownerId: k.ownerId, weight: k.weight }, fieldsOf<Pick<KeyResultRecord, 'title' | 'type' | 'start' | 'target' | 'measure' | 'ownerId' | 'weight'>>('keyResult')));
  }
  await refreshObjectiveProgress(trx, id);
  record('objective.carriedOver', objectiveSubject({ id, title: o.title, unitId: o.unitId }), [
    { field: 'carriedFromId', before: null, after: o.id }, { field: 'periodId', before: o.periodId, after: to.periodId }, { field: 'status', before: null, after: to.status },
  ]);
  return id;
}

/** Closes the review: refused while an item lacks a decision or carried work has no next cycle;
 *  else freezes the scores and applies every decision, all in one transaction. */
export async function closeReview(deps: Deps, actor: Actor, unitId: string, periodId: string, version: number): Promise<Review> {
  return unitOfWork(deps, actor, async (uow) => {
    const { trx, record, now } = uow;
    const f = await writable(deps, trx, actor, unitId, periodId, version);
    const titleOf = new Map<string, string>([...f.objectives.map((o) => [o.id, o.title] as const), ...f.krs.map((k) => [k.kr.id, k.kr.title] as const)]);
    const undecided = undecidedItems(f.reviewed);
    if (undecided.length) {
      throw unprocessable(undecided.map((u) => ({
        field: 'decisions', code: 'undecided', message: `${u.kind === 'objective' ? 'objective' : 'key result'} «${titleOf.get(u.id) ?? u.id}» needs a decision`,
        params: { kind: u.kind, id: u.id, title: titleOf.get(u.id) ?? '' },
      })));
    }
    const plans = new Map(f.reviewed.map((o) => [o.id, closingPlan(o)]));
    const carries = (o: ReviewedObjective) => plans.get(o.id)!.copyToNext;
    const parks = (o: ReviewedObjective) => plans.get(o.id)!.copyToBacklog;
    // Promoted by hand since it was decided: closing would fail inside the transaction, naming nothing.
    const promotedAlready = [...plans.values()].flatMap((p) => p.promote).filter((id) => f.krs.find((k) => k.kr.id === id)?.kr.kpiId);
    if (promotedAlready.length) {
      throw unprocessable(promotedAlready.map((id) => ({ field: 'decisions', message: `key result «${titleOf.get(id) ?? id}» is already kept as a KPI; decide otherwise`, code: 'already_promoted', params: { id, title: titleOf.get(id) ?? '' } })));
    }
    if (!f.nextPeriod && f.reviewed.some(carries)) {
      throw unprocessable([{ field: 'nextPeriod', message: 'is missing: carried-over work goes to the next cycle; create the next cycle first, or decide otherwise', code: 'no_next_cycle' }]);
    }
    let reviewId = f.row?.id;
    if (!reviewId) {
      reviewId = newId();
      await insertReview(trx, { id: reviewId, orgId: actor.orgId, unitId: f.unit.id, periodId: f.period.id, answers: { ...NO_ANSWERS }, now });
    }
    for (const k of f.krs) {
      await saveReviewScore(trx, actor.orgId, reviewId, { keyResultId: k.kr.id, proposed: k.proposed, score: Math.abs(k.score - k.proposed) < 1e-9 ? null : k.score, reason: k.reason });
    }
    const krById = new Map(f.krs.map((k) => [k.kr.id, k.kr]));
    let carriedOver = 0; let parked = 0; let promoted = 0;
    for (const [i, o] of f.objectives.entries()) {
      const r = f.reviewed[i]!;
      const plan = plans.get(o.id)!;
      const carriedToId = carries(r) ? await copyObjective(uow, actor, o, plan.carryOver.map((id) => krById.get(id)!), { periodId: f.nextPeriod!.id, status: 'draft' }) : null;
      const parkedAsId = parks(r) ? await copyObjective(uow, actor, o, plan.backlog.map((id) => krById.get(id)!), { periodId: null, status: 'backlog' }) : null;
      if (carriedToId) carriedOver++;
      if (parkedAsId) parked++;
      for (const krId of plan.promote) {
        const range = f.decisions.get(krId)?.kpi;
        if (!range) throw unprocessable([{ field: 'decisions', message: `key result «${titleOf.get(krId) ?? krId}» is to become a KPI without its range and cadence`, code: 'kpi_required', params: { id: krId } }]);
        const kpi = await promoteKeyResult(deps, uow, actor, krId, {
          direction: range.direction as KeyResultPromote['direction'], low: range.low, high: range.high, cadence: range.cadence as KeyResultPromote['cadence'],
        });
        await setDecisionKpi(trx, reviewId, krId, kpi.id);
        promoted++;
      }
      await insertReviewObjective(trx, actor.orgId, reviewId, { objectiveId: o.id, score: r.score, succeeded: succeeded(o.kind, r.score), carriedToId, parkedAsId });
    }
    // Key results a review decides under an objective: their decisions as they close (effectiveDecision).
    for (const r of f.reviewed) for (const kr of r.keyResults) {
      if (!f.decisions.has(kr.id)) {
        const d = effectiveDecision(r, kr);
        if (d) await saveReviewDecision(trx, actor.orgId, reviewId, { subjectKind: 'keyResult', subjectId: kr.id, decision: d, kpi: null });
      }
    }
    if (await markReviewClosed(trx, actor.orgId, reviewId, f.row?.version ?? 1, actor.personId, now) !== 'updated') throw staleVersion('The review');
    record('review.closed', reviewSubject(reviewId, f.unit), [
      { field: 'closedAt', before: null, after: now },
      { field: 'carriedOver', before: null, after: carriedOver }, { field: 'parked', before: null, after: parked }, { field: 'promoted', before: null, after: promoted },
    ]);
    return present(trx, actor, await factsOf(deps, trx, actor, f.unit.id, f.period.id));
  });
}

const tenthIndex = (score: number) => Math.round(toTenths(score) * 10);

/** The organisation's view of a cycle's reviews: every unit's state and scores, the distribution
 *  of objective scores by kind, and the Moals with the scores of what paid into them. */
export async function readPeriodReviews(deps: Deps, actor: Actor, periodId: string): Promise<PeriodReviews> {
  const db = deps.store.db;
  const period = await getPeriod(db, actor.orgId, periodId);
  if (!period) throw notFound('The period');
  const objectives = (await listObjectives(db, actor.orgId, { periodId }, 100_000, undefined)).filter((o) => REVIEWED.has(o.status));
  const [krs, rows, checkIns, cycle, tree] = await Promise.all([
    keyResultsOf(db, actor.orgId, objectives.map((o) => o.id)), periodReviewRows(db, actor.orgId, periodId), periodCheckIns(db, actor.orgId, periodId),
    cycleOf(db, deps, actor.orgId, period), unitTree(db, actor.orgId),
  ]);
  const reviewOf = new Map(rows.map((r) => [r.unitId, r]));
  const [stored, frozen] = await Promise.all([reviewScores(db, rows.map((r) => r.id)), reviewObjectives(db, rows.filter((r) => r.closedAt).map((r) => r.id))]);
  const unitName = new Map(tree.map((u) => [u.id, u.name]));
  const objectiveOf = new Map(objectives.map((o) => [o.id, o]));
  const isClosed = (unitId: string) => reviewOf.get(unitId)?.closedAt != null;
  const krScore = (k: KeyResultRecord) => scoreOf(k, stored.get(k.id), isClosed(objectiveOf.get(k.objectiveId)!.unitId), checkIns.get(k.id) ?? [], cycle).score;
  const scoreOfObjective = new Map<string, { score: number | null; succeeded: boolean }>();
  for (const o of objectives) {
    const f = frozen.get(o.id);
    if (isClosed(o.unitId) && f) { scoreOfObjective.set(o.id, { score: f.score, succeeded: f.succeeded }); continue; }
    const score = objectiveScore(krs.filter((k) => k.objectiveId === o.id).map((k) => ({ score: krScore(k), weight: k.weight })));
    scoreOfObjective.set(o.id, { score, succeeded: succeeded(o.kind, score) });
  }
  const unitIds = [...new Set(objectives.map((o) => o.unitId))];
  const units = unitIds.map((id) => {
    const own = objectives.filter((o) => o.unitId === id);
    const scores = own.map((o) => scoreOfObjective.get(o.id)!.score).filter((s): s is number => s !== null);
    const r = reviewOf.get(id);
    return {
      unit: { id, name: unitName.get(id) ?? '' },
      state: r?.closedAt ? 'closed' as const : r ? 'open' as const : 'notStarted' as const,
      objectiveCount: own.length,
      meanScore: scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null,
      succeeded: own.filter((o) => scoreOfObjective.get(o.id)!.succeeded).length,
    };
  }).sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'nb') || a.unit.id.localeCompare(b.unit.id));
  const distribution = { committed: Array<number>(11).fill(0), aspirational: Array<number>(11).fill(0) };
  for (const o of objectives) {
    const s = scoreOfObjective.get(o.id)!.score;
    if (s !== null) distribution[o.kind][tenthIndex(s)]! += 1;
  }
  // Moals: the root unit's objectives in a year; what in the cycle pays into them or their key results.
  const root = await rootUnit(db, actor.orgId);
  const targetObjectiveOf = new Map<string, string>();
  const targetKrIds = objectives.flatMap((o) => o.alignments.flatMap((a) => ('keyResultId' in a ? [a.keyResultId] : [])));
  // A KPI an objective pays into is no Moal: those links are left out here.
  if (targetKrIds.length) {
    const rowsKr = await db.selectFrom('key_results').select(['id', 'objective_id']).where('org_id', '=', actor.orgId).where('id', 'in', [...new Set(targetKrIds)]).execute();
    for (const r of rowsKr) targetObjectiveOf.set(r.id, r.objective_id);
  }
  const targetOf = (a: ObjectiveRecord['alignments'][number]) => ('objectiveId' in a ? a.objectiveId : 'keyResultId' in a ? targetObjectiveOf.get(a.keyResultId) : undefined);
  const targets = await getObjectives(db, actor.orgId, objectives.flatMap((o) => o.alignments.map(targetOf)).filter((x): x is string => !!x));
  const years = new Set((await listPeriods(db, actor.orgId, { kind: 'year' })).map((p) => p.id));
  const moals = targets.filter((t) => t.unitId === root?.id && t.periodId !== null && years.has(t.periodId)).sort((a, b) => a.title.localeCompare(b.title, 'nb'));
  return {
    periodId,
    units,
    distribution,
    moals: moals.map((m) => ({
      objectiveId: m.id, title: m.title,
      paidInBy: objectives.filter((o) => o.alignments.some((a) => targetOf(a) === m.id)).map((o) => ({
        objectiveId: o.id, title: o.title, unit: { id: o.unitId, name: unitName.get(o.unitId) ?? '' }, score: scoreOfObjective.get(o.id)!.score, succeeded: scoreOfObjective.get(o.id)!.succeeded,
      })),
    })),
    notClosed: units.filter((u) => u.state !== 'closed').map((u) => u.unit),
  };
}
/** The units with objectives in a cycle, and whether each has closed its review: what moving the cycle to closed asks. */
export async function reviewStatesOf(db: Db, orgId: string, periodId: string): Promise<Array<{ id: string; name: string; closed: boolean }>> {
  const [objectives, rows, tree] = await Promise.all([
    listObjectives(db, orgId, { periodId }, 100_000, undefined), periodReviewRows(db, orgId, periodId), unitTree(db, orgId),
  ]);
  const closed = new Set(rows.filter((r) => r.closedAt).map((r) => r.unitId));
  const names = new Map(tree.map((u) => [u.id, u.name]));
  return [...new Set(objectives.filter((o) => REVIEWED.has(o.status)).map((o) => o.unitId))].map((id) => ({ id, name: names.get(id) ?? '', closed: closed.has(id) }));
}

/** A unit's scores and mood over its cycles, oldest first: every cycle with a closed review or a
 *  retrospective, the mood only once three have voted (core's moodSummary), as the retrospective shows it. */
export async function readCycleTrend(deps: Deps, actor: Actor, unitId: string): Promise<UnitCycleTrend> {
  const db = deps.store.db;
  const unit = await getUnit(db, actor.orgId, unitId);
  if (!unit) throw notFound('The unit');
  const [scored, moods] = await Promise.all([closedReviewsOfUnit(db, actor.orgId, unit.id), moodCountsOfUnit(db, actor.orgId, unit.id)]);
  const cycles = new Map<string, UnitCycleTrend['cycles'][number]>();
  for (const c of scored) cycles.set(c.periodId, { period: { id: c.periodId, name: c.name, endDate: c.endDate }, score: c.score, mood: null, votes: 0 });
  for (const m of moods) {
    const mood = moodSummary(m.counts);
    const known = cycles.get(m.periodId) ?? { period: { id: m.periodId, name: m.name, endDate: m.endDate }, score: null, mood: null, votes: 0 };
    cycles.set(m.periodId, { ...known, mood: mood.mean, votes: mood.votes });
  }
  return { cycles: [...cycles.values()].sort((a, b) => a.period.endDate.localeCompare(b.period.endDate)) };
}

