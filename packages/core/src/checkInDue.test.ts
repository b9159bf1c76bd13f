import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInDaysUpTo, checkInDue, firstCheckInDay, latestCheckInDay, type CheckInSchedule } from './checkInDue.js';

// 2026-09-01 is a Tuesday; Mondays from then: 7, 14, 21, 28 September.
const weeklyMonday: CheckInSchedule = { weekday: 1, cadence: 'weekly', from: '2026-09-01' };
const biweeklyMonday: CheckInSchedule = { weekday: 1, cadence: 'biweekly', from: '2026-09-01' };
const OSLO = 'Europe/Oslo';

describe('check-in days', () => {
  it('start on the first weekday on or after the period starts, and step by the cadence', () => {
    expect(firstCheckInDay(weeklyMonday)).toBe('2026-09-07');
    expect(firstCheckInDay({ ...weeklyMonday, weekday: 2 })).toBe('2026-09-01');
    expect(latestCheckInDay(weeklyMonday, '2026-09-06')).toBeNull();
    expect(latestCheckInDay(weeklyMonday, '2026-09-16')).toBe('2026-09-14');
    expect(latestCheckInDay(biweeklyMonday, '2026-09-16')).toBe('2026-09-07');
    expect(latestCheckInDay(biweeklyMonday, '2026-09-21')).toBe('2026-09-21');
    expect(checkInDaysUpTo(weeklyMonday, '2026-09-28')).toBe(4);
    expect(checkInDaysUpTo(biweeklyMonday, '2026-09-28')).toBe(2);
    expect(checkInDaysUpTo(biweeklyMonday, '2026-09-06')).toBe(0);
  });

  it('rejects a weekday outside 1–7 and a date that is not one', () => {
    expect(() => firstCheckInDay({ ...weeklyMonday, weekday: 0 })).toThrow(RangeError);
    expect(() => firstCheckInDay({ ...weeklyMonday, from: 'soon' })).toThrow(RangeError);
  });
});

describe('checkInDue', () => {
  it('is due when there has never been a check-in', () => {
    expect(checkInDue(null, new Date('2026-09-02T09:00:00Z'), weeklyMonday)).toBe(true);
    expect(checkInDue(new Date('not a date'), new Date('2026-09-02T09:00:00Z'), weeklyMonday)).toBe(true);
  });

  it('weekly: due from the check-in day until checked in, whatever the number of days', () => {
    const friday = new Date('2026-09-11T12:00:00Z');
    expect(checkInDue(friday, new Date('2026-09-13T20:00:00Z'), weeklyMonday, 'UTC')).toBe(false);
    // Three days later, it is Monday: due, although a week has not passed.
    expect(checkInDue(friday, new Date('2026-09-14T08:00:00Z'), weeklyMonday, 'UTC')).toBe(true);
    expect(checkInDue(new Date('2026-09-14T08:30:00Z'), new Date('2026-09-20T20:00:00Z'), weeklyMonday, 'UTC')).toBe(false);
  });

  it('biweekly: not due one week after its check-in day, due two weeks after', () => {
    const onTheDay = new Date('2026-09-07T09:00:00Z');
    expect(checkInDue(onTheDay, new Date('2026-09-14T09:00:00Z'), biweeklyMonday)).toBe(false);
    expect(checkInDue(onTheDay, new Date('2026-09-20T23:00:00Z'), biweeklyMonday)).toBe(false);
    expect(checkInDue(onTheDay, new Date('2026-09-21T09:00:00Z'), biweeklyMonday)).toBe(true);
  });

  it("counts the day in the organisation's time zone: Monday begins at 22:00 UTC on Sunday in Oslo in summer", () => {
    const lastWeek = new Date('2026-09-07T10:00:00Z');
    const sundayNightUtc = new Date('2026-09-13T22:30:00Z');
    expect(checkInDue(lastWeek, sundayNightUtc, weeklyMonday, 'UTC')).toBe(false);
    expect(checkInDue(lastWeek, sundayNightUtc, weeklyMonday, OSLO)).toBe(true);
    // Written at 23:30 on Sunday UTC, it is Monday in Oslo: it counts for that Monday.
    expect(checkInDue(new Date('2026-09-13T22:15:00Z'), sundayNightUtc, weeklyMonday, OSLO)).toBe(false);
  });

  it('is not due before the first check-in day once checked in, nor for a check-in dated in the future', () => {
    expect(checkInDue(new Date('2026-09-02T09:00:00Z'), new Date('2026-09-05T09:00:00Z'), weeklyMonday)).toBe(false);
    expect(checkInDue(new Date('2026-10-20T00:00:00Z'), new Date('2026-10-01T09:00:00Z'), weeklyMonday)).toBe(false);
  });

  it('property: once due, stays due as time passes; biweekly is never due when weekly is not', () => {
    const ms = fc.integer({ min: 0, max: 120 * 86_400_000 });
    const start = Date.UTC(2026, 8, 1);
    fc.assert(fc.property(ms, ms, ms, fc.integer({ min: 1, max: 7 }), (last, elapsed, more, weekday) => {
      const t0 = new Date(start + last);
      const now = new Date(t0.getTime() + elapsed);
      const weekly = { weekday, cadence: 'weekly' as const, from: '2026-09-01' };
      const biweekly = { ...weekly, cadence: 'biweekly' as const };
      if (checkInDue(t0, now, weekly, OSLO)) expect(checkInDue(t0, new Date(now.getTime() + more), weekly, OSLO)).toBe(true);
      if (checkInDue(t0, now, biweekly, OSLO)) expect(checkInDue(t0, now, weekly, OSLO)).toBe(true);
    }));
  });
});
