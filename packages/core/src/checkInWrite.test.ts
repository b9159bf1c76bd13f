import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkInWrite, type KeyResultStanding } from './checkInWrite.js';

const kr = (id: string, objectiveId: string, over: Partial<KeyResultStanding> = {}): KeyResultStanding => ({
  id, objectiveId, type: 'increase', start: 0, target: 100, weight: 1, current: null, confidence: null, currentAt: null, ...over,
});
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;

describe('checkInWrite', () => {
  it('moves the key result to its check-in and the objective to the mean of its key results', () => {
    const krs = new Map([['a', kr('a', 'o')], ['b', kr('b', 'o', { current: 50, currentAt: at(1), confidence: 6 })]]);
    const w = checkInWrite([{ id: 'c1', keyResultId: 'a', value: 30, confidence: 7, createdAt: at(2) }], krs);
    expect(w.moves).toEqual([{ keyResultId: 'a', value: 30, confidence: 7, at: at(2) }]);
    expect(w.progress).toEqual([{ objectiveId: 'o', progress: 0.4 }]);
    expect(w.before).toEqual([{ value: null, confidence: null }]);
  });
  it('never moves a key result back in time', () => {
    const krs = new Map([['a', kr('a', 'o', { current: 80, currentAt: at(5), confidence: 8 })]]);
    const w = checkInWrite([{ id: 'c1', keyResultId: 'a', value: 10, confidence: 2, createdAt: at(4) }], krs);
    expect(w.moves).toEqual([]);
    expect(w.progress).toEqual([]);
    expect(w.before).toEqual([{ value: 80, confidence: 8 }]);
  });
  it('takes the newest of several check-ins on one key result, and each says what it moved from', () => {
    const krs = new Map([['a', kr('a', 'o', { current: 5, currentAt: at(1), confidence: 5 })]]);
    const w = checkInWrite([
      { id: 'c1', keyResultId: 'a', value: 20, confidence: 6, createdAt: at(3) },
      { id: 'c2', keyResultId: 'a', value: 10, confidence: 4, createdAt: at(2) },
    ], krs);
    expect(w.moves).toEqual([{ keyResultId: 'a', value: 20, confidence: 6, at: at(3) }]);
    expect(w.before).toEqual([{ value: 5, confidence: 5 }, { value: 20, confidence: 6 }]);
  });
  it('refuses a check-in on a key result it was not given', () => {
    expect(() => checkInWrite([{ id: 'c', keyResultId: 'x', value: 1, confidence: 1, createdAt: at(1) }], new Map())).toThrow(/not read/);
  });
  it('ends where check-ins written one at a time would, in any order', () => {
    fc.assert(fc.property(fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), value: fc.integer({ min: 0, max: 100 }), kr: fc.constantFrom('a', 'b') }), { minLength: 1, maxLength: 12 }), (list) => {
      const checkIns = list.map((c, i) => ({ id: `c${String(i).padStart(2, '0')}`, keyResultId: c.kr, value: c.value, confidence: 5, createdAt: at(c.day) }));
      const all = checkInWrite(checkIns, new Map([['a', kr('a', 'o')], ['b', kr('b', 'o')]]));
      // One at a time, each on what the previous left.
      let krs = new Map([['a', kr('a', 'o')], ['b', kr('b', 'o')]]);
      let progress: number | undefined;
      for (const c of checkIns) {
        const one = checkInWrite([c], krs);
        for (const m of one.moves) krs = new Map(krs).set(m.keyResultId, { ...krs.get(m.keyResultId)!, current: m.value, confidence: m.confidence, currentAt: m.at });
        if (one.progress.length) progress = one.progress[0]!.progress;
      }
      for (const m of all.moves) expect(krs.get(m.keyResultId)!.current).toBe(m.value);
      expect(all.progress[0]?.progress).toBe(progress);
    }));
  });
});
