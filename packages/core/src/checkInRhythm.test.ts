import { describe, expect, it } from 'vitest';
import { checkInDue } from './checkInDue.js';
import { effectiveCheckIn, organisationRhythm } from './checkInRhythm.js';

const org = { checkInWeekday: 1, checkInCadence: 'weekly' as const, checkInCadenceDays: 7 };

describe('effectiveCheckIn', () => {
  it("a unit that sets nothing takes the organisation's weekday, cadence and days, and says so", () => {
    expect(effectiveCheckIn({ checkInWeekday: null, checkInCadence: null }, org)).toEqual({ weekday: 1, cadence: 'weekly', cadenceDays: 7, inherited: true });
  });

  it('a unit on a biweekly cadence is due after 14 days, whatever the organisation counts', () => {
    const unit = effectiveCheckIn({ checkInWeekday: null, checkInCadence: 'biweekly' }, { ...org, checkInCadenceDays: 10 });
    expect(unit).toEqual({ weekday: 1, cadence: 'biweekly', cadenceDays: 14, inherited: false });
    const last = new Date('2027-03-01T09:00:00Z');
    expect(checkInDue(last, new Date('2027-03-09T09:00:00Z'), unit.cadenceDays)).toBe(false);
    expect(checkInDue(last, new Date('2027-03-15T09:00:00Z'), unit.cadenceDays)).toBe(true);
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
