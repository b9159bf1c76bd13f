// The failures a use case can report; the HTTP layer turns each into a problem document.
import type { FieldError, Problem } from '@varde/core';

export class AppError extends Error {
  constructor(readonly status: number, readonly title: string, message: string, readonly errors?: FieldError[],
    /** Headers the answer carries besides the problem document, such as Retry-After. */
    readonly headers?: Record<string, string>,
    /** Members the problem document carries besides the standard ones (RFC 9457 extensions), as Problem declares them. */
    readonly extensions?: Pick<Problem, 'units'>) {
    super(message);
  }
}
export const notFound = (what: string) => new AppError(404, 'Not Found', `${what} does not exist`);
export const forbidden = (detail: string) => new AppError(403, 'Forbidden', detail);
export const unauthorised = (detail = 'Sign in first') => new AppError(401, 'Unauthorized', detail);
export const staleVersion = (what: string) =>
  new AppError(409, 'Conflict', `${what} was changed by someone else since you read it; reload it and apply your change again`,
    [{ field: 'version', message: 'is stale', code: 'stale' }]);
/** A write to the OKRs of an archived unit; `field` names the unit (unitId in a body) or the path's id. */
export const unitArchived = (field = 'id') =>
  new AppError(409, 'Conflict', "The unit is archived: its OKRs are read-only until an admin restores it",
    [{ field, message: 'belongs to an archived unit; restore the unit to change its OKRs', code: 'unit_archived' }]);
export const conflict = (detail: string) => new AppError(409, 'Conflict', detail);
/** A request that is well-formed but names something that does not fit: an unknown unit, a wrong state. */
export const invalid = (field: string, message: string, code = 'invalid') =>
  new AppError(422, 'Unprocessable Content', `${field} ${message}`, [{ field, message, code }]);
/** Too many attempts: the caller may try again after `retryAfterSeconds` (sent as Retry-After). */
export class TooManyRequests extends AppError {
  constructor(readonly retryAfterSeconds: number, detail: string, errors?: FieldError[]) {
    super(429, 'Too Many Requests', detail, errors);
  }
}
/** A request that conflicts with the state it would change, naming the field that asked for it. */
export const conflictOn = (field: string, message: string, code: string) =>
  new AppError(409, 'Conflict', `${field} ${message}`, [{ field, message, code }]);
