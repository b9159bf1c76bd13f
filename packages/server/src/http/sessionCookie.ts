// The session cookie: HttpOnly and SameSite=Lax always; Secure under the __Host- name whenever
// Varde is reached over HTTPS (directly or through a trusted proxy) or VARDE_SECURE_COOKIES=1.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../app/context.js';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../auth/sessionTokens.js';

function secureFor(request: FastifyRequest, deps: Deps): boolean {
  return deps.security.secureCookies || request.protocol === 'https';
}

export function sessionCookieName(request: FastifyRequest, deps: Deps): string {
  return secureFor(request, deps) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The token of the cookie that fits this request; the other name is ignored, so a cookie set
 *  over plain HTTP never authenticates an HTTPS request. */
export function sessionTokenOf(request: FastifyRequest, deps: Deps): string | undefined {
  return request.cookies[sessionCookieName(request, deps)] || undefined;
}

/** Whether the request carries a session cookie of either name (for the Origin check). */
export function carriesSessionCookie(request: FastifyRequest): boolean {
  return Boolean(request.cookies[SESSION_COOKIE] || request.cookies[SECURE_SESSION_COOKIE]);
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, deps: Deps, token: string, expires: Date): void {
  reply.setCookie(sessionCookieName(request, deps), token, {
    path: '/', httpOnly: true, sameSite: 'lax', secure: secureFor(request, deps), expires,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, deps: Deps): void {
  reply.clearCookie(sessionCookieName(request, deps), { path: '/', httpOnly: true, sameSite: 'lax', secure: secureFor(request, deps) });
}
