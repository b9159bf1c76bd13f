import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cycleContaining, cyclesOfYear, yearPeriod, type CycleCadence } from './cycleCalendar.js';

describe('cyclesOfYear', () => {
  it('quarters of 2026', () => {
    expect(cyclesOfYear(2026, 'quarter')).toEqual([
      { name: '2026 Q1', startDate: '2026-01-01', endDate: '2026-03-31', index: 1 },
      { name: '2026 Q2', startDate: '2026-04-01', endDate: '2026-06-30', index: 2 },
      { name: '2026 Q3', startDate: '2026-07-01', endDate: '2026-09-30', index: 3 },
      { name: '2026 Q4', startDate: '2026-10-01', endDate: '2026-12-31', index: 4 },
    ]);
  });

  it('tertials of 2028, a leap year', () => {
    expect(cyclesOfYear(2028, 'tertial')).toEqual([
      { name: '2028 T1', startDate: '2028-01-01', endDate: '2028-04-30', index: 1 },
      { name: '2028 T2', startDate: '2028-05-01', endDate: '2028-08-31', index: 2 },
      { name: '2028 T3', startDate: '2028-09-01', endDate: '2028-12-31', index: 3 },
    ]);
  });

  it('half-years of 2026', () => {
    expect(cyclesOfYear(2026, 'half-year')).toEqual([
      { name: '2026 H1', startDate: '2026-01-01', endDate: '2026-06-30', index: 1 },
      { name: '2026 H2', startDate: '2026-07-01', endDate: '2026-12-31', index: 2 },
    ]);
  });

  it('a fiscal year starting in July is named by the year it starts in', () => {
    expect(cyclesOfYear(2026, 'quarter', 7)).toEqual([
      { name: '2026/27 Q1', startDate: '2026-07-01', endDate: '2026-09-30', index: 1 },
      { name: '2026/27 Q2', startDate: '2026-10-01', endDate: '2026-12-31', index: 2 },
      { name: '2026/27 Q3', startDate: '2027-01-01', endDate: '2027-03-31', index: 3 },
      { name: '2026/27 Q4', startDate: '2027-04-01', endDate: '2027-06-30', index: 4 },
    ]);
  });

  it('a fiscal year starting in September 1999 is 1999/00; its T2 ends on 29 February 2000', () => {
    expect(cyclesOfYear(1999, 'tertial', 9)[1]).toEqual({ name: '1999/00 T2', startDate: '2000-01-01', endDate: '2000-04-30', index: 2 });
    expect(cyclesOfYear(2023, 'quarter', 12)[0]).toEqual({ name: '2023/24 Q1', startDate: '2023-12-01', endDate: '2024-02-29', index: 1 });
  });

  it('rejects a bad fiscal month or year', () => {
    expect(() => cyclesOfYear(2026, 'quarter', 0)).toThrow(RangeError);
    expect(() => cyclesOfYear(2026, 'quarter', 13)).toThrow(RangeError);
    expect(() => cyclesOfYear(2026.5, 'quarter')).toThrow(RangeError);
    expect(() => cyclesOfYear(2026, 'month' as CycleCadence)).toThrow(RangeError);
  });
});

describe('yearPeriod', () => {
  it('a calendar year', () => {
    expect(yearPeriod(2026)).toEqual({ name: '2026', startDate: '2026-01-01', endDate: '2026-12-31' });
  });

  it('a fiscal year from July', () => {
    expect(yearPeriod(2026, 7)).toEqual({ name: '2026/27', startDate: '2026-07-01', endDate: '2027-06-30' });
  });

  it('a fiscal year from March ends on the last day of February', () => {
    expect(yearPeriod(2027, 3)).toEqual({ name: '2027/28', startDate: '2027-03-01', endDate: '2028-02-29' });
  });
});

describe('cycleContaining', () => {
  it('finds the quarter, tertial and half-year of a date', () => {
    expect(cycleContaining('2026-03-02', 'quarter').name).toBe('2026 Q1');
    expect(cycleContaining('2026-05-01', 'tertial').name).toBe('2026 T2');
    expect(cycleContaining('2026-06-30', 'half-year').name).toBe('2026 H1');
    expect(cycleContaining('2026-07-01', 'half-year').name).toBe('2026 H2');
  });

  it('uses the fiscal year that contains the date', () => {
    expect(cycleContaining('2027-02-14', 'quarter', 7)).toEqual({ name: '2026/27 Q3', startDate: '2027-01-01', endDate: '2027-03-31', index: 3 });
    expect(cycleContaining('2026-06-30', 'quarter', 7).name).toBe('2025/26 Q4');
  });

  it('rejects a malformed date', () => {
    expect(() => cycleContaining('2026-02-29', 'quarter')).toThrow(RangeError);
    expect(() => cycleContaining('2026-13-01', 'quarter')).toThrow(RangeError);
    expect(() => cycleContaining('02.03.2026', 'quarter')).toThrow(RangeError);
  });
});

describe('cycle calendar: properties', () => {
  const cadence = fc.constantFrom<CycleCadence>('quarter', 'tertial', 'half-year');
  const fiscal = fc.integer({ min: 1, max: 12 });
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

  it('the cycles tile the fiscal year: contiguous, no gaps, first and last day match', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2200 }), cadence, fiscal, (year, c, f) => {
        const cycles = cyclesOfYear(year, c, f);
        const whole = yearPeriod(year, f);
        expect(cycles[0]!.startDate).toBe(whole.startDate);
        expect(cycles.at(-1)!.endDate).toBe(whole.endDate);
        for (let i = 1; i < cycles.length; i++) expect(day(cycles[i]!.startDate)).toBe(day(cycles[i - 1]!.endDate) + 1);
        expect(day(whole.endDate) - day(whole.startDate) + 1).toBeGreaterThanOrEqual(365);
        expect(day(whole.endDate) - day(whole.startDate) + 1).toBeLessThanOrEqual(366);
      }),
    );
  });

  it('every date lies in the cycle cycleContaining returns, and the cycles of consecutive years follow on', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), cadence, fiscal, (n, c, f) => {
        const date = new Date(n * 86_400_000).toISOString().slice(0, 10);
        const cycle = cycleContaining(date, c, f);
        expect(cycle.startDate <= date && date <= cycle.endDate).toBe(true);
        const year = Number(cycle.name.slice(0, 4));
        expect(cyclesOfYear(year, c, f)[cycle.index - 1]).toEqual(cycle);
        const next = cyclesOfYear(year + 1, c, f)[0]!;
        expect(day(next.startDate)).toBe(day(yearPeriod(year, f).endDate) + 1);
      }),
    );
  });
});
