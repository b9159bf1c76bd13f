// Signing in and out, and who am I.
import { z } from 'zod';
import { LoginInput, Me, Problem } from '@varde/core';
import { login, logout, logoutEverywhere, principalFor, type SignedIn } from '../app/session.js';
import { me } from '../app/people.js';
import { readOrganisation } from '../app/organisation.js';
import { actorOf } from '../http/authenticate.js';
import { clearSessionCookie, sessionTokenOf, setSessionCookie } from '../http/sessionCookie.js';
import { securityEvent } from '../http/securityLog.js';
import { AppError, TooManyRequests } from '../app/errors.js';
import { problems, type RoutePlugin } from './types.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../app/context.js';

export const SignedInAnswer = z.object({
  personId: z.string(), expiresAt: z.string(),
  /** Signed in with a one-time password: only GET /me and POST /me/password answer until it is replaced. */
  passwordChangeRequired: z.boolean(),
});

/** Hands a new session to the browser as its cookie and answers what a client may see of it. */
export function signedInAnswer(request: FastifyRequest, reply: FastifyReply, deps: Deps, s: SignedIn): z.infer<typeof SignedInAnswer> {
  setSessionCookie(request, reply, deps, s.token, s.expiresAt);
  return { personId: s.personId, expiresAt: s.expiresAt.toISOString(), passwordChangeRequired: s.passwordChangeRequired ?? false };
}

export const authRoutes: RoutePlugin = (app, deps) => {
  const setCookie = (request: FastifyRequest, reply: FastifyReply, s: SignedIn) => signedInAnswer(request, reply, deps, s);

  app.post('/api/v1/auth/login', {
    config: { public: true },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with e-mail and password; sets an HttpOnly session cookie and ends the session the browser had. After 5 failures for one e-mail address, or 20 from one client address, within 15 minutes: 429 with Retry-After',
      body: LoginInput, response: { 200: SignedInAnswer, 400: problems[400], 401: problems[401], 429: Problem },
    },
  }, async (request, reply) => {
    const replacingToken = sessionTokenOf(request, deps);
    try {
      const signedIn = await login(deps, request.body, { address: request.ip, ...(replacingToken ? { replacingToken } : {}) });
      securityEvent(request, 'sign-in', { personId: signedIn.personId });
      return setCookie(request, reply, signedIn);
    } catch (error) {
      if (error instanceof TooManyRequests) {
        reply.header('retry-after', String(error.retryAfterSeconds));
        securityEvent(request, 'locked-out', { email: request.body.email, retryAfterSeconds: error.retryAfterSeconds });
      } else if (error instanceof AppError && error.status === 401) {
        securityEvent(request, 'sign-in-failed', { email: request.body.email });
      }
      throw error;
    }
  });

  app.post('/api/v1/auth/logout', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 204: z.undefined() } },
  }, async (request, reply) => {
    const token = sessionTokenOf(request, deps);
    if (token) {
      const actor = await principalFor(deps, token);
      await logout(deps, token);
      if (actor) securityEvent(request, 'sign-out', { personId: actor.personId });
    }
    clearSessionCookie(request, reply, deps);
    return reply.code(204).send();
  });

  app.post('/api/v1/auth/logout-everywhere', {
    schema: { tags: ['auth'], summary: 'Sign out everywhere: ends every session of the signed-in person, this one included', response: { 204: z.undefined(), ...problems } },
  }, async (request, reply) => {
    const ended = await logoutEverywhere(deps, actorOf(request));
    securityEvent(request, 'sign-out-everywhere', { sessions: ended });
    clearSessionCookie(request, reply, deps);
    return reply.code(204).send();
  });

  app.get('/api/v1/me', { schema: { tags: ['auth'], summary: 'The signed-in person and their organisation', response: { 200: Me, ...problems } } }, async (request) => {
    const actor = actorOf(request);
    const [person, org] = await Promise.all([me(deps, actor), readOrganisation(deps, actor)]);
    return { person, organisation: { id: org.id, name: org.name, language: org.language } };
  });
};
