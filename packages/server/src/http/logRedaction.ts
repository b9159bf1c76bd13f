// Logs never carry a credential: the session cookie (and any cookie or Authorization header a
// serializer or a log call might include), and a password or set-up token wherever a log call puts
// one — a body logged while chasing a bug, an object that happens to hold one. pino replaces each
// with "[Redacted]" as it writes, so no log call has to remember.
import type { FastifyServerOptions } from 'fastify';

const SECRET_FIELDS = ['password', 'currentPassword', 'newPassword', 'setupToken'];
const SECRET_HEADERS = ['cookie', 'authorization', 'set-cookie', 'x-setup-token'];

export const redactedPaths: string[] = [
  ...['req.headers', 'request.headers', 'res.headers', 'reply.headers', 'headers'].flatMap((at) => SECRET_HEADERS.map((h) => `${at}["${h}"]`)),
  // Up to three levels deep: { password }, { body: { password } }, { req: { body: { admin: { password } } } }.
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`]),
];

type LoggerOption = FastifyServerOptions['logger'];

/** The logger options with redaction added; `false` (no logger) stays as it is. */
export function redactedLogger(logger: LoggerOption): LoggerOption {
  if (!logger) return false;
  return { ...(logger === true ? {} : logger), redact: { paths: redactedPaths, censor: '[Redacted]' } };
}
