// What really happened when something failed, so that the screen can say it: no access, not
// found, a conflict, no network, a fault on the server, or something else.
export type ErrorKind = 'forbidden' | 'notFound' | 'conflict' | 'offline' | 'server' | 'signedOut' | 'refused' | 'unknown';

/** The kind of a failure: an HTTP status (from an ApiError or any object that carries one), or a
 *  fetch that never reached the server (a TypeError, or the browser knowing it is offline). */
export function errorKind(error: unknown, online = true): ErrorKind {
  const status = typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number'
    ? (error as { status: number }).status : undefined;
  if (status === undefined) return !online || error instanceof TypeError ? 'offline' : 'unknown';
  if (status === 0) return 'offline';
  if (status === 401) return 'signedOut';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  if (status === 409) return 'conflict';
  if (status >= 500) return 'server';
  return 'refused';
}
