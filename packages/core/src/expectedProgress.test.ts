import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectedProgress, periodBounds, weekOfPeriod, type PeriodDates } from './expectedProgress.js';

const q1: PeriodDates = { startDate: '2026-01-01', endDate: '2026-03-31' };
const q4: PeriodDates = { startDate: '2026-10-01', endDate: '2026-12-31' };
const HOUR = 3_600_000;

describe('periodBounds', () => {
  it('runs from 00:00 on the first day to 24:00 on the last, in UTC by default', () => {
    expect(periodBounds(q1)).toEqual({ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') });
  });

  it('uses the local midnight in Europe/Oslo, across the switch to summer time', () => {
    const { start, end } = periodBounds(q1, 'Europe/Oslo');
    expect(start).toEqual(new Date('2025-12-31T23:00:00Z')); // CET, +01:00
    expect(end).toEqual(new Date('2026-03-31T22:00:00Z')); // CEST, +02:00 since 29 March
    expect(end.getTime() - start.getTime()).toBe(90 * 24 * HOUR - HOUR);
  });

  it('and across the switch back to winter time', () => {
    const { start, end } = periodBounds(q4, 'Europe/Oslo');
    expect(start).toEqual(new Date('2026-09-30T22:00:00Z'));
    expect(end).toEqual(new Date('2026-12-31T23:00:00Z'));
    expect(end.getTime() - start.getTime()).toBe(92 * 24 * HOUR + HOUR);
  });

  it('starts the day when the clocks jump if a zone skips midnight (Chile, 8 Sep 2024)', () => {
    const { start } = periodBounds({ startDate: '2024-09-08', endDate: '2024-12-31' }, 'America/Santiago');
    expect(start).toEqual(new Date('2024-09-08T04:00:00Z')); // 00:00 −04 does not exist; 01:00 −03
  });

  it('handles zones east of UTC with half-hour offsets', () => {
    expect(periodBounds(q1, 'Asia/Kolkata').start).toEqual(new Date('2025-12-31T18:30:00Z'));
  });

  it('rejects malformed dates and unknown zones', () => {
    expect(() => periodBounds({ startDate: '2026-02-30', endDate: '2026-03-31' })).toThrow(RangeError);
    expect(() => periodBounds({ startDate: '1/1/2026', endDate: '2026-03-31' })).toThrow(RangeError);
    expect(() => periodBounds(q1, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('property: in every zone the period starts at local 00:00 of the start date', () => {
    const zones = ['UTC', 'Europe/Oslo', 'Europe/Stockholm', 'America/New_York', 'Australia/Sydney', 'Pacific/Chatham', 'Asia/Tokyo'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 400 }), (zone, from, length) => {
        const period = { startDate: dayString(from), endDate: dayString(from + length) };
        const { start, end } = periodBounds(period, zone);
        expect(localDateTime(start, zone)).toBe(`${period.startDate} 00:00`);
        expect(localDateTime(end, zone)).toBe(`${dayString(from + length + 1)} 00:00`);
        expect(end.getTime() - start.getTime()).toBeGreaterThanOrEqual((length + 1) * 24 * HOUR - 2 * HOUR);
        expect(end.getTime() - start.getTime()).toBeLessThanOrEqual((length + 1) * 24 * HOUR + 2 * HOUR);
      }),
      { numRuns: 500 },
    );
  });
});

describe('expectedProgress', () => {
  it('is 0 before, 1 after and the elapsed share during the period', () => {
    expect(expectedProgress(q1, new Date('2025-12-15T12:00:00Z'))).toBe(0);
    expect(expectedProgress(q1, new Date('2026-01-01T00:00:00Z'))).toBe(0);
    expect(expectedProgress(q1, new Date('2026-02-15T00:00:00Z'))).toBe(45 / 90);
    expect(expectedProgress(q1, new Date('2026-04-01T00:00:00Z'))).toBe(1);
    expect(expectedProgress(q1, new Date('2026-06-01T00:00:00Z'))).toBe(1);
  });

  it('counts real elapsed time in Europe/Oslo', () => {
    const { start, end } = periodBounds(q1, 'Europe/Oslo');
    const mid = new Date((start.getTime() + end.getTime()) / 2);
    expect(expectedProgress(q1, mid, 'Europe/Oslo')).toBe(0.5);
    // midnight UTC on New Year's Day is already 01:00 in Oslo
    expect(expectedProgress(q1, new Date('2026-01-01T00:00:00Z'), 'Europe/Oslo')).toBeCloseTo(1 / (90 * 24 - 1), 12);
  });

  it('treats an inverted period as having no duration', () => {
    const bad = { startDate: '2026-03-31', endDate: '2026-01-01' };
    expect(expectedProgress(bad, new Date('2026-01-15T00:00:00Z'))).toBe(0);
    expect(expectedProgress(bad, new Date('2026-04-15T00:00:00Z'))).toBe(1);
  });

  it('property: within [0, 1] and never decreasing in time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('UTC', 'Europe/Oslo', 'America/Santiago'),
        fc.integer({ min: 19_000, max: 21_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 18_900 * 86_400_000, max: 21_500 * 86_400_000 }),
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        (zone, from, length, t, dt) => {
          const period = { startDate: dayString(from), endDate: dayString(from + length) };
          const a = expectedProgress(period, new Date(t), zone);
          const b = expectedProgress(period, new Date(t + dt), zone);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(1);
          expect(b).toBeGreaterThanOrEqual(a);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('weekOfPeriod', () => {
  it('a quarter has 13 weeks, and 2 March is week 9 of 13', () => {
    expect(weekOfPeriod(q1, new Date('2026-03-02T09:00:00+01:00'), 'Europe/Oslo')).toEqual({ week: 9, weeks: 13 });
  });

  it('week 1 is the first seven days, week 2 starts on day 8', () => {
    expect(weekOfPeriod(q1, new Date('2026-01-01T00:00:00Z'))).toEqual({ week: 1, weeks: 13 });
    expect(weekOfPeriod(q1, new Date('2026-01-07T23:59:59Z'))).toEqual({ week: 1, weeks: 13 });
    expect(weekOfPeriod(q1, new Date('2026-01-08T00:00:00Z'))).toEqual({ week: 2, weeks: 13 });
  });

  it('the short last week of a quarter is week 13', () => {
    expect(weekOfPeriod(q1, new Date('2026-03-31T21:59:00Z'), 'Europe/Oslo')).toEqual({ week: 13, weeks: 13 });
  });

  it('is 0 before the start and the last week after the end', () => {
    expect(weekOfPeriod(q1, new Date('2025-12-31T23:30:00Z'))).toEqual({ week: 0, weeks: 13 });
    // 23:30 UTC on New Year's Eve is 00:30 on 1 January in Oslo
    expect(weekOfPeriod(q1, new Date('2025-12-31T23:30:00Z'), 'Europe/Oslo')).toEqual({ week: 1, weeks: 13 });
    expect(weekOfPeriod(q1, new Date('2026-04-01T00:00:00Z'))).toEqual({ week: 13, weeks: 13 });
  });

  it('counts calendar days in the zone, not 24-hour blocks, after summer time begins', () => {
    // Oslo Q2: 1 April to 30 June, 91 days, all summer time; week 2 begins 8 April 00:00 local
    const q2 = { startDate: '2026-04-01', endDate: '2026-06-30' };
    expect(weekOfPeriod(q2, new Date('2026-04-07T21:59:00Z'), 'Europe/Oslo')).toEqual({ week: 1, weeks: 13 });
    expect(weekOfPeriod(q2, new Date('2026-04-07T22:00:00Z'), 'Europe/Oslo')).toEqual({ week: 2, weeks: 13 });
  });

  it('a tertial of 4 months has 18 weeks, a half-year 26', () => {
    expect(weekOfPeriod({ startDate: '2026-01-01', endDate: '2026-04-30' }, new Date('2026-01-01T00:00:00Z')).weeks).toBe(18);
    expect(weekOfPeriod({ startDate: '2026-01-01', endDate: '2026-06-30' }, new Date('2026-01-01T00:00:00Z')).weeks).toBe(26);
  });

  it('property: week is within [0, weeks] and never decreases in time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('UTC', 'Europe/Oslo', 'Pacific/Auckland'),
        fc.integer({ min: 19_000, max: 21_000 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 18_900 * 86_400_000, max: 21_500 * 86_400_000 }),
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        (zone, from, length, t, dt) => {
          const period = { startDate: dayString(from), endDate: dayString(from + length) };
          const a = weekOfPeriod(period, new Date(t), zone);
          const b = weekOfPeriod(period, new Date(t + dt), zone);
          expect(a.weeks).toBe(Math.ceil((length + 1) / 7));
          expect(a.week).toBeGreaterThanOrEqual(0);
          expect(b.week).toBeLessThanOrEqual(b.weeks);
          expect(b.week).toBeGreaterThanOrEqual(a.week);
        },
      ),
      { numRuns: 500 },
    );
  });
});

function dayString(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function localDateTime(d: Date, timeZone: string): string {
  const f = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  const p = Object.fromEntries(f.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
