// Numbers, percentages and dates through Intl, in the language the user reads.
export function percent(lang: string, share: number): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
export function number(lang: string, value: number): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(value);
}
export function valueWithMeasure(lang: string, value: number | null, measure: string): string {
  if (value === null) return '–';
  if (measure === '%') return `${number(lang, value)} %`;
  return measure ? `${number(lang, value)} ${measure}` : number(lang, value);
}
export function date(lang: string, iso: string): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}
export function dateTime(lang: string, iso: string): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
/** "3 days ago", "last week": the age of a check-in. */
export function ago(lang: string, iso: string, now = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  const abs = Math.abs(seconds);
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  if (abs < 86_400 * 14) return rtf.format(Math.round(seconds / 86_400), 'day');
  if (abs < 86_400 * 60) return rtf.format(Math.round(seconds / (86_400 * 7)), 'week');
  return rtf.format(Math.round(seconds / (86_400 * 30)), 'month');
}
/** Intl wants BCP 47: Norwegian bokmål is nb, which every browser knows. */
export const locales = { nb: 'nb-NO', sv: 'sv-SE', en: 'en-GB' } as const;
