// "Mine", the alignment picker's search and the team page's sparklines: reads made for the web app.
import { AlignmentTarget, AlignmentTargetQuery, CheckInHistory, IdParams, MyWork, UnitProgressQuery } from '@varde/core';
import { z } from 'zod';
import { readMyWork } from '../app/myWork.js';
import { findAlignmentTargets } from '../app/alignmentTargets.js';
import { readCheckInHistory } from '../app/checkInHistory.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const myWorkRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/me/work', { schema: { tags: ['auth'], summary: 'What I own and what needs me this week: key results (with checkInDue), initiatives, my units against expected', response: { 200: MyWork, ...problems } } },
    async (request) => readMyWork(deps, actorOf(request)));
  app.get('/api/v1/alignment-targets', { schema: { tags: ['objectives'], summary: 'Search what an objective can pay into: Moals, objectives and key results of the period and the years around it', querystring: AlignmentTargetQuery, response: { 200: z.object({ items: z.array(AlignmentTarget), nextCursor: z.null() }), ...problems } } },
    async (request) => ({ items: await findAlignmentTargets(deps, actorOf(request), request.query.period, request.query.q, request.query.limit), nextCursor: null }));
  app.get('/api/v1/units/:id/check-in-history', { schema: { tags: ['units'], summary: "Check-in series of the unit's key results in a period", params: IdParams, querystring: UnitProgressQuery, response: { 200: CheckInHistory, ...problems } } },
    async (request) => readCheckInHistory(deps, actorOf(request), request.params.id, request.query.period));
};
