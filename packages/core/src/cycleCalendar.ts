// Decides the dates and names of an organisation's OKR cycles (quarters, tertials, half-years) and
// years from its fiscal year start, so periods are created the same way everywhere.

export type CycleCadence = 'quarter' | 'tertial' | 'half-year';

export interface CycleDates {
  /** Language-neutral: '2026 Q1', '2026 T2', '2026 H1'; '2026/27 Q1' when the fiscal year starts after January. */
  name: string;
  startDate: string;
  endDate: string;
  /** 1-based position in the fiscal year, matching the number in the name. */
  index: number;
}

const CADENCE: Record<CycleCadence, { months: number; letter: string }> = {
  quarter: { months: 3, letter: 'Q' },
  tertial: { months: 4, letter: 'T' },
  'half-year': { months: 6, letter: 'H' },
};

/**
 * The cycles of the fiscal year that starts on the first of `fiscalYearStartMonth` (1–12, default
 * January) in `year`, in order, together covering the fiscal year without gaps.
 * Throws RangeError for a year outside 1–9998 (9999 with a January start), a fiscal month outside 1–12
 * or an unknown cadence.
 */
export function cyclesOfYear(year: number, cadence: CycleCadence, fiscalYearStartMonth = 1): CycleDates[] {
  checkYear(year, fiscalYearStartMonth);
  const spec = CADENCE[cadence];
  if (spec === undefined) throw new RangeError(`Unknown cycle cadence: ${String(cadence)}`);
  const label = yearLabel(year, fiscalYearStartMonth);
  const cycles: CycleDates[] = [];
  for (let i = 0; i < 12 / spec.months; i++) {
    const first = fiscalYearStartMonth - 1 + i * spec.months; // months after January of `year`
    cycles.push({
      name: `${label} ${spec.letter}${i + 1}`,
      startDate: firstOfMonth(year, first),
      endDate: lastOfMonth(year, first + spec.months - 1),
      index: i + 1,
    });
  }
  return cycles;
}

/** The fiscal year itself, the period Moals belong to: named '2026', or '2026/27' when it starts after January. */
export function yearPeriod(year: number, fiscalYearStartMonth = 1): { name: string; startDate: string; endDate: string } {
  checkYear(year, fiscalYearStartMonth);
  const first = fiscalYearStartMonth - 1;
  return { name: yearLabel(year, fiscalYearStartMonth), startDate: firstOfMonth(year, first), endDate: lastOfMonth(year, first + 11) };
}

/** The cycle that contains the calendar date 'YYYY-MM-DD'. Throws RangeError for a malformed date. */
export function cycleContaining(date: string, cadence: CycleCadence, fiscalYearStartMonth = 1): CycleDates {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [y, mo, d] = m === null ? [0, 0, 0] : [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m === null || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new RangeError(`Not a date (YYYY-MM-DD): ${date}`);
  }
  checkFiscalMonth(fiscalYearStartMonth);
  const fiscalYear = mo >= fiscalYearStartMonth ? y : y - 1;
  const cycles = cyclesOfYear(fiscalYear, cadence, fiscalYearStartMonth);
  const found = cycles.find((c) => c.startDate <= date && date <= c.endDate);
  if (found === undefined) throw new RangeError(`No cycle contains ${date}`); // unreachable: cycles cover the year
  return found;
}

function yearLabel(year: number, fiscalYearStartMonth: number): string {
  return fiscalYearStartMonth === 1 ? `${year}` : `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

function checkFiscalMonth(month: number): void {
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`fiscalYearStartMonth must be 1–12, got ${month}`);
  }
}

function checkYear(year: number, fiscalYearStartMonth: number): void {
  checkFiscalMonth(fiscalYearStartMonth);
  const last = fiscalYearStartMonth === 1 ? 9999 : 9998;
  if (!Number.isInteger(year) || year < 1 || year > last) throw new RangeError(`year must be 1–${last}, got ${year}`);
}

/** 'YYYY-MM-01' of the month `monthsAfterJanuary` months after January of `year`. */
function firstOfMonth(year: number, monthsAfterJanuary: number): string {
  const y = year + Math.floor(monthsAfterJanuary / 12);
  const mo = (monthsAfterJanuary % 12) + 1;
  return ymd(y, mo, 1);
}

function lastOfMonth(year: number, monthsAfterJanuary: number): string {
  const y = year + Math.floor(monthsAfterJanuary / 12);
  const mo = (monthsAfterJanuary % 12) + 1;
  return ymd(y, mo, daysInMonth(y, mo));
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
