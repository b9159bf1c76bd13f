// Decides what a meeting's record says moved since the previous meeting: each key result whose
// value, confidence or track status differs from what the previous meeting saw, the blockers
// written and handled, and the dependencies whose state is not what it was then.
import type { TrackStatus } from './trackStatus.js';

export interface KeyResultAt { keyResultId: string; title: string; value: number | null; confidence: number | null; trackStatus: TrackStatus }
export interface DependencyHistory { id: string; description: string; steps: ReadonlyArray<{ state: string; at: string }> }

export interface MeetingChangeFacts {
  /** What the previous meeting recorded of each key result as it ended; empty without one. */
  before: ReadonlyArray<Omit<KeyResultAt, 'title'>>;
  now: readonly KeyResultAt[];
  /** When the previous meeting ended (null: the first meeting, everything is new). */
  since: string | null;
  newBlockers: number;
  handledBlockers: number;
  dependencies: readonly DependencyHistory[];
}

export interface MeetingChangeRecord {
  keyResults: Array<{ keyResultId: string; title: string; valueBefore: number | null; valueAfter: number | null;
    confidenceBefore: number | null; confidenceAfter: number | null; trackBefore: TrackStatus | null; trackAfter: TrackStatus }>;
  newBlockers: number;
  handledBlockers: number;
  dependencies: Array<{ id: string; description: string; stateBefore: string | null; stateAfter: string }>;
}

/** A dependency's state at an instant: its last step then (steps in order), null before it was raised. */
export function stateAt(steps: DependencyHistory['steps'], at: string | null): string | null {
  if (at === null) return null;
  let state: string | null = null;
  for (const s of steps) if (s.at <= at) state = s.state;
  return state;
}

export function meetingChanges(f: MeetingChangeFacts): MeetingChangeRecord {
  const before = new Map(f.before.map((b) => [b.keyResultId, b]));
  const keyResults = f.now.flatMap((k) => {
    const b = before.get(k.keyResultId);
    const row = {
      keyResultId: k.keyResultId, title: k.title,
      valueBefore: b?.value ?? null, valueAfter: k.value,
      confidenceBefore: b?.confidence ?? null, confidenceAfter: k.confidence,
      trackBefore: b?.trackStatus ?? null, trackAfter: k.trackStatus,
    };
    const moved = row.valueBefore !== row.valueAfter || row.confidenceBefore !== row.confidenceAfter || row.trackBefore !== row.trackAfter;
    return moved ? [row] : [];
  });
  const dependencies = f.dependencies.flatMap((d) => {
    const stateAfter = d.steps.at(-1)?.state;
    if (stateAfter === undefined) return [];
    const stateBefore = stateAt(d.steps, f.since);
    return stateBefore === stateAfter ? [] : [{ id: d.id, description: d.description, stateBefore, stateAfter }];
  });
  return { keyResults, newBlockers: f.newBlockers, handledBlockers: f.handledBlockers, dependencies };
}
