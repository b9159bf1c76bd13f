import { describe, expect, it } from 'vitest';
import { checkInDue } from './checkInDue.js';
import { checkInScheduleOf, effectiveCheckIn, organisationRhythm } from './checkInRhythm.js';

const org = { checkInWeekday: 1, checkInCadence: 'weekly' as const, checkInCadenceDays: 7 };

describe('effectiveCheckIn', () => {
  it("a unit that sets nothing takes the organisation's weekday, cadence and days, and says so", () => {
    expect(effectiveCheckIn({ checkInWeekday: null, checkInCadence: null }, org)).toEqual({ weekday: 1, cadence: 'weekly', cadenceDays: 7, inherited: true });
  });

  it('a unit on a biweekly cadence is due on every other check-in day, whatever the organisation counts', () => {
    const unit = effectiveCheckIn({ checkInWeekday: null, checkInCadence: 'biweekly' }, { ...org, checkInCadenceDays: 10 });
    expect(unit).toEqual({ weekday: 1, cadence: 'biweekly', cadenceDays: 14, inherited: false });
    // A cycle from Monday 1 March 2027: its biweekly days are 1, 15 and 29 March.
    const schedule = checkInScheduleOf({ checkInWeekday: null, checkInCadence: 'biweekly' }, { ...org, checkInCadenceDays: 10 }, '2027-03-01');
    expect(schedule).toEqual({ weekday: 1, cadence: 'biweekly', from: '2027-03-01' });
    const last = new Date('2027-03-01T09:00:00Z');
    expect(checkInDue(last, new Date('2027-03-09T09:00:00Z'), schedule)).toBe(false);
    expect(checkInDue(last, new Date('2027-03-14T23:00:00Z'), schedule)).toBe(false);
    expect(checkInDue(last, new Date('2027-03-15T09:00:00Z'), schedule)).toBe(true);
    expect(checkInScheduleOf(undefined, org, '2027-03-01')).toEqual({ weekday: 1, cadence: 'weekly', from: '2027-03-01' });
  });

  it("a unit with its own weekday keeps the organisation's cadence and custom days", () => {
    expect(effectiveCheckIn({ checkInWeekday: 4, checkInCadence: null }, { ...org, checkInCadenceDays: 10 })).toEqual({ weekday: 4, cadence: 'weekly', cadenceDays: 10, inherited: false });
  });
});

describe('organisationRhythm', () => {
  const current = { checkInCadence: 'weekly' as const, checkInCadenceDays: 7 };
  it('a new cadence brings its days', () => {
    expect(organisationRhythm(current, { checkInCadence: 'biweekly' })).toEqual({ checkInCadence: 'biweekly', checkInCadenceDays: 14 });
  });
  it('days given with the cadence win', () => {
    expect(organisationRhythm(current, { checkInCadence: 'biweekly', checkInCadenceDays: 12 })).toEqual({ checkInCadence: 'biweekly', checkInCadenceDays: 12 });
  });
  it('days of 14 alone name the biweekly cadence; other days leave the cadence', () => {
    expect(organisationRhythm(current, { checkInCadenceDays: 14 })).toEqual({ checkInCadence: 'biweekly', checkInCadenceDays: 14 });
    expect(organisationRhythm(current, { checkInCadenceDays: 10 })).toEqual({ checkInCadence: 'weekly', checkInCadenceDays: 10 });
    expect(organisationRhythm(current, {})).toEqual(current);
  });
});
