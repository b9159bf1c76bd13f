// The times the audit trail is filtered by. A date is that day in the organisation's time zone (an
// auditor asks for "from 3 November", not for an instant in UTC), and as the end of a range it takes
// in the whole day, as people mean "to 30 November". An instant is taken as written, with its offset.
import { periodBounds } from './expectedProgress.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function realDay(y: string, m: string, d: string): boolean {
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** A date written YYYY-MM-DD, or an ISO 8601 instant with its offset (Z or ±hh:mm). */
export function isEventTime(value: string): boolean {
  const m = DATE.exec(value) ?? INSTANT.exec(value);
  return m !== null && realDay(m[1]!, m[2]!, m[3]!) && !Number.isNaN(Date.parse(value));
}

export interface EventTimeRange { from?: string | undefined; to?: string | undefined }

/** The range as UTC instants (ISO 8601, as events store their time): `from` inclusive, `to`
 *  exclusive. Each value must pass isEventTime. */
export function eventTimeBounds(range: EventTimeRange, timeZone: string): EventTimeRange {
  const instant = (value: string, end: boolean): string => {
    if (!DATE.test(value)) return new Date(value).toISOString();
    const day = periodBounds({ startDate: value, endDate: value }, timeZone);
    return (end ? day.end : day.start).toISOString();
  };
  return {
    ...(range.from !== undefined ? { from: instant(range.from, false) } : {}),
    ...(range.to !== undefined ? { to: instant(range.to, true) } : {}),
  };
}
