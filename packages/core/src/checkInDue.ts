// Decides whether a key result is due a check-in by its unit's rhythm: the check-in days fall on the
// unit's weekday, every week or every other week counted from the period's first such weekday, in
// the organisation's time zone. A key result is due from a check-in day until it is checked in,
// so a unit on a two-week cadence is not due again one week after its check-in day.
import type { CheckInCadence } from './checkInRhythm.js';
import { localDate, startOfDate } from './expectedProgress.js';

const DAY_MS = 86_400_000;
const STEP_DAYS: Readonly<Record<CheckInCadence, number>> = { weekly: 7, biweekly: 14 };

export interface CheckInSchedule {
  /** 1–7, Monday 1 (ISO 8601). */
  weekday: number;
  cadence: CheckInCadence;
  /** 'YYYY-MM-DD', the period's first day: the first check-in day is the first `weekday` on or after it. */
  from: string;
}

const dayNumber = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday (Monday 1) of a day number; day 0 (1970-01-01) was a Thursday. */
const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

function checkSchedule(s: CheckInSchedule): void {
  if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7) throw new RangeError(`weekday must be 1–7, got ${s.weekday}`);
  if (!(s.cadence in STEP_DAYS)) throw new RangeError(`not a cadence: ${String(s.cadence)}`);
  if (Number.isNaN(dayNumber(s.from))) throw new RangeError(`Not a date (YYYY-MM-DD): ${s.from}`);
}

/** The schedule's first check-in day. */
export function firstCheckInDay(schedule: CheckInSchedule): string {
  checkSchedule(schedule);
  const from = dayNumber(schedule.from);
  return dateOf(from + ((schedule.weekday - weekdayOf(from) + 7) % 7));
}

/** The latest check-in day on or before `date` ('YYYY-MM-DD'), null before the first. */
export function latestCheckInDay(schedule: CheckInSchedule, date: string): string | null {
  const first = dayNumber(firstCheckInDay(schedule));
  const today = dayNumber(date);
  if (Number.isNaN(today)) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  if (today < first) return null;
  const step = STEP_DAYS[schedule.cadence];
  return dateOf(first + Math.floor((today - first) / step) * step);
}

/** How many check-in days fall from the schedule's start up to and including `date`. */
export function checkInDaysUpTo(schedule: CheckInSchedule, date: string): number {
  const latest = latestCheckInDay(schedule, date);
  if (latest === null) return 0;
  return (dayNumber(latest) - dayNumber(firstCheckInDay(schedule))) / STEP_DAYS[schedule.cadence] + 1;
}

/**
 * Due when there is no check-in (null or an invalid date), or when the latest check-in day up to
 * today (in the zone) has begun and no check-in was written since. Before the first check-in day a
 * key result with a check-in is not due; a check-in dated after now is not due.
 */
export function checkInDue(lastCheckInAt: Date | null, now: Date, schedule: CheckInSchedule, timeZone = 'UTC'): boolean {
  if (lastCheckInAt === null || Number.isNaN(lastCheckInAt.getTime())) return true;
  if (lastCheckInAt.getTime() > now.getTime()) return false;
  const day = latestCheckInDay(schedule, localDate(now, timeZone));
  if (day === null) return false;
  return lastCheckInAt.getTime() < startOfDate(day, timeZone).getTime();
}
