// A unit's review of a cycle: the review row (answers, who closed it), the scores set by hand and,
// once closed, the proposals frozen beside them; the objectives' closing scores with the copies
// made of them; the decisions; and the reads the organisation's view and a unit's trend need, each
// a fixed handful of queries whatever the number of units.
import type { Db, VersionedUpdate } from './executor.js';
import { updatedRows } from './executor.js';

export interface ReviewAnswersRow { achieved: string; stillOpen: string; lessons: string }
export interface ReviewRow {
  id: string; unitId: string; periodId: string; answers: ReviewAnswersRow;
  closedAt: string | null; closedBy: string | null; version: number;
}
export const NO_ANSWERS: ReviewAnswersRow = Object.freeze({ achieved: '', stillOpen: '', lessons: '' });

const presentRow = (r: { id: string; unit_id: string; period_id: string; answers: string; closed_at: string | null; closed_by: string | null; version: number }): ReviewRow => ({
  id: r.id, unitId: r.unit_id, periodId: r.period_id, answers: { ...NO_ANSWERS, ...(JSON.parse(r.answers) as Partial<ReviewAnswersRow>) },
  closedAt: r.closed_at, closedBy: r.closed_by, version: r.version,
});

export async function getReviewRow(db: Db, orgId: string, unitId: string, periodId: string): Promise<ReviewRow | undefined> {
  const r = await db.selectFrom('reviews').select(['id', 'unit_id', 'period_id', 'answers', 'closed_at', 'closed_by', 'version'])
    .where('org_id', '=', orgId).where('unit_id', '=', unitId).where('period_id', '=', periodId).executeTakeFirst();
  return r ? presentRow(r) : undefined;
}

export async function insertReview(db: Db, r: { id: string; orgId: string; unitId: string; periodId: string; answers: ReviewAnswersRow; now: string }): Promise<void> {
  await db.insertInto('reviews').values({
    id: r.id, org_id: r.orgId, unit_id: r.unitId, period_id: r.periodId, answers: JSON.stringify(r.answers),
    closed_at: null, closed_by: null, version: 1, created_at: r.now, updated_at: r.now,
  }).execute();
}

/** Writes the answers of an open review at `version`, moving it on. */
export async function updateReview(db: Db, orgId: string, id: string, version: number, answers: ReviewAnswersRow, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('reviews').set({ answers: JSON.stringify(answers), version: version + 1, updated_at: now })
    .where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).where('closed_at', 'is', null).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  return 'stale';
}

/** Closes an open review at `version`. */
export async function markReviewClosed(db: Db, orgId: string, id: string, version: number, by: string | null, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('reviews').set({ closed_at: now, closed_by: by, version: version + 1, updated_at: now })
    .where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).where('closed_at', 'is', null).executeTakeFirst();
  return updatedRows(result) === 1 ? 'updated' : 'stale';
}

export interface ReviewScoreRow { keyResultId: string; proposed: number | null; score: number | null; reason: string }
export async function reviewScores(db: Db, reviewIds: readonly string[]): Promise<Map<string, ReviewScoreRow>> {
  if (reviewIds.length === 0) return new Map();
  const rows = await db.selectFrom('review_scores').select(['key_result_id', 'proposed', 'score', 'reason']).where('review_id', 'in', [...reviewIds]).execute();
  return new Map(rows.map((r) => [r.key_result_id, { keyResultId: r.key_result_id, proposed: r.proposed, score: r.score, reason: r.reason }]));
}

/** Sets a key result's score by hand (score null: it follows the proposal again). */
export async function saveReviewScore(db: Db, orgId: string, reviewId: string, s: ReviewScoreRow): Promise<void> {
  await db.insertInto('review_scores').values({ org_id: orgId, review_id: reviewId, key_result_id: s.keyResultId, proposed: s.proposed, score: s.score, reason: s.reason })
    .onConflict((oc) => oc.columns(['review_id', 'key_result_id']).doUpdateSet({ proposed: s.proposed, score: s.score, reason: s.reason })).execute();
}

export interface ReviewDecisionRow {
  subjectKind: 'objective' | 'keyResult'; subjectId: string; decision: string;
  kpi: { direction: string; low: number | null; high: number | null; cadence: string } | null; kpiId: string | null;
}
export async function reviewDecisions(db: Db, reviewId: string): Promise<ReviewDecisionRow[]> {
  const rows = await db.selectFrom('review_decisions').selectAll().where('review_id', '=', reviewId).orderBy('subject_kind', 'desc').orderBy('subject_id').execute();
  return rows.map((r) => ({
    subjectKind: r.subject_kind as 'objective' | 'keyResult', subjectId: r.subject_id, decision: r.decision,
    kpi: r.kpi_direction && r.kpi_cadence ? { direction: r.kpi_direction, low: r.kpi_low, high: r.kpi_high, cadence: r.kpi_cadence } : null,
    kpiId: r.kpi_id,
  }));
}

export async function saveReviewDecision(db: Db, orgId: string, reviewId: string, d: Omit<ReviewDecisionRow, 'kpiId'>): Promise<void> {
  const values = {
    decision: d.decision, kpi_direction: d.kpi?.direction ?? null, kpi_low: d.kpi?.low ?? null, kpi_high: d.kpi?.high ?? null, kpi_cadence: d.kpi?.cadence ?? null,
  };
  await db.insertInto('review_decisions').values({ org_id: orgId, review_id: reviewId, subject_kind: d.subjectKind, subject_id: d.subjectId, kpi_id: null, ...values })
    .onConflict((oc) => oc.columns(['review_id', 'subject_id']).doUpdateSet(values)).execute();
}

export async function deleteReviewDecision(db: Db, reviewId: string, subjectId: string): Promise<void> {
  await db.deleteFrom('review_decisions').where('review_id', '=', reviewId).where('subject_id', '=', subjectId).execute();
}

export async function setDecisionKpi(db: Db, reviewId: string, keyResultId: string, kpiId: string): Promise<void> {
  await db.updateTable('review_decisions').set({ kpi_id: kpiId }).where('review_id', '=', reviewId).where('subject_id', '=', keyResultId).execute();
}

export interface ReviewObjectiveRow { objectiveId: string; score: number | null; succeeded: boolean; carriedToId: string | null; parkedAsId: string | null }
export async function insertReviewObjective(db: Db, orgId: string, reviewId: string, o: ReviewObjectiveRow): Promise<void> {
  await db.insertInto('review_objectives').values({
    org_id: orgId, review_id: reviewId, objective_id: o.objectiveId, score: o.score, succeeded: o.succeeded ? 1 : 0,
    carried_to_id: o.carriedToId, parked_as_id: o.parkedAsId,
  }).execute();
}
export async function reviewObjectives(db: Db, reviewIds: readonly string[]): Promise<Map<string, ReviewObjectiveRow>> {
  if (reviewIds.length === 0) return new Map();
  const rows = await db.selectFrom('review_objectives').selectAll().where('review_id', 'in', [...reviewIds]).execute();
  return new Map(rows.map((r) => [r.objective_id, { objectiveId: r.objective_id, score: r.score, succeeded: r.succeeded === 1, carriedToId: r.carried_to_id, parkedAsId: r.parked_as_id }]));
}

/** Every unit's review of a cycle. */
export async function periodReviewRows(db: Db, orgId: string, periodId: string): Promise<ReviewRow[]> {
  const rows = await db.selectFrom('reviews').select(['id', 'unit_id', 'period_id', 'answers', 'closed_at', 'closed_by', 'version'])
    .where('org_id', '=', orgId).where('period_id', '=', periodId).execute();
  return rows.map(presentRow);
}

/** The check-ins of every key result of a cycle's objectives, oldest first: what the organisation's
 *  view proposes its open reviews' scores from. */
export async function periodCheckIns(db: Db, orgId: string, periodId: string, unitId?: string): Promise<Map<string, Array<{ value: number; at: string }>>> {
  let q = db.selectFrom('check_ins')
    .innerJoin('key_results', 'key_results.id', 'check_ins.key_result_id')
    .innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .select(['check_ins.key_result_id', 'check_ins.created_at', 'check_ins.value'])
    .where('objectives.org_id', '=', orgId).where('objectives.period_id', '=', periodId);
  if (unitId) q = q.where('objectives.unit_id', '=', unitId);
  const out = new Map<string, Array<{ value: number; at: string }>>();
  for (const r of await q.orderBy('check_ins.key_result_id').orderBy('check_ins.created_at').execute()) {
    const list = out.get(r.key_result_id) ?? out.set(r.key_result_id, []).get(r.key_result_id)!;
    list.push({ value: r.value, at: r.created_at });
  }
  return out;
}

/** A unit's closed reviews with their cycles and the mean of their objectives' closing scores, oldest first. */
export async function closedReviewsOfUnit(db: Db, orgId: string, unitId: string): Promise<Array<{ periodId: string; name: string; endDate: string; score: number | null }>> {
  const rows = await db.selectFrom('reviews')
    .innerJoin('periods', 'periods.id', 'reviews.period_id')
    .leftJoin('review_objectives', 'review_objectives.review_id', 'reviews.id')
    .select(['reviews.period_id', 'periods.name', 'periods.end_date', 'review_objectives.score'])
    .where('reviews.org_id', '=', orgId).where('reviews.unit_id', '=', unitId).where('reviews.closed_at', 'is not', null)
    .orderBy('periods.end_date').execute();
  const byPeriod = new Map<string, { periodId: string; name: string; endDate: string; scores: number[] }>();
  for (const r of rows) {
    const p = byPeriod.get(r.period_id) ?? byPeriod.set(r.period_id, { periodId: r.period_id, name: r.name, endDate: r.end_date, scores: [] }).get(r.period_id)!;
    if (r.score !== null && r.score !== undefined) p.scores.push(r.score);
  }
  return [...byPeriod.values()].map((p) => ({
    periodId: p.periodId, name: p.name, endDate: p.endDate,
    score: p.scores.length ? Math.round((p.scores.reduce((a, b) => a + b, 0) / p.scores.length) * 100) / 100 : null,
  }));
}
