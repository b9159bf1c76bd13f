import { describe, expect, it } from 'vitest';
import { meetingFollowUp, meetingsDue } from './meetingCadence.js';

// A tertial from Tuesday 1 September; Mondays 7, 14, 21, 28 September, 5 October …
const cycle = { startDate: '2026-09-01', endDate: '2026-12-31' };
const weekly = { weekday: 1, cadence: 'weekly' as const };
const biweekly = { weekday: 1, cadence: 'biweekly' as const };

describe('meetingsDue', () => {
  it('counts one meeting per check-in day of the cycle so far', () => {
    expect(meetingsDue(weekly, cycle, '2026-09-06')).toBe(0);
    expect(meetingsDue(weekly, cycle, '2026-09-28')).toBe(4);
    expect(meetingsDue(biweekly, cycle, '2026-09-28')).toBe(2);
    expect(meetingsDue(weekly, cycle, '2027-02-01')).toBe(17);
    expect(meetingsDue(weekly, cycle, '2026-08-01')).toBe(0);
  });
});

describe('meetingFollowUp', () => {
  it('keeps the cadence with a meeting since the check-in day before the latest: this week\'s may still come', () => {
    expect(meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-29', meetingDates: ['2026-09-07', '2026-09-14', '2026-09-21'] }))
      .toEqual({ due: 4, held: 3, keepsCadence: true });
    expect(meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-29', meetingDates: ['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28'] }).keepsCadence).toBe(true);
  });

  it('does not, once a check-in day has gone by without a meeting (skipped the last two)', () => {
    expect(meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-29', meetingDates: ['2026-09-07', '2026-09-14'] }))
      .toEqual({ due: 4, held: 2, keepsCadence: false });
    expect(meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-15', meetingDates: [] }).keepsCadence).toBe(false);
  });

  it('a biweekly unit that met two weeks ago keeps its cadence; with nothing due yet, everyone does', () => {
    expect(meetingFollowUp({ rhythm: biweekly, cycle, today: '2026-09-27', meetingDates: ['2026-09-07'] }).keepsCadence).toBe(true);
    expect(meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-27', meetingDates: ['2026-09-07'] }).keepsCadence).toBe(false);
    expect(meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-03', meetingDates: [] })).toEqual({ due: 0, held: 0, keepsCadence: true });
  });

  it('counts check-in days that had a meeting, so two in one week are one and held never exceeds due', () => {
    // Two meetings in the week of 14 September, one before the first check-in day, one after today.
    const f = meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-22', meetingDates: ['2026-09-03', '2026-09-14', '2026-09-17', '2026-09-30'] });
    expect(f).toEqual({ due: 3, held: 2, keepsCadence: true });
    const many = meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-08', meetingDates: ['2026-09-07', '2026-09-07', '2026-09-08'] });
    expect(many.held).toBe(1);
    expect(many.held).toBeLessThanOrEqual(many.due);
  });
});
