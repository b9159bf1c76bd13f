// Every error leaves as an RFC 9457 problem document that names each bad field and says what is
// wrong with it, so a client can show the message at the field and a person can act on it.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldError, Problem } from '@varde/core';
import { AppError } from '../app/errors.js';
import { isAppNavigation } from './webApp.js';
import { issueCode } from './fieldErrorCodes.js';
import { contentSecurityPolicy, setSecurityHeadersOutsideHooks } from './securityHeaders.js';

const PROBLEM_TYPE = 'https://varde.no/problems/';

export function sendProblem(reply: FastifyReply, status: number, title: string, detail: string, errors?: FieldError[], extensions?: Pick<Problem, 'units'>): FastifyReply {
  const body: Problem = { type: `${PROBLEM_TYPE}${status}`, title, status, detail, ...(errors ? { errors } : {}), ...extensions };
  return reply.code(status).type('application/problem+json').send(JSON.stringify(body));
}

function friendly(message: string): string {
  if (/received undefined$/.test(message)) return 'is required';
  const m = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (m) return `must be ${m[1] === 'object' ? 'an object' : m[1] === 'array' ? 'a list' : `a ${m[1]}`} (got ${m[2]})`;
  if (/^Invalid option: expected one of /.test(message)) return message.replace(/^Invalid option: expected one of /, 'must be one of ');
  return message;
}

interface ValidationIssue { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> }

export function fieldErrors(issues: readonly ValidationIssue[], context: string | undefined): FieldError[] {
  const where = context === 'querystring' ? 'query' : context ?? 'body';
  return issues.flatMap((issue) => {
    const path = issue.instancePath.split('/').filter(Boolean).join('.');
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params.keys)) {
      return (issue.params.keys as string[]).map((key) => ({ field: path ? `${path}.${key}` : key, message: 'is not a known field', code: 'unknown_field' }));
    }
    const { code, params } = issueCode(issue.keyword, issue.message ?? '', issue.params);
    return [{ field: path || where, message: friendly(issue.message ?? 'is invalid'), code, ...(params ? { params } : {}) }];
  });
}

export function installProblemHandlers(app: FastifyInstance, options: { spa?: boolean } = {}): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrors(error.validation as unknown as ValidationIssue[], error.validationContext);
      const first = errors[0];
      return sendProblem(reply, 400, 'Bad Request', first ? `${first.field} ${first.message}` : 'The request is not valid', errors);
    }
    if (error instanceof AppError) return sendProblem(reply.headers(error.headers ?? {}), error.status, error.title, error.message, error.errors, error.extensions);
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own refusals: malformed JSON, wrong content type (415), body too large (413).
      const detail = error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
        ? 'The body is not valid JSON'
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Send the body as application/json' : error.message;
      return sendProblem(reply, status, STATUS_CODES[status] ?? 'Bad Request', detail,
        [{ field: 'body', message: detail, code: error.code ?? 'bad_request' }]);
    }
    request.log.error({ err: error }, 'request failed');
    return sendProblem(reply, 500, 'Internal Server Error', 'Something went wrong on our side; it has been logged');
  });
  app.setNotFoundHandler((request, reply) => {
    if (options.spa && isAppNavigation(request.method, request.url, request.headers.accept)) {
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    }
    const path = request.url.split('?')[0]!;
    // A segment longer than the router takes as a parameter never names anything; the web app's
    // catch-all route swallows it before the router can say so (see frameworkErrors below).
    if (path.split('/').some((segment) => segment.length > MAX_PARAM_LENGTH)) return uriTooLong(reply);
    const allowed = methodsFor(app, path);
    if (allowed.length > 0) {
      return sendProblem(reply.header('allow', allowed.join(', ')), 405, 'Method Not Allowed',
        `${path} does not take ${request.method}; it takes ${allowed.join(', ')}`);
    }
    return sendProblem(reply, 404, 'Not Found', `There is no ${request.method} ${path}`);
  });
}

/** The router's limit on a path parameter (Fastify's default); our ids are 36 characters. */
export const MAX_PARAM_LENGTH = 100;

const uriTooLong = (reply: FastifyReply) =>
  sendProblem(reply, 414, 'URI Too Long', `A part of the path is longer than ${MAX_PARAM_LENGTH} characters; no id is that long`);

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** The methods that have a route for this concrete path, leaving out catch-alls (the web app's
 *  files, the docs page's files), which would otherwise claim every path for GET. */
function methodsFor(app: FastifyInstance, path: string): string[] {
  return METHODS.filter((method) => {
    const route = app.findRoute({ method, url: path });
    return route !== null && !Object.hasOwn(route.params ?? {}, '*');
  });
}

/** Fastify's answers for URLs it cannot route at all — broken percent-encoding (400) and a path
 *  parameter over the router's limit (414) — as problem documents. These come before any hook,
 *  so the security headers are set here. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  setSecurityHeadersOutsideHooks(request, reply);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    uriTooLong(reply);
    return;
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    sendProblem(reply, 400, 'Bad Request', 'The path is not valid percent-encoding', [{ field: 'path', message: 'is not valid percent-encoding', code: 'bad_url' }]);
    return;
  }
  request.log.error({ err: error }, 'request failed before routing');
  sendProblem(reply, 500, 'Internal Server Error', 'Something went wrong on our side; it has been logged');
}

/** Requests Node's HTTP parser refuses before Fastify sees them — malformed (400), headers too
 *  large (431), too slow to arrive (408) — answered on the socket as problem documents, as
 *  Fastify's own handler does with its JSON. */
export function clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'The request did not arrive in time']
    : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'The request headers are too large']
    : [400, 'The request is not valid HTTP'];
  const title = STATUS_CODES[status]!;
  const body = JSON.stringify({ type: `${PROBLEM_TYPE}${status}`, title, status, detail } satisfies Problem);
  this.log.debug({ err: error }, 'client error');
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
      + `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nContent-Security-Policy: ${contentSecurityPolicy}\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
