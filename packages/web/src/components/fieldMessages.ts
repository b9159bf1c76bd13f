// The server names each bad field with a code and its limits; the user reads the message in
// their own language. Unknown codes fall back to the server's own words.
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import { errorKind } from './errorKind';

/** A limit ("at least 12 characters") is also the count that picks the message's plural form. */
function withCount(params: Record<string, string | number> | undefined): Record<string, string | number> {
  const limit = params?.minimum ?? params?.maximum;
  return typeof limit === 'number' ? { ...params, count: limit } : { ...(params ?? {}) };
}

export function localFieldErrors(t: TFunction, error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const out: Record<string, string> = {};
  for (const e of error.errors) {
    out[e.field] ??= t(`fieldErrors.${e.code}`, { ...withCount(e.params), defaultValue: e.message });
  }
  return out;
}

/** The message for the whole form: a conflict, a refusal, or the first field error outside the form. */
export function formMessage(t: TFunction, error: unknown, shownFields: readonly string[]): string {
  if (!(error instanceof ApiError)) return error ? t(`controls.errors.${errorKind(error, typeof navigator === 'undefined' || navigator.onLine)}`) : '';
  // A fault on the server, or a thing gone, says so rather than the server's bare words.
  if (error.status >= 500) return t('controls.errors.server');
  if (error.status === 404 && !error.errors.length) return t('controls.errors.notFound');
  // A conflict that names its reason (the last admin) says it; a bare one is a stale version.
  if (error.status === 409 && !error.errors.some((e) => e.code !== 'stale')) return t('errors.stale');
  if (error.status === 403 && !error.errors.length) return t('errors.forbidden');
  const outside = error.errors.filter((e) => !shownFields.includes(e.field));
  if (outside.length) {
    // A known code reads as a whole sentence in the user's language ("The period is closed…");
    // only the server's own words, for a code this app does not know, need the field they are about.
    return outside.map((e) => t(`fieldErrors.${e.code}`, { ...withCount(e.params), defaultValue: '' }) || `${e.field} ${e.message}`).join(' ');
  }
  return error.errors.length ? '' : error.message;
}
