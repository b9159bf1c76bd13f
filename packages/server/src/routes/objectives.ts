// Objectives.
import { z } from 'zod';
import { IdParams, Objective, ObjectiveCreate, ObjectivePatch, ObjectiveQuery, ObjectiveWithKeyResults, page } from '@varde/core';
import { addObjective, changeObjective, readObjective, readObjectives, removeObjective } from '../app/objectives.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const objectiveRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/objectives', { schema: { tags: ['objectives'], summary: 'Objectives, filtered by unit and period', querystring: ObjectiveQuery, response: { 200: page(Objective), ...problems } } },
    async (request) => {
      const { unit, period, limit, cursor } = request.query;
      return readObjectives(deps, actorOf(request), { unit, period }, limit, cursor);
    });
  app.post('/api/v1/objectives', { schema: { tags: ['objectives'], summary: "Add an objective to a unit's period, with its key results in the same transaction", body: ObjectiveCreate, response: { 201: ObjectiveWithKeyResults, ...problems } } },
    async (request, reply) => reply.code(201).send(await addObjective(deps, actorOf(request), request.body)));
  app.get('/api/v1/objectives/:id', { schema: { tags: ['objectives'], summary: 'An objective with its key results', params: IdParams, response: { 200: ObjectiveWithKeyResults, ...problems } } },
    async (request) => readObjective(deps, actorOf(request), request.params.id));
  app.patch('/api/v1/objectives/:id', { schema: { tags: ['objectives'], params: IdParams, body: ObjectivePatch, response: { 200: ObjectiveWithKeyResults, ...problems } } },
    async (request) => changeObjective(deps, actorOf(request), request.params.id, request.body));
  app.delete('/api/v1/objectives/:id', { schema: { tags: ['objectives'], summary: 'Delete an objective with its key results and check-ins', params: IdParams, response: { 204: z.undefined(), ...problems } } },
    async (request, reply) => { await removeObjective(deps, actorOf(request), request.params.id); return reply.code(204).send(); });
};
