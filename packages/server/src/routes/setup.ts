// The first-run set-up of an empty installation, and ending the demo so that it can be set up.
import { z } from 'zod';
import { SetupInput, SetupState } from '@varde/core';
import { endDemo, setUp, setupState } from '../app/setup.js';
import { actorOf } from '../http/authenticate.js';
import { clearSessionCookie, sessionTokenOf } from '../http/sessionCookie.js';
import { securityEvent } from '../http/securityLog.js';
import { problems, type RoutePlugin } from './types.js';
import { signedInAnswer, SignedInAnswer } from './auth.js';

export const setupRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/setup', {
    config: { public: true },
    schema: { tags: ['setup'], summary: 'Whether this installation still needs its first-run set-up (and a set-up token for it), and whether it holds demo data', response: { 200: SetupState } },
  }, async (request) => setupState(deps, sessionTokenOf(request, deps)));

  app.post('/api/v1/setup', {
    config: { public: true },
    schema: {
      tags: ['setup'],
      summary: "First-run set-up of an empty installation: organisation and first admin. Works once. Beyond loopback it needs setupToken, printed in Varde's log.",
      body: SetupInput, response: { 201: SignedInAnswer, 400: problems[400], 403: problems[403], 409: problems[409], 422: problems[422] },
    },
  }, async (request, reply) => {
    const signedIn = await setUp(deps, request.body);
    securityEvent(request, 'set-up', { personId: signedIn.personId });
    return reply.code(201).send(signedInAnswer(request, reply, deps, signedIn));
  });

  app.delete('/api/v1/demo', {
    schema: { tags: ['setup'], summary: 'End the demo (admins): removes the demo organisation and everything in it, and signs out; set-up then opens', response: { 204: z.undefined(), ...problems } },
  }, async (request, reply) => {
    await endDemo(deps, actorOf(request));
    securityEvent(request, 'demo-ended', {});
    clearSessionCookie(request, reply, deps);
    return reply.code(204).send();
  });
};
