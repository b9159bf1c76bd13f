// Turns stored key results and objectives into the API's shape, with progress, expected
// progress and on-track computed by the core rules, so every answer agrees with the UI.
import {
  expectedProgress, keyResultProgress, objectiveProgress, trackStatus,
  type AlignedTo, type KeyResult, type Objective, type Period, type TrackStatus,
} from '@varde/core';
import type { KeyResultRecord } from '../store/keyResults.js';
import type { ObjectiveRecord } from '../store/objectives.js';

export interface Timing { expected: number }
export function timingOf(period: Pick<Period, 'startDate' | 'endDate'>, now: Date, timeZone: string): Timing {
  return { expected: expectedProgress(period, now, timeZone) };
}

type KrValues = Pick<KeyResultRecord, 'type' | 'start' | 'target' | 'current' | 'confidence'>;
export function keyResultTrack(kr: KrValues, timing: Timing) {
  const p = keyResultProgress({ type: kr.type, start: kr.start, target: kr.target, current: kr.current });
  const track = trackStatus({ type: kr.type, progress: p.progress, expected: timing.expected, met: p.met, confidence: kr.confidence });
  return { progress: p.progress, rawProgress: p.rawProgress, expectedProgress: timing.expected, onTrack: track.onTrack, trackStatus: track.status };
}

export function presentKeyResult(kr: KeyResultRecord, timing: Timing): KeyResult {
  const { orgId: _org, ...rest } = kr;
  return { ...rest, ...keyResultTrack(kr, timing) };
}

export function objectiveTrack(krs: ReadonlyArray<{ progress: number; weight: number }>, timing: Timing):
  { progress: number; expectedProgress: number; onTrack: boolean; trackStatus: TrackStatus } {
  const progress = objectiveProgress(krs);
  const track = trackStatus({ type: 'objective', progress, expected: timing.expected });
  return { progress, expectedProgress: timing.expected, onTrack: track.onTrack, trackStatus: track.status };
}

export function presentObjective(o: ObjectiveRecord, krs: readonly KeyResultRecord[], timing: Timing, alignedTo: AlignedTo[]): Objective & { keyResults: KeyResult[] } {
  const { orgId: _org, ...rest } = o;
  const keyResults = krs.map((k) => presentKeyResult(k, timing));
  return { ...rest, alignedTo, ...objectiveTrack(keyResults.map((k, i) => ({ progress: k.progress, weight: krs[i]!.weight })), timing), keyResults };
}
