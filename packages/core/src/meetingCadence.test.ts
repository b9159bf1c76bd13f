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
    expect(meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-29', held: 3, lastMeetingDate: '2026-09-21' }))
      .toEqual({ due: 4, held: 3, keepsCadence: true });
    expect(meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-29', held: 4, lastMeetingDate: '2026-09-28' }).keepsCadence).toBe(true);
  });

  it('does not, once a check-in day has gone by without a meeting (skipped the last two)', () => {
    expect(meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-29', held: 2, lastMeetingDate: '2026-09-14' }))
      .toEqual({ due: 4, held: 2, keepsCadence: false });
    expect(meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-15', held: 0, lastMeetingDate: null }).keepsCadence).toBe(false);
  });

  it('a biweekly unit that met two weeks ago keeps its cadence; with nothing due yet, everyone does', () => {
    expect(meetingFollowUp({ rhythm: biweekly, cycle, today: '2026-09-27', held: 1, lastMeetingDate: '2026-09-07' }).keepsCadence).toBe(true);
    expect(meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-27', held: 1, lastMeetingDate: '2026-09-07' }).keepsCadence).toBe(false);
    expect(meetingFollowUp({ rhythm: weekly, cycle, today: '2026-09-03', held: 0, lastMeetingDate: null })).toEqual({ due: 0, held: 0, keepsCadence: true });
  });
});
