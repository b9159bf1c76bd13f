// Decides a unit's follow-up in a cycle (the pitfall of missing follow-up, seed 002): how many
// meetings its check-in rhythm made due so far (one per check-in day since the cycle began), how
// many of those were held, and whether it keeps the cadence — no check-in day has gone by without a
// meeting since its last one, the current day's meeting may still be to come.
import { latestCheckInDay, checkInDaysUpTo, type CheckInSchedule } from './checkInDue.js';

export interface FollowUpFacts {
  rhythm: Pick<CheckInSchedule, 'weekday' | 'cadence'>;
  cycle: { startDate: string; endDate: string };
  /** Today in the organisation's time zone ('YYYY-MM-DD'). */
  today: string;
  /** The local dates ('YYYY-MM-DD') of the meetings ended in the cycle, in any order. */
  meetingDates: readonly string[];
}

export function meetingsDue(rhythm: FollowUpFacts['rhythm'], cycle: FollowUpFacts['cycle'], today: string): number {
  const until = today < cycle.endDate ? today : cycle.endDate;
  if (until < cycle.startDate) return 0;
  return checkInDaysUpTo({ ...rhythm, from: cycle.startDate }, until);
}

/** `held` counts the check-in days that had their meeting, so it never exceeds `due`: two meetings
 *  in one week are one held, and a meeting before the first check-in day counts for that day. */
export function meetingFollowUp(f: FollowUpFacts): { due: number; held: number; keepsCadence: boolean } {
  const schedule = { ...f.rhythm, from: f.cycle.startDate };
  const due = meetingsDue(f.rhythm, f.cycle, f.today);
  const until = f.today < f.cycle.endDate ? f.today : f.cycle.endDate;
  const covered = new Set<number>();
  for (const date of f.meetingDates) {
    if (date > until) continue;
    covered.add(Math.max(1, checkInDaysUpTo(schedule, date)));
  }
  const held = [...covered].filter((day) => day <= due).length;
  const lastMeetingDate = f.meetingDates.reduce<string | null>((last, d) => (last === null || d > last ? d : last), null);
  // The check-in day before the latest one: a meeting on or after it means none has been missed.
  const latest = due > 0 ? latestCheckInDay(schedule, until) : null;
  const previous = latest && due > 1 ? latestCheckInDay(schedule, dayBefore(latest)) : null;
  const keepsCadence = previous === null || (lastMeetingDate !== null && lastMeetingDate >= previous);
  return { due, held, keepsCadence };
}

function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}
