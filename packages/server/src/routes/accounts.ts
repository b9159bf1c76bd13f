// The signed-in person's own password.
import { z } from 'zod';
import { PasswordChange } from '@varde/core';
import { changeOwnPassword } from '../app/accounts.js';
import { SESSION_COOKIE, sessionId } from '../auth/sessionTokens.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const accountRoutes: RoutePlugin = (app, deps) => {
  app.post('/api/v1/me/password', {
    schema: {
      tags: ['auth'], summary: 'Change your own password (at least 12 characters, not a common one); ends your other sessions, keeps this one',
      body: PasswordChange, response: { 204: z.undefined(), ...problems },
    },
  }, async (request, reply) => {
    // Authentication let the request through, so the cookie is there.
    await changeOwnPassword(deps, actorOf(request), sessionId(request.cookies[SESSION_COOKIE]!), request.body);
    return reply.code(204).send();
  });
};
