// The review of a unit at the end of a cycle (issue 15): read it, write its scores, answers and
// decisions, close it; the organisation's view of a cycle's reviews; a unit's trend over its cycles.
import { IdParams, PeriodReviews, Review, ReviewClose, ReviewParams, ReviewPatch, UnitCycleTrend } from '@varde/core';
import { changeReview, closeReview, readCycleTrend, readPeriodReviews, readReview } from '../app/reviews.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const reviewRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/units/:id/reviews/:periodId', { schema: {
    tags: ['reviews'], summary: "A unit's review of a cycle: the key results' proposed scores and scores, the objectives' scores, decisions, the three questions",
    description: "Everyone in the organisation reads it. While it is open the proposed scores are computed afresh from the key results and their check-ins over the cycle (core reviewScore: progress for increase/decrease, 0 or 1 for a milestone, the share of the cycle a threshold held); once closed they are frozen. `undecided` lists what still needs a decision; `nextPeriod` is where carried work goes. `version` is 0 until the review is first written. A year is 422 naming periodId.",
    params: ReviewParams, response: { 200: Review, ...problems } } },
  async (request) => readReview(deps, actorOf(request), request.params.id, request.params.periodId));
  app.patch('/api/v1/units/:id/reviews/:periodId', { schema: {
    tags: ['reviews'], summary: 'Write scores, answers and decisions of an open review (the unit\'s members and admins)',
    description: "A score that differs from the proposal needs a reason (422 naming scores.N.reason, reason_required); unknown key results and objectives are 422 naming them; promoteToKpi needs `kpi` (422 naming decisions.N.kpi) and is refused for an objective (not_for_objective). A decision of null takes it back. Open only while the cycle is in review (409 naming periodId, not_in_review); a closed review is read-only (409 naming closedAt, review_closed); a stale version is 409.",
    params: ReviewParams, body: ReviewPatch, response: { 200: Review, ...problems } } },
  async (request) => changeReview(deps, actorOf(request), request.params.id, request.params.periodId, request.body));
  app.post('/api/v1/units/:id/reviews/:periodId/close', { schema: {
    tags: ['reviews'], summary: 'Close the review: freeze the scores and apply every decision in one transaction (the unit\'s members and admins)',
    description: "Refused 422 while an item lacks a decision: one error per item with field `decisions`, code `undecided` and params { kind, id, title }; and 422 naming nextPeriod (no_next_cycle) when carried work has no cycle to go to. Carried work becomes a draft copy in the next cycle (carriedFromId names the original; its key results start from their last value), parked work a copy in the unit's backlog; the originals stay in their cycle with their final scores. Events: objective.carriedOver per copy and review.closed.",
    params: ReviewParams, body: ReviewClose, response: { 200: Review, ...problems } } },
  async (request) => closeReview(deps, actorOf(request), request.params.id, request.params.periodId, request.body.version));
  app.get('/api/v1/periods/:id/reviews', { schema: {
    tags: ['reviews'], summary: "The organisation's view of a cycle's reviews: every unit's state and scores, the distribution of scores by kind, the Moals with the scores of what paid into them",
    params: IdParams, response: { 200: PeriodReviews, ...problems } } },
  async (request) => readPeriodReviews(deps, actorOf(request), request.params.id));
  app.get('/api/v1/units/:id/cycle-trend', { schema: {
    tags: ['reviews'], summary: "A unit's scores (and mood, from its retrospectives) over its closed cycles, oldest first",
    params: IdParams, response: { 200: UnitCycleTrend, ...problems } } },
  async (request) => readCycleTrend(deps, actorOf(request), request.params.id));
};
