// Every /api/v1 route needs a session, except the few marked public (health, login, set-up, docs).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, Deps } from '../app/context.js';
import { principalFor } from '../app/session.js';
import { SESSION_COOKIE } from '../auth/sessionTokens.js';
import { unauthorised } from '../app/errors.js';

declare module 'fastify' {
  interface FastifyRequest { actor: Actor | null }
  interface FastifyContextConfig { public?: boolean }
}

/** The docs page's routes come from a plugin; they are public like the document they show. */
const DOCS = '/api/v1/docs';

export function installAuthentication(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith(DOCS) || request.routeOptions.config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    const actor = token ? await principalFor(deps, token) : undefined;
    if (!actor) throw unauthorised('Sign in first: POST /api/v1/auth/login');
    request.actor = actor;
  });
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorised();
  return request.actor;
}
