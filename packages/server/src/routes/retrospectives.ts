// The retrospective of a unit for a cycle (issue 15): notes per question, actions, the anonymous
// mood vote, and an action marked done from its owner's Mine.
import { IdParams, MoodVote, Retrospective, RetrospectiveParams, RetrospectivePatch } from '@varde/core';
import { changeRetrospective, finishRetrospectiveAction, readRetrospective, voteInRetrospective } from '../app/retrospectives.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

const OPEN = "Open from the cycle's review on: while the cycle is in review and after it is closed (actions are done in the next cycle, so notes and actions stay editable). Before review a write answers 409 naming periodId (retrospective_not_open).";

export const retrospectiveRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/units/:id/retrospectives/:periodId', { schema: {
    tags: ['retrospectives'], summary: "A unit's retrospective of a cycle: notes on the six questions, actions, and the mood vote's count (its distribution from three votes on)",
    description: `${OPEN} A retrospective not yet written reads empty at version 0. The mood shows how many voted and whether you did; how the votes fall (and their mean) only once three have voted, and never who voted what.`,
    params: RetrospectiveParams, response: { 200: Retrospective, ...problems } } },
  async (request) => readRetrospective(deps, actorOf(request), request.params.id, request.params.periodId));
  app.patch('/api/v1/units/:id/retrospectives/:periodId', { schema: {
    tags: ['retrospectives'], summary: "Write the retrospective's notes and its actions (the whole list: ids kept, those left out removed); members of the unit and admins",
    description: `${OPEN} A stale version answers 409 naming version. An action's owner must be a member of the unit (422 naming actions.N.ownerId, not_a_member); an id not of this retrospective 422 naming actions.N.id. An action becoming done records retrospective.actionDone.`,
    params: RetrospectiveParams, body: RetrospectivePatch, response: { 200: Retrospective, ...problems } } },
  async (request) => changeRetrospective(deps, actorOf(request), request.params.id, request.params.periodId, request.body));
  app.post('/api/v1/units/:id/retrospectives/:periodId/votes', { schema: {
    tags: ['retrospectives'], summary: 'Vote the mood, 1 to 5, anonymously: once per member of the unit',
    description: `${OPEN} Members only (an admin who is not a member: 403). A second vote answers 409 naming mood (already_voted). Who voted is kept apart from a count per mood, with no time or order, so no one can tell who voted what; the event retrospective.voted names the voter and not the mood.`,
    params: RetrospectiveParams, body: MoodVote, response: { 201: Retrospective, ...problems } } },
  async (request, reply) => reply.code(201).send(await voteInRetrospective(deps, actorOf(request), request.params.id, request.params.periodId, request.body.mood)));
  app.post('/api/v1/retrospective-actions/:id/done', { schema: {
    tags: ['retrospectives'], summary: "Mark a retrospective action done (from its owner's Mine): its owner, the unit's members and admins",
    description: 'Answers the retrospective it belongs to. Marking an action already done changes nothing.',
    params: IdParams, response: { 200: Retrospective, ...problems } } },
  async (request) => finishRetrospectiveAction(deps, actorOf(request), request.params.id));
};
