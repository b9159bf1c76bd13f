// Signing in and out, and who am I.
import { z } from 'zod';
import { LoginInput, Me } from '@varde/core';
import { login, logout, type SignedIn } from '../app/session.js';
import { me } from '../app/people.js';
import { readOrganisation } from '../app/organisation.js';
import { SESSION_COOKIE } from '../auth/sessionTokens.js';
import { actorOf } from '../http/authenticate.js';
import type { Deps } from '../app/context.js';
import { problems, type RoutePlugin } from './types.js';
import type { FastifyReply } from 'fastify';

export const SignedInAnswer = z.object({ personId: z.string(), expiresAt: z.string() });

/** Hands the new session to the browser as an HttpOnly cookie and answers what a client may see of it. */
export function setSessionCookie(reply: FastifyReply, deps: Deps, s: SignedIn): z.infer<typeof SignedInAnswer> {
  reply.setCookie(SESSION_COOKIE, s.token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: deps.security.secureCookies, expires: s.expiresAt,
  });
  return { personId: s.personId, expiresAt: s.expiresAt.toISOString() };
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export const authRoutes: RoutePlugin = (app, deps) => {
  app.post('/api/v1/auth/login', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Sign in with e-mail and password; sets an HttpOnly session cookie', body: LoginInput, response: { 200: SignedInAnswer, 400: problems[400], 401: problems[401] } },
  }, async (request, reply) => setSessionCookie(reply, deps, await login(deps, request.body)));

  app.post('/api/v1/auth/logout', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 204: z.undefined() } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(deps, token);
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.get('/api/v1/me', { schema: { tags: ['auth'], summary: 'The signed-in person and their organisation', response: { 200: Me, ...problems } } }, async (request) => {
    const actor = actorOf(request);
    const [person, org] = await Promise.all([me(deps, actor), readOrganisation(deps, actor)]);
    return { person, organisation: { id: org.id, name: org.name, language: org.language } };
  });
};
