// Decides where a period stands in time: its exact start and end instants in the organisation's
// time zone, the elapsed share (expected progress) and "week 9 of 13", so all screens agree.

export interface PeriodDates {
  /** 'YYYY-MM-DD', the first day of the period. */
  startDate: string;
  /** 'YYYY-MM-DD', the last day of the period (inclusive). */
  endDate: string;
}

const DAY_MS = 86_400_000;

/**
 * The instants the period starts (00:00 on startDate) and ends (24:00 on endDate, i.e. 00:00 the
 * day after) in the time zone, default 'UTC'. Daylight saving is honoured: a Europe/Oslo quarter
 * from January to March is one hour shorter than 90 × 24 h. When a zone skips midnight the day
 * starts at the moment the clocks jump; when midnight happens twice it starts at the first one.
 * Throws RangeError for a malformed date or an unknown time zone.
 */
export function periodBounds(period: PeriodDates, timeZone = 'UTC'): { start: Date; end: Date } {
  const start = parseDay(period.startDate);
  const end = parseDay(period.endDate) + 1;
  return { start: new Date(startOfDay(start, timeZone)), end: new Date(startOfDay(end, timeZone)) };
}

/**
 * The elapsed share of the period at `now`, clamped to [0, 1]: 0 before it starts, 1 after it ends.
 * A period whose end date lies before its start date has no duration: 0 before its start, else 1.
 */
export function expectedProgress(period: PeriodDates, now: Date, timeZone = 'UTC'): number {
  const { start, end } = periodBounds(period, timeZone);
  const t = now.getTime();
  if (Number.isNaN(t)) return 0;
  const duration = end.getTime() - start.getTime();
  if (duration <= 0) return t >= start.getTime() ? 1 : 0;
  return Math.min(1, Math.max(0, (t - start.getTime()) / duration));
}

/**
 * Which week of the period `now` falls in, counted in calendar days of the time zone: week 1 is
 * the first 7 days, weeks = ceil(days / 7) (the last week may be short). Before the start the
 * week is 0; from the end on it is `weeks`. A quarter of 90 days has 13 weeks.
 */
export function weekOfPeriod(period: PeriodDates, now: Date, timeZone = 'UTC'): { week: number; weeks: number } {
  const first = parseDay(period.startDate);
  const days = Math.max(0, parseDay(period.endDate) - first + 1);
  const weeks = Math.ceil(days / 7);
  const t = now.getTime();
  const { start, end } = periodBounds(period, timeZone);
  if (Number.isNaN(t) || t < start.getTime()) return { week: 0, weeks };
  if (t >= end.getTime()) return { week: weeks, weeks };
  const dayIndex = localDay(t, timeZone) - first;
  return { week: Math.min(weeks, Math.max(1, Math.floor(dayIndex / 7) + 1)), weeks };
}

/** 'YYYY-MM-DD' → days since 1970-01-01 (a calendar-day number, independent of any zone). */
function parseDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = utc(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`Not a calendar date: ${date}`);
  }
  return Math.round(ms / DAY_MS);
}

// Every progress answer asks for the same few period bounds, and each costs four runs of the
// zone's formatter; a day's start in a zone never changes while the process runs.
const dayStarts = new Map<string, number>();
const DAY_STARTS_KEPT = 4096;

/** The instant at which the calendar day `day` begins in the zone. */
function startOfDay(day: number, timeZone: string): number {
  const key = `${timeZone} ${day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = computeStartOfDay(day, timeZone);
    if (dayStarts.size >= DAY_STARTS_KEPT) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return start;
}

function computeStartOfDay(day: number, timeZone: string): number {
  const wall = day * DAY_MS; // local midnight written as if it were UTC
  // At most one offset change lies within a day of midnight, so the offsets a day before and a
  // day after are the only candidates.
  const offsets = [offsetAt(wall - DAY_MS, timeZone), offsetAt(wall + DAY_MS, timeZone)];
  const valid = offsets.map((o) => wall - o).filter((t) => offsetAt(t, timeZone) === wall - t);
  if (valid.length > 0) return Math.min(...valid); // two valid: midnight happens twice, take the first
  return Math.max(...offsets.map((o) => wall - o)); // none valid: midnight skipped, take the jump
}

/** Whether two instants fall on the same calendar day in the zone. */
export function sameDayIn(a: Date, b: Date, timeZone = 'UTC'): boolean {
  return localDay(a.getTime(), timeZone) === localDay(b.getTime(), timeZone);
}

/** The calendar date ('YYYY-MM-DD') of an instant in the zone. */
export function localDate(at: Date, timeZone = 'UTC'): string {
  return new Date(localDay(at.getTime(), timeZone) * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a calendar date ('YYYY-MM-DD') begins in the zone. */
export function startOfDate(date: string, timeZone = 'UTC'): Date {
  return new Date(startOfDay(parseDay(date), timeZone));
}

/** The calendar-day number of instant t in the zone. */
function localDay(t: number, timeZone: string): number {
  return Math.floor((t + offsetAt(t, timeZone)) / DAY_MS);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Milliseconds to add to UTC to get the zone's wall-clock time at instant t. */
function offsetAt(t: number, timeZone: string): number {
  // UTC needs no formatter, and a check-in's answer asks about it on the busiest write.
  if (timeZone === 'UTC') return 0;
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(t))) parts[p.type] = p.value;
  let year = Number(parts.year);
  if (parts.era === 'BC') year = 1 - year;
  const wall = utc(
    year,
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour) % 24,
    Number(parts.minute),
    Number(parts.second),
  );
  const whole = t - (((t % 1000) + 1000) % 1000); // the formatter drops milliseconds
  return wall - whole;
}

/** Date.UTC without its mapping of years 0–99 to 1900–1999. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}
