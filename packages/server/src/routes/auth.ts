// Signing in and out, who am I, and the first-run set-up.
import { z } from 'zod';
import { LoginInput, Me, SetupInput } from '@varde/core';
import { login, logout, principalFor, setUp, type SignedIn } from '../app/session.js';
import { me } from '../app/people.js';
import { readOrganisation } from '../app/organisation.js';
import { SESSION_COOKIE } from '../auth/sessionTokens.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';
import type { FastifyReply } from 'fastify';
import { findDefaultOrganisation } from '../store/organisations.js';

const SignedInAnswer = z.object({
  personId: z.string(), expiresAt: z.string(),
  /** Signed in with a one-time password: only GET /me and POST /me/password answer until it is replaced. */
  passwordChangeRequired: z.boolean(),
});

export const authRoutes: RoutePlugin = (app, deps) => {
  const setCookie = (reply: FastifyReply, s: SignedIn) => {
    reply.setCookie(SESSION_COOKIE, s.token, {
      path: '/', httpOnly: true, sameSite: 'lax', secure: deps.security.secureCookies, expires: s.expiresAt,
    });
    return { personId: s.personId, expiresAt: s.expiresAt.toISOString(), passwordChangeRequired: s.passwordChangeRequired ?? false };
  };

  app.post('/api/v1/auth/login', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Sign in with e-mail and password; sets an HttpOnly session cookie', body: LoginInput, response: { 200: SignedInAnswer, 400: problems[400], 401: problems[401] } },
  }, async (request, reply) => setCookie(reply, await login(deps, request.body)));

  app.post('/api/v1/auth/logout', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Sign out: ends the session', response: { 204: z.undefined() } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(deps, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/v1/me', { schema: { tags: ['auth'], summary: 'The signed-in person and their organisation', response: { 200: Me, ...problems } } }, async (request) => {
    const actor = actorOf(request);
    const [person, org] = await Promise.all([me(deps, actor), readOrganisation(deps, actor)]);
    return { person, organisation: { id: org.id, name: org.name, language: org.language } };
  });

  const SetupState = z.object({ needsSetup: z.boolean(), demo: z.boolean(), signedIn: z.boolean() });
  app.get('/api/v1/setup', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'Whether this installation still needs its first-run set-up, and whether it holds demo data', response: { 200: SetupState } },
  }, async (request) => {
    const org = await findDefaultOrganisation(deps.store.db);
    const token = request.cookies[SESSION_COOKIE];
    return { needsSetup: !org, demo: org?.isDemo ?? false, signedIn: token ? (await principalFor(deps, token)) !== undefined : false };
  });

  app.post('/api/v1/setup', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'First-run set-up of an empty installation: organisation and first admin. Works once.', body: SetupInput, response: { 201: SignedInAnswer, 400: problems[400], 409: problems[409] } },
  }, async (request, reply) => {
    const signedIn = await setUp(deps, request.body);
    return reply.code(201).send(setCookie(reply, signedIn));
  });
};
