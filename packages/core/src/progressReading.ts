// Decides how a progress number may be read: measured against the expected mark, not measured yet
// (no check-in), nothing to measure (no OKRs), or the final result of a closed period, so no screen
// claims "expected 0 % · on track" for something nobody has measured.

/** `measured`: progress, expected mark and trackStatus mean what they say. Otherwise trackStatus stays
 *  in the answer for old clients, but the screen shows the reading instead of the on-track claim. */
export type ProgressReading = 'measured' | 'no-check-in' | 'no-okrs' | 'final';
export const PROGRESS_READINGS: readonly ProgressReading[] = Object.freeze(['measured', 'no-check-in', 'no-okrs', 'final'] as const);

export interface ReadingInput {
  /** The period's state; `closed` makes the result final. */
  periodState?: string | null | undefined;
  /** For a unit: the live objectives in its subtree; 0 is "no OKRs". */
  objectiveCount?: number | undefined;
  /** For a key result or objective: whether any check-in counts towards it. */
  checkedIn?: boolean | undefined;
}

/**
 * In this order: a unit with no objective in its subtree has no OKRs (whatever the period); a
 * closed period shows the final result (no expected mark, no on-track claim); a key result or
 * objective without any check-in is "no check-in yet"; everything else is measured.
 */
export function progressReading(input: ReadingInput): ProgressReading {
  if (input.objectiveCount !== undefined && input.objectiveCount <= 0) return 'no-okrs';
  if (input.periodState === 'closed') return 'final';
  if (input.checkedIn === false) return 'no-check-in';
  return 'measured';
}
