import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { progressReading } from './progressReading.js';

describe('progressReading', () => {
  it('an objective whose key results have no check-in yet: no check-in', () => {
    expect(progressReading({ periodState: 'active', checkedIn: false })).toBe('no-check-in');
  });
  it('a unit without objectives in its subtree: no OKRs, also in a closed period', () => {
    expect(progressReading({ periodState: 'active', objectiveCount: 0 })).toBe('no-okrs');
    expect(progressReading({ periodState: 'closed', objectiveCount: 0 })).toBe('no-okrs');
  });
  it('a closed period: the final result, checked in or not', () => {
    expect(progressReading({ periodState: 'closed', checkedIn: true })).toBe('final');
    expect(progressReading({ periodState: 'closed', checkedIn: false })).toBe('final');
  });
  it('measured otherwise', () => {
    expect(progressReading({ periodState: 'active', checkedIn: true })).toBe('measured');
    expect(progressReading({ periodState: 'review', objectiveCount: 3 })).toBe('measured');
  });
  it('only a closed period is final', () => {
    fc.assert(fc.property(fc.constantFrom('planning', 'active', 'review', 'closed'), fc.boolean(), (state, checkedIn) => {
      expect(progressReading({ periodState: state, checkedIn }) === 'final').toBe(state === 'closed');
    }));
  });
});
