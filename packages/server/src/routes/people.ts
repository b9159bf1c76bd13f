// The people of the organisation.
import { IdParams, ListQuery, page, Person, PersonCreate } from '@varde/core';
import { addPerson, readPeople, readPerson } from '../app/people.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const peopleRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/people', { schema: { tags: ['people'], summary: 'Everyone in the organisation', querystring: ListQuery, response: { 200: page(Person), ...problems } } },
    async (request) => readPeople(deps, actorOf(request), request.query.limit, request.query.cursor));
  app.get('/api/v1/people/:id', { schema: { tags: ['people'], params: IdParams, response: { 200: Person, ...problems } } },
    async (request) => readPerson(deps, actorOf(request), request.params.id));
  app.post('/api/v1/people', { schema: { tags: ['people'], summary: 'Add a person with a password (admins)', body: PersonCreate, response: { 201: Person, ...problems } } },
    async (request, reply) => reply.code(201).send(await addPerson(deps, actorOf(request), request.body)));
};
