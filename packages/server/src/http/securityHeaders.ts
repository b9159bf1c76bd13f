// The headers that keep a browser from being turned against Varde's users: a Content-Security-Policy
// that runs only our own files (no inline style, nothing from elsewhere, no framing, and no inline
// script but the one, allowed by its hash, that starts the app after a first view), HSTS once the
// request came over HTTPS, and API answers that no cache keeps (they hold a person's data and are
// only valid for the session that asked). The web app and the API docs page both live with this
// one policy: their style props go through the CSSOM, which a policy does not govern. Swagger UI's stylesheet draws its icons from data: images.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { BOOT_SCRIPT_HASH } from './firstView.js';

// The two <style> elements React Aria adds itself, allowed by their exact text and nothing else:
// usePress makes pressable elements skip the double-tap delay, and usePreventScroll keeps a modal's
// scrolling from reaching the page behind it on iOS. If an upgrade changes either text, the e2e
// test (e2e/securityHeaders.e2e.ts) reports the violation.
const reactAriaStyles = [
  '@layer {\n  [data-react-aria-pressable] {\n    touch-action: pan-x pan-y pinch-zoom;\n  }\n}',
  '@layer {\n  * {\n    overscroll-behavior: contain;\n  }\n}',
];
const styleHashes = reactAriaStyles.map((text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`);

export const cspDirectives: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  // Our own files, and the one inline script that starts the app after a first view (firstView.ts).
  'script-src': ["'self'", BOOT_SCRIPT_HASH],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", ...styleHashes],
};

export const contentSecurityPolicy = Object.entries(cspDirectives).map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');

/** A year; browsers then go straight to HTTPS for this host without trying HTTP first. Not
 *  includeSubDomains: Varde may run on an organisation's own domain, whose other hosts are not ours. */
const HSTS = 'max-age=31536000';

// Swagger UI's own files (1.5 MB of script) under the docs page: public library code, so a browser
// may keep them and ask again with the ETag rather than fetch them on every visit.
const DOCS_FILES = '/api/v1/docs/static/';

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.routeOptions.url?.startsWith('/api/') === true;
}

/** What every answer carries that depends on the request: how it may be cached, and HSTS. */
function requestDependentHeaders(request: FastifyRequest, reply: FastifyReply): void {
  if (isApi(request)) reply.header('cache-control', (request.routeOptions.url ?? request.url).startsWith(DOCS_FILES) ? 'no-cache' : 'no-store');
  // request.protocol believes X-Forwarded-Proto only from a trusted proxy, so a client on plain
  // HTTP cannot ask for HSTS (which would lock its own browser out of an HTTP-only Varde).
  if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
}

/** helmet's headers, worked out once: none of them depends on the request, and building helmet's
 *  middleware for every request (as @fastify/helmet does) cost the check-in path about 10 µs. */
export const staticSecurityHeaders: Readonly<Record<string, string>> = (() => {
  const headers: Record<string, string> = {};
  const collect = {
    setHeader(name: string, value: string | number) { headers[name.toLowerCase()] = String(value); },
    removeHeader(name: string) { delete headers[name.toLowerCase()]; },
  };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: cspDirectives },
    // Sent per request below, only over HTTPS.
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  })({} as IncomingMessage, collect as unknown as ServerResponse, () => {});
  return Object.freeze(headers);
})();

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(staticSecurityHeaders);
    done();
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    requestDependentHeaders(request, reply);
    done(null, payload);
  });
}

/** For the few answers Fastify makes before any hook runs (a URL it cannot route): the same
 *  headers, set by hand. */
export function setSecurityHeadersOutsideHooks(request: FastifyRequest, reply: FastifyReply): void {
  reply.headers(staticSecurityHeaders);
  requestDependentHeaders(request, reply);
}
