// Numbers, percentages and dates through Intl, in the language the user reads.
import type { TFunction } from 'i18next';

/** Intl wants BCP 47: Norwegian bokmål is nb, which every browser knows. */
export const locales = { nb: 'nb-NO', sv: 'sv-SE', en: 'en-GB' } as const;
/** The Intl locale for one of our languages (a language we do not know is passed on as it is). */
export const localeOf = (lang: string): string => locales[lang as keyof typeof locales] ?? lang;

// Making an Intl formatter costs far more than using one, and a team page formats hundreds of
// numbers and dates as it is drawn: each formatter is made once per language.
type Formatter = Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.ListFormat;
const formatters = new Map<string, Formatter>();
function once<T extends Formatter>(kind: string, lang: string, make: (locale: string) => T): T {
  const key = `${kind}\0${lang}`;
  let made = formatters.get(key) as T | undefined;
  if (!made) { made = make(localeOf(lang)); formatters.set(key, made); }
  return made;
}

/** Makes the formatters the first screens use. The first Intl formatter of a page loads ICU's data
 *  (30–60 ms here, four times that on a phone): made while the app waits for its texts and its
 *  session, before anything is drawn, rather than inside a screen's first render, where the phone
 *  could not answer a tap for that long. */
export function warmUp(lang: string): void {
  percent(lang, 0);
  date(lang, '2026-01-01');
}

export function percent(lang: string, share: number): string {
  return once('percent', lang, (l) => new Intl.NumberFormat(l, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}
export function number(lang: string, value: number): string {
  return once('number', lang, (l) => new Intl.NumberFormat(l, { maximumFractionDigits: 2 })).format(value);
}
/** A value with its unit of measure. The unit is what the team typed, nearly always a plural noun
 *  ("møter", "dager"), so after a number that reads as singular it is set apart in brackets:
 *  "1 (dager)" rather than the ungrammatical "1 dager". Symbols and codes (%, NOK) need no such care. */
export function valueWithMeasure(lang: string, value: number | null, measure: string): string {
  if (value === null) return '–';
  const n = number(lang, value);
  if (measure === '%') return `${n} %`;
  if (!measure) return n;
  const word = /\p{Ll}/u.test(measure);
  return word && once('plural', lang, (l) => new Intl.PluralRules(l, { maximumFractionDigits: 2 })).select(value) === 'one' ? `${n} (${measure})` : `${n} ${measure}`;
}
// Dates and times are shown in the organisation's time zone when one is given (what happened at
// 00:30 in Oslo happened on the 3rd for the whole team, wherever a reader's laptop is), else in
// the browser's.
export function date(lang: string, iso: string, timeZone?: string): string {
  return once(`date ${timeZone ?? ''}`, lang, (l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'short', year: 'numeric', timeZone })).format(new Date(iso));
}
export function dateTime(lang: string, iso: string, timeZone?: string): string {
  return once(`dateTime ${timeZone ?? ''}`, lang, (l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone })).format(new Date(iso));
}
/** "14:05": the time of day, under a heading that says the day. */
export function timeOfDay(lang: string, iso: string, timeZone?: string): string {
  return once(`time ${timeZone ?? ''}`, lang, (l) => new Intl.DateTimeFormat(l, { hour: '2-digit', minute: '2-digit', timeZone })).format(new Date(iso));
}
/** "Tuesday, 3 November 2026": a day as a heading over what happened on it. */
export function dayHeading(lang: string, iso: string, timeZone?: string): string {
  return once(`day ${timeZone ?? ''}`, lang, (l) => new Intl.DateTimeFormat(l, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone })).format(new Date(iso));
}
/** The calendar day (YYYY-MM-DD) of an instant in the zone, to group by. */
export function dayKey(iso: string, timeZone?: string): string {
  return once(`dayKey ${timeZone ?? ''}`, 'en', () => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone })).format(new Date(iso));
}
/** "a, b and c" in the language. */
export function list(lang: string, items: readonly string[]): string {
  return once('list', lang, (l) => new Intl.ListFormat(l, { style: 'long', type: 'conjunction' })).format(items);
}

const DAY = 86_400_000;
const dayNumber = (d: Date): number => Math.floor((d.getTime() - d.getTimezoneOffset() * 60_000) / DAY);

/** "3 days ago", "yesterday": the age of a check-in, in our own words with the language's plurals.
 *  Intl.RelativeTimeFormat says "for 4 døgn siden" in Norwegian, which nobody writes. Days are
 *  counted on the calendar, so last night's check-in is "yesterday" the next morning once it is a
 *  day old, and hours are counted below a day. A time a little ahead (a fast clock) is "just now". */
export function ago(t: TFunction, iso: string, now = new Date()): string {
  const then = new Date(iso);
  const ms = now.getTime() - then.getTime();
  if (ms < 60_000) return t('time.justNow');
  if (ms < 3_600_000) return t('time.minutesAgo', { count: Math.floor(ms / 60_000) });
  if (ms < DAY) return t('time.hoursAgo', { count: Math.floor(ms / 3_600_000) });
  const days = Math.max(1, dayNumber(now) - dayNumber(then));
  if (days === 1) return t('time.yesterday');
  if (days < 14) return t('time.daysAgo', { count: days });
  if (days < 60) return t('time.weeksAgo', { count: Math.round(days / 7) });
  return t('time.monthsAgo', { count: Math.round(days / 30) });
}

/** The name of an ISO weekday (1 Monday … 7 Sunday) in the language: "mandag", "måndag", "Monday". */
export function weekdayName(lang: string, isoWeekday: number): string {
  // 1 January 2024 was a Monday.
  return once('weekday', lang, (l) => new Intl.DateTimeFormat(l, { weekday: 'long', timeZone: 'UTC' })).format(new Date(Date.UTC(2024, 0, isoWeekday)));
}
