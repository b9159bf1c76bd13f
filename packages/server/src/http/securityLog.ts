// Security events, one log line each, for whoever watches the logs: who signed in, who failed and
// from where, who was locked out or refused. Never a password or a token.
import type { FastifyInstance, FastifyRequest } from 'fastify';

export type SecurityEventKind =
  | 'sign-in' | 'sign-in-failed' | 'locked-out' | 'forbidden' | 'set-up' | 'demo-ended' | 'sign-out' | 'sign-out-everywhere' | 'sessions-ended';

export function securityEvent(request: FastifyRequest, kind: SecurityEventKind, fields: { personId?: string; email?: string; [key: string]: unknown } = {}): void {
  const personId = fields.personId ?? request.actor?.personId;
  request.log.info({ event: 'security', kind, ...fields, ...(personId ? { personId } : {}), address: request.ip }, `security: ${kind}`);
}

/** Every 403, whichever check refused it (a policy, the Origin check). */
export function installSecurityLog(app: FastifyInstance): void {
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode === 403) securityEvent(request, 'forbidden', { method: request.method, url: request.url.split('?')[0] });
    done();
  });
}
