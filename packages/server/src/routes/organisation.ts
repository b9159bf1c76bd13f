// The organisation and its strategy.
import { Organisation, OrganisationPatch } from '@varde/core';
import { changeOrganisation, readOrganisation } from '../app/organisation.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const organisationRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/organisation', { schema: { tags: ['organisation'], summary: 'The organisation with its strategy', response: { 200: Organisation, ...problems } } },
    async (request) => readOrganisation(deps, actorOf(request)));
  app.patch('/api/v1/organisation', { schema: { tags: ['organisation'], summary: 'Change the organisation or its strategy (admins)', body: OrganisationPatch, response: { 200: Organisation, ...problems } } },
    async (request) => changeOrganisation(deps, actorOf(request), request.body));
};
