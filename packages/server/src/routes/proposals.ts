// Bottom-up planning: drafts proposed to the unit above, withdrawn, and adopted there.
import { IdParams, Proposal } from '@varde/core';
import { adoptProposal, proposeObjective, withdrawProposal } from '../app/proposals.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const proposalRoutes: RoutePlugin = (app, deps) => {
  app.post('/api/v1/objectives/:id/proposal', { schema: {
    tags: ['proposals'], summary: 'Propose a draft to the unit directly above (the proposing unit\'s members and admins)',
    description: 'No body. The unit above sees it among `proposals.received` in its plan for the cycle. 422 naming unitId for the organisation\'s own objectives (nothing above), naming status for an objective that is not a draft; 409 naming id when it is already proposed.',
    params: IdParams, response: { 201: Proposal, ...problems } } },
  async (request, reply) => reply.code(201).send(await proposeObjective(deps, actorOf(request), request.params.id)));
  app.delete('/api/v1/objectives/:id/proposal', { schema: {
    tags: ['proposals'], summary: "Withdraw the objective's open proposal (the proposing unit's members and admins)",
    description: 'Answers the proposal, now withdrawn; 404 when the objective has no open proposal.',
    params: IdParams, response: { 200: Proposal, ...problems } } },
  async (request) => withdrawProposal(deps, actorOf(request), request.params.id));
  app.post('/api/v1/proposals/:id/adopt', { schema: {
    tags: ['proposals'], summary: 'Adopt a proposal as a draft of the receiving unit (its members and admins)',
    description: 'In one transaction: a draft of the receiving unit for the same cycle with the proposed title, description and key results (no owners: the adopting unit names its own); the proposal adopted, naming it in adoptedObjectiveId; and the proposing objective aligned to it, so it pays into it. 409 naming state once the proposal is no longer open.',
    params: IdParams, response: { 200: Proposal, ...problems } } },
  async (request) => adoptProposal(deps, actorOf(request), request.params.id));
};
