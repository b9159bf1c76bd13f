// Decides whether a key result is due a check-in: when at least the organisation's check-in
// cadence (in days) has passed since the last one, or there has never been one.

const DAY_MS = 86_400_000;

/**
 * Due when there is no earlier check-in (null or an invalid date), or when now − lastCheckInAt is
 * at least cadenceDays × 24 h. A check-in dated after now is not due. A cadence of 0 makes every
 * check-in due at once. Throws RangeError when cadenceDays is negative or not a finite number.
 */
export function checkInDue(lastCheckInAt: Date | null, now: Date, cadenceDays: number): boolean {
  if (!Number.isFinite(cadenceDays) || cadenceDays < 0) {
    throw new RangeError(`cadenceDays must be a finite number ≥ 0, got ${cadenceDays}`);
  }
  if (lastCheckInAt === null || Number.isNaN(lastCheckInAt.getTime())) return true;
  return now.getTime() - lastCheckInAt.getTime() >= cadenceDays * DAY_MS;
}
