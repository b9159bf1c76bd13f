// The people of the organisation.
import { IdParams, OneTimePassword, page, PeopleQuery, Person, PersonCreate, PersonPatch } from '@varde/core';
import { z } from 'zod';
import { addPerson, changePerson, endSessionsOfPerson, readPeople, readPerson } from '../app/people.js';
import { setOneTimePassword } from '../app/accounts.js';
import { actorOf } from '../http/authenticate.js';
import { securityEvent } from '../http/securityLog.js';
import { problems, type RoutePlugin } from './types.js';

export const peopleRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/people', {
    schema: {
      tags: ['people'], summary: 'Everyone in the organisation, or those the filters choose (all of them apply)',
      description: 'A screen asks for the people it names rather than reading everyone. `ids`: up to 100 ids separated by commas (`?ids=a,b`); an id of nobody in the organisation is left out. `unit`: that unit\'s members. `q`: names containing the text in any case and script; with `q` the list is in order of name, then id (`?q=` alone: everyone, by name), and `cursor` continues in that order. The filters apply together; an owner\'s search asks for the unit\'s members and for `q` as typed.',
      querystring: PeopleQuery, response: { 200: page(Person), ...problems },
    },
  }, async (request) => readPeople(deps, actorOf(request), request.query));
  app.get('/api/v1/people/:id', { schema: { tags: ['people'], params: IdParams, response: { 200: Person, ...problems } } },
    async (request) => readPerson(deps, actorOf(request), request.params.id));
  app.post('/api/v1/people', { schema: { tags: ['people'], summary: 'Add a person with a password (admins)', body: PersonCreate, response: { 201: Person, ...problems } } },
    async (request, reply) => reply.code(201).send(await addPerson(deps, actorOf(request), request.body)));
  app.delete('/api/v1/people/:id/sessions', { schema: { tags: ['people'], summary: 'Sign a person out everywhere: ends all their sessions (admins)', params: IdParams, response: { 204: z.undefined(), ...problems } } },
    async (request, reply) => {
      const ended = await endSessionsOfPerson(deps, actorOf(request), request.params.id);
      securityEvent(request, 'sessions-ended', { targetPersonId: request.params.id, sessions: ended });
      return reply.code(204).send();
    });
  app.patch('/api/v1/people/:id', {
    schema: {
      tags: ['people'], summary: 'Change name, e-mail or admin right; deactivate (active: false, ends their sessions) or reactivate a person (admins)',
      params: IdParams, body: PersonPatch, response: { 200: Person, ...problems },
    },
  }, async (request) => changePerson(deps, actorOf(request), request.params.id, request.body));
  app.post('/api/v1/people/:id/password-reset', {
    schema: {
      tags: ['people'], summary: 'Set a random one-time password, shown only in this answer; the person chooses their own at the next sign-in, and their sessions end (admins)',
      params: IdParams, response: { 200: OneTimePassword, ...problems },
    },
  }, async (request) => setOneTimePassword(deps, actorOf(request), request.params.id));
};
