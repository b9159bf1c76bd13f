import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInDue } from './checkInDue.js';

describe('checkInDue', () => {
  const monday = new Date('2026-03-02T09:00:00+01:00');

  it('is due when there has never been a check-in', () => {
    expect(checkInDue(null, monday, 7)).toBe(true);
  });

  it('weekly cadence: due a week after the last check-in, not before', () => {
    expect(checkInDue(monday, new Date('2026-03-08T09:00:00+01:00'), 7)).toBe(false);
    expect(checkInDue(monday, new Date('2026-03-09T08:59:59+01:00'), 7)).toBe(false);
    expect(checkInDue(monday, new Date('2026-03-09T09:00:00+01:00'), 7)).toBe(true);
  });

  it('bi-weekly cadence', () => {
    expect(checkInDue(monday, new Date('2026-03-09T09:00:00+01:00'), 14)).toBe(false);
    expect(checkInDue(monday, new Date('2026-03-16T09:00:00+01:00'), 14)).toBe(true);
  });

  it('a check-in dated in the future is not due', () => {
    expect(checkInDue(new Date('2026-03-20T00:00:00Z'), monday, 7)).toBe(false);
  });

  it('an invalid last date counts as no check-in', () => {
    expect(checkInDue(new Date('not a date'), monday, 7)).toBe(true);
  });

  it('rejects a negative or non-finite cadence', () => {
    expect(() => checkInDue(monday, monday, -1)).toThrow(RangeError);
    expect(() => checkInDue(monday, monday, Number.NaN)).toThrow(RangeError);
  });

  it('property: once due, stays due as time passes; a longer cadence is never due sooner', () => {
    const ms = fc.integer({ min: 0, max: 400 * 86_400_000 });
    fc.assert(
      fc.property(ms, ms, ms, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), (last, elapsed, more, cadence, extra) => {
        const t0 = new Date(Date.UTC(2026, 0, 1) + last);
        const now = new Date(t0.getTime() + elapsed);
        if (checkInDue(t0, now, cadence)) expect(checkInDue(t0, new Date(now.getTime() + more), cadence)).toBe(true);
        if (checkInDue(t0, now, cadence + extra)) expect(checkInDue(t0, now, cadence)).toBe(true);
      }),
    );
  });
});
