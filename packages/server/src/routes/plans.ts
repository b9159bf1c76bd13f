// A unit's plan for a cycle: the planning workshop's one read, its checklist and its publishing.
import { Plan, PlanParams, PlanPatch, PlanPublish } from '@varde/core';
import { changePlan, publishPlan, readPlan } from '../app/plans.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const planRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/units/:id/plans/:periodId', { schema: {
    tags: ['plans'], summary: "A unit's plan for a cycle: the checklist, its objectives with the coach's hints, what they pay into, dependencies and proposals",
    description: 'Everyone in the organisation reads it. The checklist always holds the four questions, an unanswered one with answer null. Objectives are the unit\'s in the cycle (drafts first, then the published ones), each objective and key result with the coach\'s hints while it is a draft; `hints` are those about the plan as a whole. `context` holds the mission and themes, the year\'s Moals and the parent unit\'s objectives for the cycle (drafts too). `proposals.received` are the open proposals from the units directly below; `proposals.sent` this unit\'s drafts proposed upward. `version` is 1 until the plan is first written. A period that is not there is 404, a year 422, both naming periodId.',
    params: PlanParams, response: { 200: Plan, ...problems } } },
  async (request) => readPlan(deps, actorOf(request), request.params.id, request.params.periodId));
  app.patch('/api/v1/units/:id/plans/:periodId', { schema: {
    tags: ['plans'], summary: "Answer the checklist's questions (the unit's members and admins)",
    description: 'Merged by question: the questions not in `checklist` keep their answers. `version` is the plan\'s (1 before its first write); a stale one is 409.',
    params: PlanParams, body: PlanPatch, response: { 200: Plan, ...problems } } },
  async (request) => changePlan(deps, actorOf(request), request.params.id, request.params.periodId, request.body));
  app.post('/api/v1/units/:id/plans/:periodId/publish', { schema: {
    tags: ['plans'], summary: "Publish the plan: the unit's drafts in the cycle become active OKRs in one transaction (the unit's members and admins)",
    description: 'Needs the four questions answered: otherwise 422 with an error naming `checklist`, code `unanswered`, its params naming the questions (`questions`, comma-separated) and their `count`. Keeps who published and when; an event per objective and one `plan.published`. From then on the OKRs count in the roll-ups.',
    params: PlanParams, body: PlanPublish, response: { 200: Plan, ...problems } } },
  async (request) => publishPlan(deps, actorOf(request), request.params.id, request.params.periodId, request.body.version));
};
