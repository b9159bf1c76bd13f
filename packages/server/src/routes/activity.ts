// Team activity: what happened on a unit's OKRs, and on Mine, on my units since my last visit.
import { z } from 'zod';
import { ActivitySeen, EventPage, IdParams, ListQuery, MyActivity } from '@varde/core';
import { markMyActivitySeen, readMyActivity, readUnitActivity } from '../app/activity.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const activityRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/units/:id/activity', { schema: {
    tags: ['units'], summary: "What happened on the unit's OKRs, newest first: its objectives, key results, check-ins and initiatives",
    params: IdParams, querystring: ListQuery, response: { 200: EventPage, ...problems } } },
    async (request) => readUnitActivity(deps, actorOf(request), request.params.id, request.query.limit, request.query.cursor));
  app.get('/api/v1/me/activity', { schema: {
    tags: ['auth'], summary: 'What others did on the OKRs of my units since I last marked it seen, newest first',
    description: 'The events after seenSeq (everything before the first visit), of the units I am a member of, less my own. Mark them seen with POST /api/v1/me/activity/seen and the lastSeq given here, and the next visit starts after it.',
    querystring: ListQuery, response: { 200: MyActivity, ...problems } } },
    async (request) => readMyActivity(deps, actorOf(request), request.query.limit, request.query.cursor));
  app.post('/api/v1/me/activity/seen', { schema: {
    tags: ['auth'], summary: 'Mark my units\' activity seen up to seq (the lastSeq of GET /api/v1/me/activity); the mark never moves back',
    body: ActivitySeen, response: { 204: z.undefined(), ...problems } } },
    async (request, reply) => { await markMyActivitySeen(deps, actorOf(request), request.body.seq); return reply.code(204).send(); });
};
