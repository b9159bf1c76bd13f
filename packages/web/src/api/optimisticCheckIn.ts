// Shows a check-in at once: the cached key result, its objective and the unit's own progress are
// recomputed with the core's rules (never a second copy of them), and restored if the server refuses.
import type { QueryClient } from '@tanstack/react-query';
import type { MyWork, UnitProgress } from '@varde/core';
import { keyResultProgress, objectiveProgress, trackStatus, type ProgressReading } from '@varde/core/rules';

/** A check-in makes "no check-in yet" measured; a final result stays final. */
const checkedIn = (reading: ProgressReading | undefined): ProgressReading => (reading === 'final' ? 'final' : 'measured');

export interface PendingCheckIn { keyResultId: string; value: number; confidence: number; at: string }
type Snapshot = Array<[readonly unknown[], unknown]>;

function applyToKeyResult<K extends { id: string; type: UnitProgress['objectives'][number]['keyResults'][number]['type']; start: number; target: number; expectedProgress: number; reading?: ProgressReading }>(kr: K, c: PendingCheckIn): K {
  if (kr.id !== c.keyResultId) return kr;
  const type = kr.type as 'increase';
  const p = keyResultProgress({ type, start: kr.start, target: kr.target, current: c.value });
  const track = trackStatus({ type, progress: p.progress, expected: kr.expectedProgress, met: p.met, confidence: c.confidence });
  return { ...kr, current: c.value, currentAt: c.at, confidence: c.confidence, progress: p.progress, rawProgress: p.rawProgress, onTrack: track.onTrack, trackStatus: track.status, reading: checkedIn(kr.reading) };
}

function applyToUnitProgress(data: UnitProgress, c: PendingCheckIn): UnitProgress {
  if (!data.objectives.some((o) => o.keyResults.some((k) => k.id === c.keyResultId))) return data;
  const objectives = data.objectives.map((o) => {
    if (!o.keyResults.some((k) => k.id === c.keyResultId)) return o;
    const keyResults = o.keyResults.map((k) => applyToKeyResult(k, c));
    // The progress answer leaves weights out; the server's answer replaces this one within a moment.
    const progress = objectiveProgress(keyResults.map((k) => ({ progress: k.progress, weight: 1 })));
    const track = trackStatus({ type: 'objective', progress, expected: o.expectedProgress });
    return { ...o, keyResults, progress, onTrack: track.onTrack, trackStatus: track.status, reading: checkedIn(o.reading) };
  });
  return { ...data, objectives };
}

export function applyOptimisticCheckIn(client: QueryClient, c: PendingCheckIn): Snapshot {
  const snapshot: Snapshot = [];
  for (const [key, data] of client.getQueriesData<UnitProgress>({ queryKey: ['unitProgress'] })) {
    if (!data) continue;
    snapshot.push([key, data]);
    client.setQueryData(key, applyToUnitProgress(data, c));
  }
  const work = client.getQueryData<MyWork>(['myWork']);
  if (work) {
    snapshot.push([['myWork'], work]);
    client.setQueryData<MyWork>(['myWork'], { ...work, keyResults: work.keyResults.map((k) => (k.id === c.keyResultId ? { ...applyToKeyResult(k, c), checkInDue: false } : k)) });
  }
  return snapshot;
}

export function restore(client: QueryClient, snapshot: Snapshot): void {
  for (const [key, data] of snapshot) client.setQueryData(key, data);
}
