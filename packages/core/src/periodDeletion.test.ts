import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { periodDeleteProblems } from './periodDeletion.js';

describe('periodDeleteProblems', () => {
  it('allows an empty period in planning', () => {
    expect(periodDeleteProblems({ state: 'planning', objectives: 0, initiatives: 0 })).toEqual([]);
  });
  it('names what the period still holds', () => {
    expect(periodDeleteProblems({ state: 'planning', objectives: 2, initiatives: 1 })).toEqual([
      { code: 'period_not_empty', message: 'still holds 2 objectives and 1 initiative; move or delete them first', params: { objectives: 2, initiatives: 1 } },
    ]);
    expect(periodDeleteProblems({ state: 'planning', objectives: 0, initiatives: 3 })[0]!.message).toBe('still holds 3 initiatives; move or delete them first');
  });
  it('refuses a period that has started, empty or not', () => {
    for (const state of ['active', 'review', 'closed']) {
      expect(periodDeleteProblems({ state, objectives: 0, initiatives: 0 }).map((p) => p.code)).toEqual(['period_not_planning']);
    }
  });
  it('allows exactly the empty planning periods', () => {
    fc.assert(fc.property(fc.constantFrom('planning', 'active', 'review', 'closed'), fc.nat(5), fc.nat(5), (state, objectives, initiatives) => {
      expect(periodDeleteProblems({ state, objectives, initiatives }).length === 0).toBe(state === 'planning' && objectives === 0 && initiatives === 0);
    }));
  });
});
