// Objectives.
import { DeletionImpact, Deletion, IdParams, Objective, ObjectiveCreate, ObjectivePatch, ObjectiveQuery, ObjectiveWithKeyResults, page } from '@varde/core';
import { addObjective, changeObjective, readObjective, readObjectives } from '../app/objectives.js';
import { objectiveDeletionImpact, trashObjective } from '../app/trash.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const objectiveRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/objectives', { schema: { tags: ['objectives'], summary: "Objectives, filtered by unit, period and status; a unit's backlog with status=backlog (parked objectives are listed only then)", querystring: ObjectiveQuery, response: { 200: page(Objective), ...problems } } },
    async (request) => {
      const { unit, period, status, limit, cursor } = request.query;
      return readObjectives(deps, actorOf(request), { unit, period, status }, limit, cursor);
    });
  app.post('/api/v1/objectives', { schema: { tags: ['objectives'], summary: "Add an objective to a unit's period, with its key results in the same transaction", body: ObjectiveCreate, response: { 201: ObjectiveWithKeyResults, ...problems } } },
    async (request, reply) => reply.code(201).send(await addObjective(deps, actorOf(request), request.body)));
  app.get('/api/v1/objectives/:id', { schema: { tags: ['objectives'], summary: 'An objective with its key results', params: IdParams, response: { 200: ObjectiveWithKeyResults, ...problems } } },
    async (request) => readObjective(deps, actorOf(request), request.params.id));
  app.patch('/api/v1/objectives/:id', { schema: { tags: ['objectives'], summary: 'Change an objective; park a draft in the backlog with status backlog, pull it into a cycle in planning or active with status draft and periodId', params: IdParams, body: ObjectivePatch, response: { 200: ObjectiveWithKeyResults, ...problems } } },
    async (request) => changeObjective(deps, actorOf(request), request.params.id, request.body));
  app.delete('/api/v1/objectives/:id', { schema: {
    tags: ['objectives'], summary: 'Delete an objective with its owners, key results, check-ins and links, into the trash',
    description: 'Answers the undoId that POST /api/v1/trash/{undoId}/restore takes to put it all back, until restorableUntil. Other objectives that paid into it, and initiatives that moved its key results, stay without the link until it is restored.',
    params: IdParams, response: { 200: Deletion, ...problems } } },
    async (request) => trashObjective(deps, actorOf(request), request.params.id));
  app.get('/api/v1/objectives/:id/deletion', { schema: { tags: ['objectives'], summary: 'What deleting the objective would take with it, for a confirmation', params: IdParams, response: { 200: DeletionImpact, ...problems } } },
    async (request) => objectiveDeletionImpact(deps, actorOf(request), request.params.id));
};
