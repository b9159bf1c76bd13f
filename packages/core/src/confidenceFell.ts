// Whether a key result's confidence fell: its newest check-in's confidence is lower than the
// one before it. With fewer than two check-ins it has not fallen.

export function confidenceFell(newest: number | null | undefined, previous: number | null | undefined): boolean {
  if (newest == null || previous == null) return false;
  return newest < previous;
}
