// Decides a unit's follow-up in a cycle (the pitfall of missing follow-up, seed 002): how many
// meetings its check-in rhythm made due so far (one per check-in day since the cycle began) and
// whether it keeps the cadence — no check-in day has gone by without a meeting since its last one,
// the current day's meeting may still be to come.
import { latestCheckInDay, checkInDaysUpTo, type CheckInSchedule } from './checkInDue.js';

export interface FollowUpFacts {
  rhythm: Pick<CheckInSchedule, 'weekday' | 'cadence'>;
  cycle: { startDate: string; endDate: string };
  /** Today in the organisation's time zone ('YYYY-MM-DD'). */
  today: string;
  /** Meetings ended in the cycle. */
  held: number;
  /** The local date of the last meeting in the cycle, null without one. */
  lastMeetingDate: string | null;
}

export function meetingsDue(rhythm: FollowUpFacts['rhythm'], cycle: FollowUpFacts['cycle'], today: string): number {
  const until = today < cycle.endDate ? today : cycle.endDate;
  if (until < cycle.startDate) return 0;
  return checkInDaysUpTo({ ...rhythm, from: cycle.startDate }, until);
}

export function meetingFollowUp(f: FollowUpFacts): { due: number; held: number; keepsCadence: boolean } {
  const schedule = { ...f.rhythm, from: f.cycle.startDate };
  const due = meetingsDue(f.rhythm, f.cycle, f.today);
  const until = f.today < f.cycle.endDate ? f.today : f.cycle.endDate;
  // The check-in day before the latest one: a meeting on or after it means none has been missed.
  const latest = due > 0 ? latestCheckInDay(schedule, until) : null;
  const previous = latest && due > 1 ? latestCheckInDay(schedule, dayBefore(latest)) : null;
  const keepsCadence = previous === null || (f.lastMeetingDate !== null && f.lastMeetingDate >= previous);
  return { due, held: f.held, keepsCadence };
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
