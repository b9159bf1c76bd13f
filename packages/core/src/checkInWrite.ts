// What a set of check-ins does to their key results and objectives, decided once for every path
// that writes check-ins (one at a time, in batches, the demo, the bench): the newest check-in by
// time sets a key result's current value, never one older than the value already current (a
// clock that went back on some instance), and each objective whose key results moved gets its
// progress again from all of them.
import { objectiveProgressOf } from './objectiveProgress.js';
import type { KeyResultType } from './keyResultProgress.js';

export interface CheckInToWrite { id: string; keyResultId: string; value: number; confidence: number; createdAt: string }
/** A key result as it stands before the write. */
export interface KeyResultStanding {
  id: string; objectiveId: string; type: KeyResultType; start: number; target: number; weight: number;
  current: number | null; confidence: number | null; currentAt: string | null;
}
export interface CurrentMove { keyResultId: string; value: number; confidence: number; at: string }
export interface CheckInWrite {
  /** Key results whose current value becomes a check-in's. */
  moves: CurrentMove[];
  /** The new progress of each objective whose key results moved. */
  progress: Array<{ objectiveId: string; progress: number }>;
  /** For each check-in, in the order given, the key result's value and confidence just before it
   *  (what its event says it moved from). */
  before: Array<{ value: number | null; confidence: number | null }>;
}

const newer = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }): boolean =>
  a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);

/** Whether a check-in made at `at` becomes current over a value current since `currentAt`. */
export const becomesCurrent = (at: string, currentAt: string | null): boolean => currentAt === null || currentAt <= at;

/** `keyResults`: every key result of the objectives of the check-ins' key results, by id. */
export function checkInWrite(checkIns: readonly CheckInToWrite[], keyResults: ReadonlyMap<string, KeyResultStanding>): CheckInWrite {
  const standing = new Map<string, { value: number | null; confidence: number | null; at: string | null }>();
  const before: CheckInWrite['before'] = [];
  const newest = new Map<string, CheckInToWrite>();
  for (const c of checkIns) {
    const kr = keyResults.get(c.keyResultId);
    if (!kr) throw new Error(`check-in ${c.id} is on a key result that was not read: ${c.keyResultId}`);
    const now = standing.get(kr.id) ?? { value: kr.current, confidence: kr.confidence, at: kr.currentAt };
    before.push({ value: now.value, confidence: now.confidence });
    if (becomesCurrent(c.createdAt, now.at)) standing.set(kr.id, { value: c.value, confidence: c.confidence, at: c.createdAt });
    const seen = newest.get(c.keyResultId);
    if (!seen || newer(c, seen)) newest.set(c.keyResultId, c);
  }
  const moves = [...newest.values()]
    .filter((c) => becomesCurrent(c.createdAt, keyResults.get(c.keyResultId)!.currentAt))
    .map((c) => ({ keyResultId: c.keyResultId, value: c.value, confidence: c.confidence, at: c.createdAt }));
  const moved = new Map(moves.map((m) => [m.keyResultId, m.value]));
  const objectives = new Set(moves.map((m) => keyResults.get(m.keyResultId)!.objectiveId));
  const siblings = new Map<string, KeyResultStanding[]>();
  for (const kr of keyResults.values()) {
    if (!objectives.has(kr.objectiveId)) continue;
    const list = siblings.get(kr.objectiveId);
    if (list) list.push(kr); else siblings.set(kr.objectiveId, [kr]);
  }
  const progress = [...siblings].map(([objectiveId, krs]) => ({
    objectiveId,
    progress: objectiveProgressOf(krs.map((kr) => ({ type: kr.type, start: kr.start, target: kr.target, weight: kr.weight, current: moved.get(kr.id) ?? kr.current }))),
  }));
  return { moves, progress, before };
}
