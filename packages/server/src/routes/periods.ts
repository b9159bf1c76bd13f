// Periods: years and cycles.
import { IdParams, page, Period, PeriodCreate, PeriodPatch, PeriodQuery } from '@varde/core';
import { z } from 'zod';
import { addPeriod, changePeriod, readPeriod, readPeriods, removePeriod } from '../app/periods.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const periodRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/periods', { schema: { tags: ['periods'], summary: 'Years and cycles, oldest first (a year before the cycles it holds)', querystring: PeriodQuery, response: { 200: page(Period), ...problems } } },
    async (request) => readPeriods(deps, actorOf(request), request.query));
  app.post('/api/v1/periods', { schema: { tags: ['periods'], summary: 'Add a year or a cycle (admins)', body: PeriodCreate, response: { 201: Period, ...problems } } },
    async (request, reply) => reply.code(201).send(await addPeriod(deps, actorOf(request), request.body)));
  app.get('/api/v1/periods/:id', { schema: { tags: ['periods'], params: IdParams, response: { 200: Period, ...problems } } },
    async (request) => readPeriod(deps, actorOf(request), request.params.id));
  app.patch('/api/v1/periods/:id', { schema: { tags: ['periods'], summary: 'Rename, re-date, set the ritual dates of, or move a period through planning → active → review → closed (admins); to active is refused (409 unpublished_drafts, naming the units in errors[].params and units) while units have drafts in it, unless confirm is true', params: IdParams, body: PeriodPatch, response: { 200: Period, ...problems } } },
    async (request) => changePeriod(deps, actorOf(request), request.params.id, request.body));
  app.delete('/api/v1/periods/:id', { schema: { tags: ['periods'], summary: 'Delete a period made by mistake (admins): only while in planning (else 409 period_not_planning) and holding no objectives or initiatives (else 409 period_not_empty, with the counts in params)', params: IdParams, response: { 204: z.undefined(), ...problems } } },
    async (request, reply) => { await removePeriod(deps, actorOf(request), request.params.id); return reply.code(204).send(); });
};
