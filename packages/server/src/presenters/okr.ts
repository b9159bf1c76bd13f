// Turns stored key results and objectives into the API's shape, with progress, expected
// progress and on-track computed by the core rules, so every answer agrees with the UI, and what
// the person asking may do with each (`can`, core's okrPermissions) from facts read once per answer.
import {
  expectedProgress, keyResultCan, keyResultProgress, objectiveCan, objectiveProgress, progressReading, trackStatus,
  type AlignedTo, type HintView, type KeyResult, type Objective, type OkrActor, type OkrCan, type OkrUnitFacts, type Period, type ProgressReading, type TrackStatus,
} from '@varde/core';
import type { KeyResultRecord } from '../store/keyResults.js';
import type { ObjectiveRecord } from '../store/objectives.js';

/** `final`: the period is closed, so progress is its final result (see core's progressReading).
 *  `parked`: the objective is in the backlog, in no period: nothing is expected and nothing checked in. */
export interface Timing { expected: number; final?: boolean; parked?: boolean }
export const PARKED: Timing = { expected: 0, parked: true };
export function timingOf(period: Pick<Period, 'startDate' | 'endDate'> & { state?: string }, now: Date, timeZone: string): Timing {
  return { expected: expectedProgress(period, now, timeZone), final: period.state === 'closed' };
}
const periodStateOf = (timing: Timing) => (timing.parked ? 'backlog' : timing.final ? 'closed' : 'open');

/** Who is asking, and how the unit of the objects presented stands for them. */
export interface Viewer { actor: OkrActor; unit: OkrUnitFacts }
/** For a unit that is not there (never for a stored objective): nobody's, and not archived. */
export const NO_UNIT: OkrUnitFacts = { archivedAt: null, actorIsMember: false };

export const keyResultCanFor = (viewer: Viewer, ownerId: string | null, timing: Timing): OkrCan =>
  keyResultCan(viewer.actor, { unit: viewer.unit, ownerId, periodState: periodStateOf(timing) });
export const objectiveCanFor = (viewer: Viewer, timing: Timing): OkrCan =>
  objectiveCan(viewer.actor, { unit: viewer.unit, periodState: periodStateOf(timing) });

type KrValues = Pick<KeyResultRecord, 'type' | 'start' | 'target' | 'current' | 'confidence'>;
export function keyResultTrack(kr: KrValues, timing: Timing) {
  const p = keyResultProgress({ type: kr.type, start: kr.start, target: kr.target, current: kr.current });
  const track = trackStatus({ type: kr.type, progress: p.progress, expected: timing.expected, met: p.met, confidence: kr.confidence });
  const reading = progressReading({ periodState: periodStateOf(timing), checkedIn: kr.current !== null });
  return { progress: p.progress, rawProgress: p.rawProgress, expectedProgress: timing.expected, onTrack: track.onTrack, trackStatus: track.status, reading };
}

/** The coach's hints about an objective or a key result, with their dismissals (app/hints.ts). */
export type HintsOf = (kind: 'objective' | 'keyResult', id: string) => HintView[];
export const NO_HINTS: HintsOf = () => [];

export function presentKeyResult(kr: KeyResultRecord, timing: Timing, viewer: Viewer, hints: HintsOf = NO_HINTS): KeyResult {
  const { orgId: _org, ...rest } = kr;
  return { ...rest, ...keyResultTrack(kr, timing), can: keyResultCanFor(viewer, kr.ownerId, timing), hints: hints('keyResult', kr.id) };
}

/** `checkedIn`: whether any of its key results has a check-in. */
export function objectiveTrack(krs: ReadonlyArray<{ progress: number; weight: number }>, timing: Timing, checkedIn: boolean):
  { progress: number; expectedProgress: number; onTrack: boolean; trackStatus: TrackStatus; reading: ProgressReading } {
  const progress = objectiveProgress(krs);
  const track = trackStatus({ type: 'objective', progress, expected: timing.expected });
  const reading = progressReading({ periodState: periodStateOf(timing), checkedIn });
  return { progress, expectedProgress: timing.expected, onTrack: track.onTrack, trackStatus: track.status, reading };
}

/** A unit's reading: no OKRs without objectives in its subtree, final in a closed period. */
export function unitReading(subtreeObjectiveCount: number, timing: Timing): ProgressReading {
  return progressReading({ periodState: periodStateOf(timing), objectiveCount: subtreeObjectiveCount });
}

export function presentObjective(o: ObjectiveRecord, krs: readonly KeyResultRecord[], timing: Timing, alignedTo: AlignedTo[], viewer: Viewer,
  hints: HintsOf = NO_HINTS): Objective & { keyResults: KeyResult[] } {
  const { orgId: _org, ...rest } = o;
  const keyResults = krs.map((k) => presentKeyResult(k, timing, viewer, hints));
  return {
    ...rest, alignedTo, ...objectiveTrack(keyResults.map((k, i) => ({ progress: k.progress, weight: krs[i]!.weight })), timing, krs.some((k) => k.current !== null)),
    can: objectiveCanFor(viewer, timing), hints: hints('objective', o.id), keyResults,
  };
}
