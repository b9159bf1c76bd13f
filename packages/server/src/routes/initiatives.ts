// Initiatives.
import { Deletion, IdParams, Initiative, InitiativeCreate, InitiativePatch, InitiativeQuery, page } from '@varde/core';
import { addInitiative, changeInitiative, readInitiatives } from '../app/initiatives.js';
import { trashInitiative } from '../app/trash.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const initiativeRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/initiatives', { schema: { tags: ['initiatives'], summary: 'Initiatives, filtered by unit, period, key result or owner', querystring: InitiativeQuery, response: { 200: page(Initiative), ...problems } } },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      return readInitiatives(deps, actorOf(request), filter, limit, cursor);
    });
  app.post('/api/v1/initiatives', { schema: { tags: ['initiatives'], body: InitiativeCreate, response: { 201: Initiative, ...problems } } },
    async (request, reply) => reply.code(201).send(await addInitiative(deps, actorOf(request), request.body)));
  app.patch('/api/v1/initiatives/:id', { schema: { tags: ['initiatives'], params: IdParams, body: InitiativePatch, response: { 200: Initiative, ...problems } } },
    async (request) => changeInitiative(deps, actorOf(request), request.params.id, request.body));
  app.delete('/api/v1/initiatives/:id', { schema: {
    tags: ['initiatives'], summary: 'Delete an initiative with its links to key results, into the trash',
    description: 'Answers the undoId that POST /api/v1/trash/{undoId}/restore takes to put it back, until restorableUntil.',
    params: IdParams, response: { 200: Deletion, ...problems } } },
    async (request) => trashInitiative(deps, actorOf(request), request.params.id));
};
