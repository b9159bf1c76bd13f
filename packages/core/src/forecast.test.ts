import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodBounds } from './expectedProgress.js';
import { forecast, forecastAt, type CheckInPoint } from './forecast.js';

const q1 = { startDate: '2026-01-01', endDate: '2026-03-31' };
const members = { type: 'increase' as const, start: 100_000, target: 120_000 };
const waiting = { type: 'decrease' as const, start: 180, target: 90 };
const DAY = 86_400_000;
const { start: q1Start, end: q1End } = periodBounds(q1, 'Europe/Oslo');
const at = (share: number) => new Date(q1Start.getTime() + share * (q1End.getTime() - q1Start.getTime()));
const midQuarter = new Date('2026-02-15T12:00:00Z');

describe('forecast: increase and decrease', () => {
  it('members growing steadily towards 120 000 are forecast to reach it', () => {
    const checkIns = [0.1, 0.2, 0.3, 0.4, 0.5].map((s) => ({ at: at(s), value: 100_000 + 20_000 * s }));
    expect(forecast(members, checkIns, q1, midQuarter, 'Europe/Oslo')).toEqual({ value: 120_000, low: 120_000, high: 120_000, progress: 1, rawProgress: 1, met: true });
  });

  it('waiting time falling steadily from 180 towards 90 days is forecast to reach 90', () => {
    const checkIns = [0.25, 0.5].map((s) => ({ at: at(s), value: 180 - 90 * s }));
    expect(forecast(waiting, checkIns, q1, midQuarter, 'Europe/Oslo')).toEqual({ value: 90, low: 90, high: 90, progress: 1, rawProgress: 1, met: true });
  });

  it('a correction minutes after a check-in does not blow the band up (seen: "between 12 and 235,546 meetings")', () => {
    const meetings = { type: 'increase' as const, start: 0, target: 12 };
    const weekly = [0, 1, 2, 3, 4, 5, 6].map((w) => ({ at: new Date(q1Start.getTime() + (w * 7 + 3) * DAY), value: w }));
    const last = weekly.at(-1)!.at.getTime();
    const corrected = [...weekly, { at: new Date(last + 3 * DAY), value: 3 }, { at: new Date(last + 3 * DAY + 16 * 60_000), value: 7 }];
    const r = forecast(meetings, corrected, q1, new Date(last + 3 * DAY + 20 * 60_000), 'Europe/Oslo')!;
    expect(r.high).toBeLessThan(30);
    expect(r.value).toBeGreaterThanOrEqual(7);
    expect(r.value).toBeLessThan(20);
  });

  it('two check-ins less than a day apart, and nothing before them, measure no pace yet', () => {
    const first = new Date(q1Start.getTime() - 60_000);
    const r = forecast(members, [{ at: first, value: 100_000 }, { at: new Date(first.getTime() + 3_600_000), value: 101_000 }], q1, new Date(first.getTime() + 7_200_000), 'Europe/Oslo');
    expect(r).toMatchObject({ value: 101_000, low: 101_000, high: 101_000 });
  });

  it('one check-in is projected from the start value at the period start', () => {
    // 105 000 a quarter of the way in: on pace for 120 000
    const r = forecast(members, [{ at: at(0.25), value: 105_000 }], q1, midQuarter, 'Europe/Oslo');
    expect(r?.value).toBe(120_000);
  });

  it('progress that arrives late projects short of the target', () => {
    const checkIns = [
      { at: at(0.2), value: 100_000 },
      { at: at(0.4), value: 101_000 },
      { at: at(0.6), value: 104_000 },
    ];
    const r = forecast(members, checkIns, q1, new Date('2026-03-01T00:00:00Z'), 'Europe/Oslo');
    expect(r).not.toBeNull();
    expect(r!.value).toBeLessThan(120_000);
    expect(r!.met).toBe(false);
    expect(r!.progress).toBeCloseTo(r!.rawProgress);
  });

  it('a flat series forecasts flat when a check-in anchors the start', () => {
    const checkIns = [0, 0.1, 0.3, 0.5].map((s) => ({ at: at(s), value: 100_000 }));
    expect(forecast(members, checkIns, q1, midQuarter, 'Europe/Oslo')).toEqual({ value: 100_000, low: 100_000, high: 100_000, progress: 0, rawProgress: 0, met: false });
  });

  it('a flat series above the start is not pulled down by the start anchor when a check-in precedes the period', () => {
    const checkIns = [
      { at: new Date('2025-12-20T00:00:00Z'), value: 110_000 },
      { at: at(0.3), value: 110_000 },
    ];
    expect(forecast(members, checkIns, q1, midQuarter, 'Europe/Oslo')?.value).toBe(110_000);
  });

  it('5 meetings already held are never forecast below 5 (the old trend said 4.77)', () => {
    const meetings = { type: 'increase' as const, start: 0, target: 12 };
    // a burst early, then a slow spell: a fitted line ends below the latest value
    const checkIns = [
      { at: at(0.05), value: 3 },
      { at: at(0.1), value: 4 },
      { at: at(0.5), value: 5 },
      { at: at(0.6), value: 5 },
    ];
    const r = forecast(meetings, checkIns, q1, at(0.6), 'Europe/Oslo')!;
    expect(r.value).toBeGreaterThanOrEqual(5);
    expect(r.low).toBeGreaterThanOrEqual(5);
  });

  it('the pace leans on the recent check-ins: a late speed-up forecasts more than the average pace would', () => {
    const checkIns = [
      { at: at(0.1), value: 100_000 },
      { at: at(0.4), value: 100_000 },
      { at: at(0.5), value: 104_000 },
    ];
    const r = forecast(members, checkIns, q1, at(0.5), 'Europe/Oslo')!;
    // the average pace since the start (4 000 in half the period) would give 108 000
    expect(r.value).toBeGreaterThan(108_000);
    expect(r.low).toBeLessThan(r.value);
    expect(r.high).toBeGreaterThan(r.value);
  });

  it('a falling count is held at its current value, not forecast lower', () => {
    const checkIns = [{ at: at(0.2), value: 110_000 }, { at: at(0.4), value: 105_000 }];
    const r = forecast(members, checkIns, q1, at(0.4), 'Europe/Oslo')!;
    expect(r.value).toBe(105_000);
  });

  it('all check-ins at the same instant: the latest value', () => {
    const t = at(0);
    const r = forecast(members, [{ at: t, value: 101_000 }, { at: t, value: 102_000 }], q1, midQuarter, 'Europe/Oslo');
    expect(r?.value).toBe(102_000);
  });

  it('after the period has ended the forecast is the latest value', () => {
    const checkIns = [{ at: at(0.5), value: 110_000 }, { at: at(0.9), value: 117_000 }];
    expect(forecast(members, checkIns, q1, new Date('2026-04-10T00:00:00Z'), 'Europe/Oslo')?.value).toBe(117_000);
  });

  it('ignores check-ins with invalid dates or values; none left is null', () => {
    expect(forecast(members, [], q1, midQuarter)).toBeNull();
    expect(forecast(members, [{ at: new Date('x'), value: 1 }, { at: at(0.5), value: Number.NaN }], q1, midQuarter)).toBeNull();
  });
});

describe('forecast: thresholds and milestones use the latest value', () => {
  it('sick leave below 5 %', () => {
    const checkIns = [
      { at: at(0.3), value: 4.2 },
      { at: at(0.1), value: 6.0 },
      { at: at(0.2), value: 5.5 },
    ];
    expect(forecast({ type: 'below', start: 6, target: 5 }, checkIns, q1, midQuarter, 'Europe/Oslo')).toEqual({ value: 4.2, low: 4.2, high: 4.2, progress: 1, rawProgress: 1, met: true });
  });

  it('a milestone not yet done', () => {
    expect(forecast({ type: 'milestone', start: 0, target: 1 }, [{ at: at(0.4), value: 0 }], q1, midQuarter)?.met).toBe(false);
  });

  it('above', () => {
    expect(forecast({ type: 'above', start: 3, target: 4 }, [{ at: at(0.2), value: 4.5 }], q1, midQuarter)?.value).toBe(4.5);
  });
});

describe('forecast: properties', () => {
  const t0 = Date.UTC(2025, 9, 1);
  const point = fc.record({
    at: fc.integer({ min: 0, max: 200 * DAY }).map((ms) => new Date(t0 + ms)),
    value: fc.double({ noNaN: true, noDefaultInfinity: true }),
  });
  const kr = fc.record({
    type: fc.constantFrom('increase' as const, 'decrease' as const, 'above' as const, 'below' as const, 'milestone' as const),
    start: fc.double({ noNaN: true, noDefaultInfinity: true }),
    target: fc.double({ noNaN: true, noDefaultInfinity: true }),
  });

  it('is finite for any finite check-ins, with progress in [0, 1]', () => {
    fc.assert(
      fc.property(kr, fc.array(point, { maxLength: 30 }), fc.integer({ min: 0, max: 200 * DAY }), (k, checkIns, nowMs) => {
        const r = forecast(k, checkIns, q1, new Date(t0 + nowMs), 'Europe/Oslo');
        if (checkIns.length === 0) {
          expect(r).toBeNull();
          return;
        }
        expect(r).not.toBeNull();
        expect(Number.isFinite(r!.value)).toBe(true);
        expect(Number.isFinite(r!.rawProgress)).toBe(true);
        expect(r!.progress).toBeGreaterThanOrEqual(0);
        expect(r!.progress).toBeLessThanOrEqual(1);
      }),
      { numRuns: 1000 },
    );
  });

  it('any exact line through the start is forecast at its value at the end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 89 }), { minLength: 1, maxLength: 10 }),
        (start, target, days) => {
          const qStart = Date.UTC(2026, 0, 1);
          const checkIns: CheckInPoint[] = days.map((d) => ({ at: new Date(qStart + d * DAY), value: start + ((target - start) * d) / 90 }));
          const r = forecast({ type: target >= start ? 'increase' : 'decrease', start, target }, checkIns, q1, new Date(qStart + DAY));
          expect(r!.value).toBeCloseTo(target, 4);
        },
      ),
    );
  });

  it('a flat series forecasts its own value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.uniqueArray(fc.integer({ min: 0, max: 89 }), { minLength: 1, maxLength: 10 }), (v, days) => {
        const qStart = Date.UTC(2026, 0, 1);
        const checkIns = [0, ...days].map((d) => ({ at: new Date(qStart + d * DAY), value: v }));
        expect(forecast({ type: 'increase', start: v, target: v + 10 }, checkIns, q1, new Date(qStart))!.value).toBe(v);
      }),
    );
  });

  const series = fc.array(
    fc.record({ day: fc.integer({ min: 1, max: 89 }), step: fc.double({ min: 0, max: 1e6, noNaN: true }) }),
    { minLength: 1, maxLength: 15 },
  );

  it('a monotone series never forecasts backwards: increase not below, decrease not above the latest value', () => {
    fc.assert(
      fc.property(series, fc.boolean(), fc.integer({ min: -1e6, max: 1e6 }), (steps, up, startValue) => {
        const qStart = Date.UTC(2026, 0, 1);
        const sign = up ? 1 : -1;
        let v = startValue;
        const checkIns = steps
          .slice()
          .sort((a, b) => a.day - b.day)
          .map((s) => ({ at: new Date(qStart + s.day * DAY), value: (v += sign * s.step) }));
        const current = checkIns[checkIns.length - 1]!.value;
        const kr = { type: up ? ('increase' as const) : ('decrease' as const), start: startValue, target: startValue + sign * 1e7 };
        const r = forecast(kr, checkIns, q1, new Date(qStart + DAY))!;
        for (const x of [r.value, r.low, r.high]) {
          if (up) expect(x).toBeGreaterThanOrEqual(current);
          else expect(x).toBeLessThanOrEqual(current);
        }
        expect(r.low).toBeLessThanOrEqual(r.value);
        expect(r.high).toBeGreaterThanOrEqual(r.value);
      }),
      { numRuns: 500 },
    );
  });

  it('any series, however noisy, is never forecast against the direction of its key result', () => {
    fc.assert(
      fc.property(fc.array(point, { minLength: 1, maxLength: 20 }), fc.boolean(), (checkIns, up) => {
        const kr = { type: up ? ('increase' as const) : ('decrease' as const), start: 0, target: up ? 100 : -100 };
        const r = forecast(kr, checkIns, q1, new Date(t0), 'Europe/Oslo')!;
        const current = forecastAt(kr, checkIns, q1, null, 'Europe/Oslo')!.value;
        if (up) expect(r.low).toBeGreaterThanOrEqual(current);
        else expect(r.high).toBeLessThanOrEqual(current);
      }),
      { numRuns: 500 },
    );
  });

  it('a steady series (constant pace, from any value) lands on its line at the end', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 89 }), { minLength: 1, maxLength: 10 }),
        (v0, perDay, days) => {
          const qStart = Date.UTC(2026, 0, 1);
          // a check-in at the period's start, so the start value (off the line) is not used
          const checkIns = [0, ...days].map((d) => ({ at: new Date(qStart + d * DAY), value: v0 + perDay * d }));
          const r = forecast({ type: 'increase', start: v0 - 5, target: v0 + 1e9 }, checkIns, q1, new Date(qStart));
          // the period ends at 24:00 on 31 March: day 90
          expect(r!.value).toBeCloseTo(v0 + perDay * 90, 4);
          expect(r!.low).toBeCloseTo(r!.value, 4);
          expect(r!.high).toBeCloseTo(r!.value, 4);
        },
      ),
    );
  });

  it("the forecast at the latest check-in's time is the current value", () => {
    fc.assert(
      fc.property(kr, fc.array(point, { minLength: 1, maxLength: 20 }), (k, checkIns) => {
        let latest = checkIns[0]!;
        for (const c of checkIns) if (c.at.getTime() >= latest.at.getTime()) latest = c;
        const r = forecastAt(k, checkIns, q1, latest.at, 'Europe/Oslo')!;
        expect(r).toEqual({ value: latest.value, low: latest.value, high: latest.value });
      }),
    );
  });
});
