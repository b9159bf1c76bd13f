// Decides the scores of a review (article 004 and DOMAIN.md): a key result's proposed score from its
// result, in tenths from 0.0 to 1.0; an objective's score as the weighted mean of its key results';
// and whether an objective succeeded, which is 1.0 for a committed one and 0.7 for an aspirational
// one ("0.7 is success"). A score set by hand differs from the proposal only with a reason.
import { keyResultProgress, type KeyResultType } from './keyResultProgress.js';

export type ObjectiveKindForScore = 'committed' | 'aspirational';

/** What a committed and an aspirational objective must reach to have succeeded. */
export const SUCCESS_AT: Readonly<Record<ObjectiveKindForScore, number>> = Object.freeze({ committed: 1, aspirational: 0.7 });

export interface ScoredKeyResult {
  type: KeyResultType;
  start: number;
  target: number;
  /** The latest value, or null without a check-in. */
  current: number | null;
}

export interface TimedValue { value: number; at: string }

/** A score in tenths: 0.64 → 0.6, 0.65 → 0.7 (half up); never below 0 or above 1. */
export function toTenths(x: number): number {
  if (!Number.isFinite(x)) return x > 0 ? 1 : 0;
  const clamped = Math.min(1, Math.max(0, x));
  // The epsilon keeps 0.65 (stored as 0.6499…) rounding up, as a person reading it would.
  return Math.round(clamped * 10 + 1e-9) / 10;
}

/**
 * The score a review proposes for a key result.
 * - increase/decrease: its progress, clamped to 0–1, in tenths.
 * - milestone: 1 when done, else 0.
 * - above/below: the share of the cycle the threshold held, in tenths. The cycle runs from `from`
 *   to `to` (the period's first day to the end of its last day, or now if that is earlier); each
 *   check-in's value holds from its time until the next check-in; before the first check-in the
 *   threshold is not known to hold, so that time counts as not held. Without check-ins: 0.
 */
export function proposedScore(kr: ScoredKeyResult, checkIns: readonly TimedValue[], cycle: { from: string; to: string }): number {
  if (kr.type === 'above' || kr.type === 'below') return toTenths(thresholdHeldShare(kr, checkIns, cycle));
  return toTenths(keyResultProgress(kr).progress);
}

/** The share (0–1) of the cycle a threshold key result's value was on the right side of its target. */
export function thresholdHeldShare(kr: { type: KeyResultType; target: number }, checkIns: readonly TimedValue[], cycle: { from: string; to: string }): number {
  const from = Date.parse(cycle.from);
  const to = Date.parse(cycle.to);
  if (!(to > from)) return 0;
  const held = (v: number) => (kr.type === 'below' ? v <= kr.target : v >= kr.target);
  const sorted = [...checkIns].map((c) => ({ value: c.value, t: Date.parse(c.at) })).filter((c) => Number.isFinite(c.t)).sort((a, b) => a.t - b.t);
  let heldMs = 0;
  for (const [i, c] of sorted.entries()) {
    const begin = Math.max(from, c.t);
    const end = Math.min(to, sorted[i + 1]?.t ?? to);
    if (end > begin && held(c.value)) heldMs += end - begin;
  }
  return heldMs / (to - from);
}

/** An objective's score: the mean of its key results' scores weighted by their weights, to two
 *  decimals; null without key results (nothing to score). Weights of 0 or less count as 1 when all are. */
export function objectiveScore(keyResults: readonly { score: number; weight: number }[]): number | null {
  if (keyResults.length === 0) return null;
  const total = keyResults.reduce((s, k) => s + Math.max(0, k.weight), 0);
  const mean = total > 0
    ? keyResults.reduce((s, k) => s + k.score * Math.max(0, k.weight), 0) / total
    : keyResults.reduce((s, k) => s + k.score, 0) / keyResults.length;
  return Math.round(mean * 100) / 100;
}

/** Whether an objective with this score succeeded, by its kind's bar (SUCCESS_AT). */
export function succeeded(kind: ObjectiveKindForScore, score: number | null): boolean {
  return score !== null && score + 1e-9 >= SUCCESS_AT[kind];
}

export type ScoreProblem = { field: 'score' | 'reason'; code: 'not_tenths' | 'reason_required'; message: string };

/** What is wrong with a score set by hand: it must be a tenth from 0 to 1, and a reason must say
 *  why when it differs from the proposal. */
export function scoreOverrideProblem(proposed: number, score: number, reason: string): ScoreProblem | null {
  if (!(score >= 0 && score <= 1) || Math.abs(score * 10 - Math.round(score * 10)) > 1e-9) {
    return { field: 'score', code: 'not_tenths', message: 'must be 0.0 to 1.0 in steps of 0.1' };
  }
  if (Math.abs(score - proposed) > 1e-9 && reason.trim() === '') {
    return { field: 'reason', code: 'reason_required', message: `is required when the score differs from the proposed ${proposed.toFixed(1)}` };
  }
  return null;
}
