// The coach's hints dismissed with a reason, and the dismissals taken back.
import { HintDismissalCreate, HintDismissalView, IdParams } from '@varde/core';
import { z } from 'zod';
import { dismissHint, reinstateHint } from '../app/hints.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const hintRoutes: RoutePlugin = (app, deps) => {
  app.post('/api/v1/hints/dismissals', { schema: {
    tags: ['hints'], summary: "Dismiss one of the coach's hints on an objective, a key result or a unit's plan, with the reason (the unit's members and admins)",
    description: 'The hint stays in the answers, with its `dismissal` (the reason, who and when) set. A hint is dismissed once (409 naming code); an unknown subject is 422 naming subjectId.',
    body: HintDismissalCreate, response: { 201: HintDismissalView, ...problems } } },
  async (request, reply) => reply.code(201).send(await dismissHint(deps, actorOf(request), request.body)));
  app.delete('/api/v1/hints/dismissals/:id', { schema: {
    tags: ['hints'], summary: 'Take a dismissal back: the hint shows as not dismissed again (the unit\'s members and admins)',
    params: IdParams, response: { 204: z.undefined().describe('Taken back'), ...problems } } },
  async (request, reply) => {
    await reinstateHint(deps, actorOf(request), request.params.id);
    return reply.code(204).send();
  });
};
