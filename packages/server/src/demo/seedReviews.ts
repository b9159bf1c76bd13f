// The demo's reviews (issue 15) in the seed's transaction: every unit with objectives in the
// previous tertial, which is closed, closed its review a few days after the tertial ended. Scores
// are what the review proposed (core's proposedScore over the demo's check-ins), one set by hand
// with its reason; one unit carried an open key result over into the current tertial (a draft
// linked to its original, starting from its last value, which its workshop then published), parked
// another in its backlog, answered the three questions, and promoted a key result to a KPI it keeps
// measuring (every check-in of the key result in its history, and a value a week since). Each with
// the events closing would have recorded.
import { closingPlan, createdChanges, objectiveScore, periodBounds, proposedScore, succeeded, type ReviewedObjective } from '@varde/core';
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { NewEvent } from '../store/events.js';
import { insertReview, insertReviewObjective, markReviewClosed, saveReviewDecision, saveReviewScore, setDecisionKpi } from '../store/reviews.js';
import { insertKpi, insertKpiCheckIns, linkKeyResultToKpi, refreshKpiCurrent } from '../store/kpis.js';
import { insertObjective } from '../store/objectives.js';
import { insertKeyResult } from '../store/keyResults.js';
import { refreshObjectiveProgress } from '../store/objectiveProgress.js';
import { fieldsOf, keyResultSubject, kpiSubject, objectiveSubject } from '../events/subjects.js';
import { newId } from '../store/ids.js';
import type { DemoKeyResult, DemoOrganisation } from './demoOrganisation.js';

const DAY_MS = 86_400_000;
export const DEMO_REVIEW_REASON = 'Tallene for desember kom etter fristen; vi vet at målet ble nådd nesten helt.';
export const DEMO_REVIEW_ANSWERS = {
  achieved: 'Vi nådde de fleste målene for tertialet, og samarbeidet med lokallagene ble bedre.',
  stillOpen: 'Én del av arbeidet tar vi med videre; én idé venter i backlogen.',
  lessons: 'Sjekk inn hver uke, også når det går bra: da ser vi tidlig hva som står stille.',
};

/** The range a promoted key result is kept by: at or beyond where it ended, by its direction. */
function kpiRangeOf(k: DemoKeyResult): { direction: 'above' | 'below'; low: number | null; high: number | null; cadence: 'weekly' } {
  const down = k.type === 'decrease' || k.type === 'below';
  const edge = Math.round(Math.min(Math.abs(k.target), Math.abs(k.checkIns.at(-1)?.value ?? k.target)) * 0.9 * 10) / 10;
  return down ? { direction: 'below', low: null, high: Math.round(Math.max(k.target, k.checkIns.at(-1)?.value ?? k.target) * 1.1 * 10) / 10, cadence: 'weekly' }
    : { direction: 'above', low: edge, high: null, cadence: 'weekly' };
}

export async function seedReviews(trx: Transaction<Database>, orgId: string, demo: DemoOrganisation,
  idOf: (kind: string, key: string) => string, events: NewEvent[], now: Date): Promise<void> {
  const previous = demo.periods.find((p) => p.kind === 'cycle' && p.state === 'closed');
  const current = demo.periods.find((p) => p.kind === 'cycle' && p.state === 'active');
  if (!previous || !current) return;
  const { start, end } = periodBounds(previous, demo.organisation.timeZone);
  const cycle = { from: start.toISOString(), to: end.toISOString() };
  const closedAt = new Date(Math.min(end.getTime() + 3 * DAY_MS + 11 * 3_600_000, now.getTime())).toISOString();
  const objectives = demo.objectives.filter((o) => o.periodKey === previous.key && o.status !== 'draft');
  const unitKeys = [...new Set(objectives.map((o) => o.unitKey))];
  const event = (type: NewEvent['type'], subject: NewEvent['subject'], changes: NewEvent['changes'], actorId: string | null, at = closedAt): NewEvent => ({ id: newId(), type, subject, actorId, at, changes });
  const scoreOf = (kr: DemoKeyResult) => proposedScore(
    { type: kr.type, start: kr.start, target: kr.target, current: kr.checkIns.at(-1)?.value ?? null },
    kr.checkIns.map((c) => ({ value: c.value, at: c.at })), cycle);

  // The unit that shows it all: the first with two key results left open.
  const showcase = unitKeys.find((k) => objectives.filter((o) => o.unitKey === k).flatMap((o) => o.keyResults).filter((kr) => scoreOf(kr) < 1).length >= 2);
  for (const unitKey of unitKeys) {
    const unit = demo.units.find((x) => x.key === unitKey)!;
    const closer = unit.members.find((m) => m.role === 'lead')?.personKey ?? unit.members[0]?.personKey;
    const closedBy = closer ? idOf('person', closer) : null;
    const reviewId = newId();
    const own = objectives.filter((o) => o.unitKey === unitKey);
    const first = unitKey === showcase;
    await insertReview(trx, { id: reviewId, orgId, unitId: idOf('unit', unitKey), periodId: idOf('period', previous.key), answers: first ? DEMO_REVIEW_ANSWERS : { achieved: '', stillOpen: '', lessons: '' }, now: closedAt });
    // The showcase: the first open key result carried over, the next parked, one score set by hand.
    const open = first ? own.flatMap((o) => o.keyResults.filter((k) => scoreOf(k) < 1).map((k) => ({ o, k }))) : [];
    const carried = open[0];
    const parked = open[1];
    const overridden = open[2] ?? open[0];
    // A key result the unit keeps measuring after the cycle: the first it reached, else the next open one.
    const kept = first ? own.flatMap((o) => o.keyResults.filter((k) => k.type !== 'milestone' && k.checkIns.length > 1).map((k) => ({ o, k })))
      .find(({ k }) => k.key !== carried?.k.key && k.key !== parked?.k.key && k.key !== overridden?.k.key) : undefined;
    const decisions = new Map<string, 'carryOver' | 'backlog' | 'promoteToKpi'>();
    if (carried) decisions.set(carried.k.key, 'carryOver');
    if (parked) decisions.set(parked.k.key, 'backlog');
    if (kept) decisions.set(kept.k.key, 'promoteToKpi');
    for (const o of own) {
      const scored = o.keyResults.map((k) => {
        const proposed = scoreOf(k);
        const score = overridden && k.key === overridden.k.key ? Math.min(1, Math.round((proposed + 0.1) * 10) / 10) : proposed;
        return { k, proposed, score };
      });
      for (const s of scored) {
        const byHand = Math.abs(s.score - s.proposed) > 1e-9;
        await saveReviewScore(trx, orgId, reviewId, { keyResultId: idOf('keyResult', s.k.key), proposed: s.proposed, score: byHand ? s.score : null, reason: byHand ? DEMO_REVIEW_REASON : '' });
      }
      const reviewed: ReviewedObjective = {
        id: o.key, status: o.status, score: objectiveScore(scored.map((s) => ({ score: s.score, weight: s.k.weight }))), decision: null,
        keyResults: scored.map((s) => ({ id: s.k.key, score: s.score, decision: decisions.get(s.k.key) ?? 'done' })),
      };
      const plan = closingPlan(reviewed);
      for (const kr of reviewed.keyResults) {
        const range = kr.decision === 'promoteToKpi' ? kpiRangeOf(o.keyResults.find((k) => k.key === kr.id)!) : null;
        await saveReviewDecision(trx, orgId, reviewId, { subjectKind: 'keyResult', subjectId: idOf('keyResult', kr.id), decision: kr.decision!, kpi: range });
      }
      for (const key of plan.promote) {
        const k = o.keyResults.find((x) => x.key === key)!;
        const krId = idOf('keyResult', key);
        const range = kpiRangeOf(k);
        const kpiId = newId();
        const owner = idOf('person', k.ownerKey);
        await insertKpi(trx, { id: kpiId, orgId, unitId: idOf('unit', o.unitKey), title: k.title, measure: k.measure, ...range, ownerId: owner, promotedFromKeyResultId: krId, now: closedAt });
        // Its history: every check-in of the key result, then a value a week since the review.
        const last = k.checkIns.at(-1)!.value;
        const later = [];
        for (let at = Date.parse(closedAt) + 7 * DAY_MS; at < now.getTime() - DAY_MS; at += 7 * DAY_MS) later.push({ at: new Date(at).toISOString(), value: Math.round((last + Math.sin(later.length) * Math.abs(last) * 0.03) * 10) / 10 });
        await insertKpiCheckIns(trx, orgId, [
          ...k.checkIns.map((c) => ({ id: newId(), kpiId, value: c.value, comment: c.comment ?? '', at: c.at, authorId: idOf('person', c.authorKey), fromKeyResultId: krId })),
          ...later.map((c) => ({ id: newId(), kpiId, value: c.value, comment: '', at: c.at, authorId: owner, fromKeyResultId: null })),
        ]);
        await refreshKpiCurrent(trx, orgId, kpiId);
        await linkKeyResultToKpi(trx, orgId, krId, kpiId);
        await setDecisionKpi(trx, reviewId, krId, kpiId);
        const fields = { unitId: idOf('unit', o.unitKey), title: k.title, measure: k.measure, ...range, ownerId: owner, promotedFromKeyResultId: krId };
        events.push(event('kpi.created', kpiSubject({ id: kpiId, title: k.title, unitId: idOf('unit', o.unitKey) }), createdChanges(fields, fieldsOf<typeof fields>('kpi')), closedBy));
        events.push(event('keyResult.promoted', keyResultSubject({ id: krId, title: k.title, objectiveId: idOf('objective', o.key) }, idOf('unit', o.unitKey)), [{ field: 'kpiId', before: null, after: kpiId }], closedBy));
      }
      const copy = async (krKeys: string[], to: { periodId: string | null; status: 'draft' | 'backlog' }, publishedAt?: string) => {
        if (krKeys.length === 0) return null;
        const id = newId();
        await insertObjective(trx, {
          id, orgId, unitId: idOf('unit', o.unitKey), periodId: to.periodId, title: o.title, description: o.description, kind: o.kind, status: publishedAt ? 'active' : to.status,
          ownerIds: o.ownerKeys.map((k) => idOf('person', k)), alignments: [], now: closedAt, carriedFromId: idOf('objective', o.key),
        });
        for (const key of krKeys) {
          const k = o.keyResults.find((x) => x.key === key)!;
          const krId = newId();
          const startValue = k.checkIns.at(-1)?.value ?? k.start;
          await insertKeyResult(trx, { id: krId, orgId, objectiveId: id, title: k.title, type: k.type, start: startValue, target: k.target, measure: k.measure, ownerId: idOf('person', k.ownerKey), weight: k.weight, now: closedAt });
          events.push(event('keyResult.created', keyResultSubject({ id: krId, title: k.title, objectiveId: id }, idOf('unit', o.unitKey)),
            createdChanges({ title: k.title, type: k.type, start: startValue, target: k.target, measure: k.measure, ownerId: idOf('person', k.ownerKey), weight: k.weight }, ['title', 'type', 'start', 'target', 'measure', 'ownerId', 'weight']), closedBy));
        }
        await refreshObjectiveProgress(trx, id);
        events.push(event('objective.carriedOver', objectiveSubject({ id, title: o.title, unitId: idOf('unit', o.unitKey) }), [
          { field: 'carriedFromId', before: null, after: idOf('objective', o.key) }, { field: 'periodId', before: idOf('period', previous.key), after: to.periodId }, { field: 'status', before: null, after: to.status },
        ], closedBy));
        if (publishedAt) events.push(event('objective.changed', objectiveSubject({ id, title: o.title, unitId: idOf('unit', o.unitKey) }), [{ field: 'status', before: 'draft', after: 'active' }], closedBy, publishedAt));
        return id;
      };
      // The team published the carried draft in the current tertial's workshop, right after the review.
      const publishedAt = new Date(Math.min(Date.parse(closedAt) + 2 * 3_600_000, now.getTime())).toISOString();
      const carriedToId = await copy(plan.carryOver, { periodId: idOf('period', current.key), status: 'draft' }, publishedAt);
      const parkedAsId = await copy(plan.backlog, { periodId: null, status: 'backlog' });
      await insertReviewObjective(trx, orgId, reviewId, { objectiveId: idOf('objective', o.key), score: reviewed.score, succeeded: succeeded(o.kind, reviewed.score), carriedToId, parkedAsId });
    }
    await markReviewClosed(trx, orgId, reviewId, 1, closedBy, closedAt);
    events.push(event('review.closed', { kind: 'review', id: reviewId, name: unit.name, unitId: idOf('unit', unitKey) },
      [{ field: 'closedAt', before: null, after: closedAt }], closedBy));
  }
}

