// Decides an objective's progress: the weighted mean of its key results' shown (0–1) progress,
// so one over-achieved key result cannot hide the others and a weight of 0 parks a key result.

import { keyResultProgress, type KeyResultValues } from './keyResultProgress.js';

export interface WeightedProgress {
  progress: number;
  weight: number;
}

/**
 * Weighted mean of the key results' progress, each clamped to [0, 1] first (NaN counts as 0).
 * Key results with a weight that is not a positive finite number are left out; with none left
 * the objective's progress is 0. The result always lies between the smallest and the largest
 * progress that was counted.
 */
export function objectiveProgress(keyResults: readonly WeightedProgress[]): number {
  let maxWeight = 0;
  for (const kr of keyResults) {
    if (counts(kr.weight) && kr.weight > maxWeight) maxWeight = kr.weight;
  }
  if (maxWeight === 0) return 0;

  let weightSum = 0;
  let weighted = 0;
  let min = 1;
  let max = 0;
  for (const kr of keyResults) {
    if (!counts(kr.weight)) continue;
    const w = kr.weight / maxWeight; // in (0, 1]: the sums cannot overflow
    const p = clamp01(kr.progress);
    weightSum += w;
    weighted += w * p;
    if (p < min) min = p;
    if (p > max) max = p;
  }
  const mean = weighted / weightSum;
  return Math.min(max, Math.max(min, mean)); // rounding must not step outside the inputs
}

function counts(weight: number): boolean {
  return Number.isFinite(weight) && weight > 0;
}

function clamp01(x: number): number {
  return Number.isNaN(x) ? 0 : Math.min(1, Math.max(0, x));
}

/** An objective's progress straight from its key results' definitions and latest values. */
export function objectiveProgressOf(keyResults: ReadonlyArray<KeyResultValues & { weight: number }>): number {
  return objectiveProgress(keyResults.map((kr) => ({ progress: keyResultProgress(kr).progress, weight: kr.weight })));
}
