// Flags on two key results that contradict each other.
import { Contradiction, ContradictionCreate, ContradictionQuery, IdParams, page } from '@varde/core';
import { clearContradictionFlag, flagContradiction, readContradictions } from '../app/contradictions.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

const WHO = 'Members of either key result\'s unit or of a unit above it, and admins.';

export const contradictionRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/contradictions', { schema: { tags: ['contradictions'], summary: 'Flags on key results that contradict each other, on a key result of ?unit=; standing ones unless ?cleared=true', querystring: ContradictionQuery, response: { 200: page(Contradiction), ...problems } } },
    async (request) => {
      const { unit, cleared, limit, cursor } = request.query;
      return readContradictions(deps, actorOf(request), { unitIds: unit ? [unit] : undefined, cleared: cleared === 'true' }, limit, cursor);
    });
  app.post('/api/v1/contradictions', { schema: { tags: ['contradictions'], summary: 'Flag two key results (of any units) as contradicting each other, with a note', description: `${WHO} The same two flagged already answer 409 already_flagged.`, body: ContradictionCreate, response: { 201: Contradiction, ...problems } } },
    async (request, reply) => reply.code(201).send(await flagContradiction(deps, actorOf(request), request.body)));
  app.delete('/api/v1/contradictions/:id', { schema: { tags: ['contradictions'], summary: 'Clear a flag: the two no longer contradict each other. The flag is kept, cleared (?cleared=true lists it)', description: WHO, params: IdParams, response: { 200: Contradiction, ...problems } } },
    async (request) => clearContradictionFlag(deps, actorOf(request), request.params.id));
};
