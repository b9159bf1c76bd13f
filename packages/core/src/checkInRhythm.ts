// Decides a unit's check-in rhythm: the weekday and cadence it meets on, its own or, where it has
// none (null), the organisation's; and the days after which a key result is due a check-in. The
// organisation keeps checkInCadenceDays (older clients set it, and any number of days 1–90 still
// works for units that follow the organisation); a unit's own cadence counts 7 or 14 days.

export type CheckInCadence = 'weekly' | 'biweekly';
export const CHECK_IN_CADENCES: readonly CheckInCadence[] = Object.freeze(['weekly', 'biweekly'] as const);
export const CADENCE_DAYS: Readonly<Record<CheckInCadence, number>> = Object.freeze({ weekly: 7, biweekly: 14 });

export interface OrganisationRhythm { checkInWeekday: number; checkInCadence: CheckInCadence; checkInCadenceDays: number }
export interface UnitRhythm { checkInWeekday: number | null; checkInCadence: CheckInCadence | null }

export interface EffectiveCheckIn {
  /** 1–7, Monday 1 (ISO 8601). */
  weekday: number;
  cadence: CheckInCadence;
  /** After how many days since the last check-in a key result of the unit is due one. */
  cadenceDays: number;
  /** True when both come from the organisation (the unit sets neither). */
  inherited: boolean;
}

/** The rhythm a unit checks in by: each of weekday and cadence its own where set, else the
 *  organisation's. Days follow the cadence where the unit sets one, else the organisation's days. */
export function effectiveCheckIn(unit: UnitRhythm, org: OrganisationRhythm): EffectiveCheckIn {
  return {
    weekday: unit.checkInWeekday ?? org.checkInWeekday,
    cadence: unit.checkInCadence ?? org.checkInCadence,
    cadenceDays: unit.checkInCadence ? CADENCE_DAYS[unit.checkInCadence] : org.checkInCadenceDays,
    inherited: unit.checkInWeekday === null && unit.checkInCadence === null,
  };
}

/** The organisation's cadence and days after a change that sets one or both: a new cadence brings
 *  its days (weekly 7, biweekly 14) unless the same change sets the days; days of 7 or 14 alone
 *  bring their cadence; other days alone leave the cadence as it was. */
export function organisationRhythm(current: { checkInCadence: CheckInCadence; checkInCadenceDays: number },
  change: { checkInCadence?: CheckInCadence | undefined; checkInCadenceDays?: number | undefined }): { checkInCadence: CheckInCadence; checkInCadenceDays: number } {
  if (change.checkInCadence !== undefined) {
    return { checkInCadence: change.checkInCadence, checkInCadenceDays: change.checkInCadenceDays ?? CADENCE_DAYS[change.checkInCadence] };
  }
  if (change.checkInCadenceDays !== undefined) {
    const named = CHECK_IN_CADENCES.find((c) => CADENCE_DAYS[c] === change.checkInCadenceDays);
    return { checkInCadence: named ?? current.checkInCadence, checkInCadenceDays: change.checkInCadenceDays };
  }
  return { checkInCadence: current.checkInCadence, checkInCadenceDays: current.checkInCadenceDays };
}

/** The check-in days a unit's key results in a period are due by: its rhythm, from the period's first day. */
export function checkInScheduleOf(unit: UnitRhythm | undefined, org: OrganisationRhythm, periodStart: string): { weekday: number; cadence: CheckInCadence; from: string } {
  const rhythm = effectiveCheckIn(unit ?? { checkInWeekday: null, checkInCadence: null }, org);
  return { weekday: rhythm.weekday, cadence: rhythm.cadence, from: periodStart };
}
