import { describe, expect, it } from 'vitest';
import { meetingChanges, stateAt } from './meetingChanges.js';

describe('meetingChanges', () => {
  const since = '2026-09-14T09:15:00Z';
  it('lists the key results that moved in value, confidence or track, and leaves the still ones out', () => {
    const r = meetingChanges({
      before: [
        { keyResultId: 'a', value: 10, confidence: 7, trackStatus: 'on-track' },
        { keyResultId: 'b', value: 5, confidence: 6, trackStatus: 'at-risk' },
        { keyResultId: 'c', value: 1, confidence: 8, trackStatus: 'on-track' },
      ],
      now: [
        { keyResultId: 'a', title: 'A', value: 14, confidence: 7, trackStatus: 'on-track' },
        { keyResultId: 'b', title: 'B', value: 5, confidence: 6, trackStatus: 'off-track' },
        { keyResultId: 'c', title: 'C', value: 1, confidence: 8, trackStatus: 'on-track' },
        { keyResultId: 'd', title: 'D (new)', value: null, confidence: null, trackStatus: 'off-track' },
      ],
      since, newBlockers: 2, handledBlockers: 1, dependencies: [],
    });
    expect(r.keyResults.map((k) => k.keyResultId)).toEqual(['a', 'b', 'd']);
    expect(r.keyResults[0]).toMatchObject({ valueBefore: 10, valueAfter: 14, trackBefore: 'on-track', trackAfter: 'on-track' });
    expect(r.keyResults[1]).toMatchObject({ trackBefore: 'at-risk', trackAfter: 'off-track' });
    expect(r.keyResults[2]).toMatchObject({ valueBefore: null, trackBefore: null });
    expect(r).toMatchObject({ newBlockers: 2, handledBlockers: 1 });
  });

  it('lists the dependencies whose state is not what it was when the previous meeting ended', () => {
    const steps = (...s: Array<[string, string]>) => s.map(([state, at]) => ({ state, at }));
    const r = meetingChanges({
      before: [], now: [], since, newBlockers: 0, handledBlockers: 0,
      dependencies: [
        { id: 'old-still', description: 'x', steps: steps(['requested', '2026-09-01T00:00:00Z']) },
        { id: 'answered', description: 'y', steps: steps(['requested', '2026-09-01T00:00:00Z'], ['acknowledged', '2026-09-16T00:00:00Z']) },
        { id: 'raised', description: 'z', steps: steps(['requested', '2026-09-15T00:00:00Z']) },
      ],
    });
    expect(r.dependencies).toEqual([
      { id: 'answered', description: 'y', stateBefore: 'requested', stateAfter: 'acknowledged' },
      { id: 'raised', description: 'z', stateBefore: null, stateAfter: 'requested' },
    ]);
    expect(stateAt(steps(['requested', '2026-09-01T00:00:00Z']), null)).toBeNull();
  });
});
