// Decides a key result's progress: (current − start) / (target − start) for increase and decrease,
// met-or-not for thresholds (above/below) and milestones, so every layer shows the same number.

export type KeyResultType = 'increase' | 'decrease' | 'above' | 'below' | 'milestone';

export interface KeyResultValues {
  type: KeyResultType;
  start: number;
  target: number;
  current: number | null;
}

export interface KeyResultProgress {
  /** 0–1, what a progress bar shows. */
  progress: number;
  /** Unclamped: below 0 when moving the wrong way, above 1 on over-achievement. */
  rawProgress: number;
  met: boolean;
}

/**
 * Progress of one key result.
 * - increase/decrease: rawProgress = (current − start) / (target − start); a missing current
 *   counts as the start value; met = rawProgress >= 1. When start === target the key result is
 *   met once current is at or beyond the target in its direction (≥ for increase, ≤ for decrease).
 * - above/below: met when current ≥ / ≤ target; progress is 1 or 0; no value means not met.
 * - milestone: current 1 means done, 0 not done; progress is 1 or 0.
 * The result is finite for all finite inputs (huge ratios are capped at ±Number.MAX_VALUE).
 */
export function keyResultProgress(kr: KeyResultValues): KeyResultProgress {
  switch (kr.type) {
    case 'increase':
    case 'decrease': {
      const current = kr.current ?? kr.start;
      if (kr.start === kr.target) {
        const met = kr.type === 'increase' ? current >= kr.target : current <= kr.target;
        return binary(met);
      }
      const raw = ratio(current - kr.start, kr.target - kr.start, current / 2 - kr.start / 2, kr.target / 2 - kr.start / 2);
      return { progress: clamp01(raw), rawProgress: raw, met: raw >= 1 };
    }
    case 'above':
      return binary(kr.current !== null && kr.current >= kr.target);
    case 'below':
      return binary(kr.current !== null && kr.current <= kr.target);
    case 'milestone':
      return binary(kr.current !== null && kr.current >= 1);
  }
}

function binary(met: boolean): KeyResultProgress {
  const value = met ? 1 : 0;
  return { progress: value, rawProgress: value, met };
}

/** n / d kept finite: uses the halved operands when d overflows and caps an infinite quotient. */
function ratio(n: number, d: number, halfN: number, halfD: number): number {
  let r = Number.isFinite(d) ? n / d : halfN / halfD;
  if (Number.isNaN(r)) r = 0;
  if (r === Infinity) r = Number.MAX_VALUE;
  if (r === -Infinity) r = -Number.MAX_VALUE;
  return r === 0 ? 0 : r; // no -0
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}
