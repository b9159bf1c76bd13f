// Decides whether a key result, objective or unit is on track, at risk or off track by comparing
// its progress with the elapsed share of the period, so "on track" means the same on every screen.

import type { KeyResultType } from './keyResultProgress.js';

export type TrackStatus = 'on-track' | 'at-risk' | 'off-track';

export interface TrackInput {
  type: KeyResultType | 'objective';
  /** Shown progress, 0–1. */
  progress: number;
  /** Expected progress (elapsed share of the period), 0–1. */
  expected: number;
  met?: boolean;
  /** The latest check-in's confidence on the 1–10 scale, if any. */
  confidence?: number | null;
}

/** How far progress may lag the expected progress: up to `onTrack` is on track, up to `atRisk` at risk. */
export const TRACK_TOLERANCE: { readonly onTrack: number; readonly atRisk: number } = Object.freeze({
  onTrack: 0.1,
  atRisk: 0.25,
});

/** Absorbs float noise such as 0.4 − 0.3 = 0.10000000000000003, so a gap of exactly 0.1 counts as 0.1. */
const EPSILON = 1e-9;
const LOW_CONFIDENCE = 3;
const MIDDLING_CONFIDENCE = 6;

/**
 * - objective (also used for units) and increase/decrease: gap = expected − progress; gap ≤ 0.1 is
 *   on track, ≤ 0.25 at risk, else off track. For increase/decrease a latest confidence ≤ 3 turns
 *   on track into at risk (the team says it will not make it although the numbers look fine).
 *   A key result that is met is on track whatever its confidence.
 * - above/below: on track while the threshold is met, otherwise off track (a threshold is held or
 *   broken, there is no "behind schedule").
 * - milestone: done is on track. Not done after the period has ended (expected ≥ 1) is off track.
 *   While the period runs, an unfinished milestone is on track unless the latest confidence says
 *   otherwise: ≤ 3 off track, 4–6 at risk; 7–10 or no confidence stays on track.
 * A progress or expected value that is not a number counts as 0.
 */
export function trackStatus(input: TrackInput): { onTrack: boolean; status: TrackStatus } {
  const status = decide(input);
  return { onTrack: status === 'on-track', status };
}

function decide(input: TrackInput): TrackStatus {
  const met = input.met === true;
  const confidence = typeof input.confidence === 'number' && !Number.isNaN(input.confidence) ? input.confidence : null;
  switch (input.type) {
    case 'above':
    case 'below':
      return met ? 'on-track' : 'off-track';
    case 'milestone':
      if (met) return 'on-track';
      if (num(input.expected) >= 1) return 'off-track';
      if (confidence !== null && confidence <= LOW_CONFIDENCE) return 'off-track';
      if (confidence !== null && confidence <= MIDDLING_CONFIDENCE) return 'at-risk';
      return 'on-track';
    case 'increase':
    case 'decrease': {
      if (met) return 'on-track';
      const byGap = fromGap(input);
      if (byGap === 'on-track' && confidence !== null && confidence <= LOW_CONFIDENCE) return 'at-risk';
      return byGap;
    }
    case 'objective':
      return fromGap(input);
  }
}

function fromGap(input: TrackInput): TrackStatus {
  const gap = num(input.expected) - num(input.progress);
  if (gap <= TRACK_TOLERANCE.onTrack + EPSILON) return 'on-track';
  if (gap <= TRACK_TOLERANCE.atRisk + EPSILON) return 'at-risk';
  return 'off-track';
}

function num(x: number): number {
  return Number.isNaN(x) ? 0 : x;
}
