// Dependencies between units.
import { Dependency, DependencyCreate, DependencyPatch, DependencyQuery, IdParams, page } from '@varde/core';
import { changeDependency, raiseDependency, readDependencies, readDependency } from '../app/dependencies.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const dependencyRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/dependencies', { schema: {
    tags: ['dependencies'], summary: 'Dependencies between units, both directions of a unit with ?unit=, filtered by state',
    description: 'With ?unit= the list holds what that unit raised on others and what others raised on it. ?state=open lists every one not resolved. Each says whether it has waited unanswered for a week (`unanswered`) and which steps the person asking may take (`can`).',
    querystring: DependencyQuery, response: { 200: page(Dependency), ...problems } } },
  async (request) => {
    const { limit, cursor, unit, state } = request.query;
    return readDependencies(deps, actorOf(request), { unit, state }, limit, cursor);
  });
  app.post('/api/v1/dependencies', { schema: {
    tags: ['dependencies'], summary: "Raise a dependency: what the unit needs from another, for which of its key results or objectives, by when (the raising unit's members and admins)",
    description: 'Starts as requested. The key result and the objective must be the raising unit\'s (422 not_of_raising_unit); naming a key result is enough for its objective.',
    body: DependencyCreate, response: { 201: Dependency, ...problems } } },
  async (request, reply) => reply.code(201).send(await raiseDependency(deps, actorOf(request), request.body)));
  app.get('/api/v1/dependencies/:id', { schema: { tags: ['dependencies'], summary: 'One dependency with each of its steps', params: IdParams, response: { 200: Dependency, ...problems } } },
    async (request) => readDependency(deps, actorOf(request), request.params.id));
  app.patch('/api/v1/dependencies/:id', { schema: {
    tags: ['dependencies'], summary: 'Take the next step: acknowledge or decline (the asked unit\'s members), resolve (members of either unit)',
    description: 'requested → acknowledged | declined → resolved. A decline needs its reason in `reply` (422 naming reply); a step the flow does not have answers 409 naming state; a member of neither unit 403.',
    params: IdParams, body: DependencyPatch, response: { 200: Dependency, ...problems } } },
  async (request) => changeDependency(deps, actorOf(request), request.params.id, request.body));
};
