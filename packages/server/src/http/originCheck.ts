// Cross-site request forgery: a browser attaches the session cookie to a form another site posts
// here. SameSite=Lax keeps it off most cross-site posts; this check refuses the rest (and same-site
// ones from a sibling subdomain) by the Origin header, or Sec-Fetch-Site where Origin is absent.
// A request with neither comes from no browser (curl, a script) and is not what CSRF forges.
// Signing in and setting up are checked with or without a cookie: a forged sign-in would put the
// visitor into the attacker's account, where what they type lands for the attacker to read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { forbidden } from '../app/errors.js';
import { carriesSessionCookie } from './sessionCookie.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const OPENS_A_SESSION = new Set(['/api/v1/auth/login', '/api/v1/setup']);

/** An origin as browsers write it: lower case, without the scheme's default port. */
const normalised = (origin: string): string => origin.toLowerCase().replace(/^(http:\/\/[^/]+):80$|^(https:\/\/[^/]+):443$/, '$1$2');

/** Varde's own origin as this request reached it (through trusted proxies, as Fastify reads them). */
export function ownOrigin(request: FastifyRequest): string {
  return normalised(`${request.protocol}://${request.host}`);
}

export function fromOwnOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (origin !== undefined) return normalised(origin) === ownOrigin(request);
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  return true;
}

export function installOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (!STATE_CHANGING.has(request.method) || fromOwnOrigin(request)) return done();
    if (!carriesSessionCookie(request) && !OPENS_A_SESSION.has(request.routeOptions.url ?? '')) return done();
    done(forbidden(`This request comes from another site (${request.headers.origin ?? request.headers['sec-fetch-site']}); Varde accepts changes only from ${ownOrigin(request)}`));
  });
}
