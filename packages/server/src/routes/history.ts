// The history of an objective and of a key result: every recorded change, newest first.
import { EventPage, IdParams, ListQuery } from '@varde/core';
import { readKeyResultHistory, readObjectiveHistory } from '../app/history.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const historyRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/objectives/:id/history', { schema: {
    tags: ['history'], summary: "An objective's history, newest first: its own changes, its key results' and their check-ins",
    description: 'Each entry is one recorded event: its type, when, who (actor; null for Varde itself), what it is about (subject) and, for each field that changed, its value before and after (a created object has every field with before null). names holds the names of the people, periods and other things the values refer to by id.',
    params: IdParams, querystring: ListQuery, response: { 200: EventPage, ...problems } } },
    async (request) => readObjectiveHistory(deps, actorOf(request), request.params.id, request.query.limit, request.query.cursor));
  app.get('/api/v1/key-results/:id/history', { schema: {
    tags: ['history'], summary: "A key result's history, newest first: its changes and its check-ins",
    params: IdParams, querystring: ListQuery, response: { 200: EventPage, ...problems } } },
    async (request) => readKeyResultHistory(deps, actorOf(request), request.params.id, request.query.limit, request.query.cursor));
};
