// Decides which state changes a period may make: one step forward through the cycle's rituals
// (planning → active → review → closed) or one step back to reopen it, never a jump.

export type PeriodState = 'planning' | 'active' | 'review' | 'closed';

export const PERIOD_STATES: readonly PeriodState[] = Object.freeze(['planning', 'active', 'review', 'closed'] as const);

/** True for one step forward or one step back; false for staying put, jumps and unknown states. */
export function canTransition(from: PeriodState, to: PeriodState): boolean {
  const a = PERIOD_STATES.indexOf(from);
  const b = PERIOD_STATES.indexOf(to);
  return a >= 0 && b >= 0 && Math.abs(a - b) === 1;
}
