// Every /api/v1 route needs a session, except the few marked public (health, login, set-up, docs).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, Deps } from '../app/context.js';
import { principalFor } from '../app/session.js';
import { sessionTokenOf } from './sessionCookie.js';
import { AppError, unauthorised } from '../app/errors.js';

declare module 'fastify' {
  interface FastifyRequest { actor: Actor | null }
  interface FastifyContextConfig { public?: boolean }
}

/** What a person who must replace a one-time password may still do. */
const WHILE_PASSWORD_CHANGE_REQUIRED = new Set(['GET /api/v1/me', 'POST /api/v1/me/password', 'POST /api/v1/auth/logout', 'POST /api/v1/auth/logout-everywhere']);

const passwordChangeRequired = () => new AppError(403, 'Forbidden', 'Choose your own password first: POST /api/v1/me/password',
  [{ field: 'password', message: 'must be changed before anything else', code: 'password_change_required' }]);

/** The docs page's routes come from a plugin; they are public like the document they show. */
const DOCS = '/api/v1/docs';

export function installAuthentication(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    // The matched route's pattern counts as well as the raw URL: /%61pi/v1/units reaches the
    // same route as /api/v1/units and must be guarded the same.
    const route = request.routeOptions.url;
    const underApi = request.url.startsWith('/api/') || route?.startsWith('/api/') === true;
    if (!underApi || (route ?? request.url).startsWith(DOCS) || request.routeOptions.config.public) return;
    const token = sessionTokenOf(request, deps);
    const actor = token ? await principalFor(deps, token) : undefined;
    if (!actor) throw unauthorised('Sign in first: POST /api/v1/auth/login');
    if (actor.passwordChangeRequired && !WHILE_PASSWORD_CHANGE_REQUIRED.has(`${request.method} ${route}`)) throw passwordChangeRequired();
    request.actor = actor;
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorised();
  return request.actor;
}
