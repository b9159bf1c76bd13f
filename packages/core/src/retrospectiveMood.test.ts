import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { moodSummary, MOOD_VOTES_SHOWN } from './retrospectiveMood.js';
import { mayVoteInRetrospective, retrospectiveOpen } from './retrospectiveWindow.js';

describe('moodSummary', () => {
  it('shows no distribution and no mean below three votes', () => {
    expect(moodSummary([0, 0, 0, 0, 0])).toEqual({ votes: 0, distribution: null, mean: null });
    expect(moodSummary([0, 1, 0, 1, 0])).toEqual({ votes: 2, distribution: null, mean: null });
  });
  it('shows the distribution and the mean in tenths from three votes', () => {
    expect(moodSummary([0, 1, 0, 2, 0])).toEqual({ votes: 3, distribution: [0, 1, 0, 2, 0], mean: 3.3 });
    expect(moodSummary([1, 0, 0, 0, 4])).toEqual({ votes: 5, distribution: [1, 0, 0, 0, 4], mean: 4.2 });
  });
  it('never gives a distribution that a count of fewer than three could be read from', () => {
    fc.assert(fc.property(fc.array(fc.nat(20), { minLength: 5, maxLength: 5 }), (counts) => {
      const s = moodSummary(counts);
      expect(s.votes).toBe(counts.reduce((a, b) => a + b, 0));
      if (s.votes < MOOD_VOTES_SHOWN) expect(s).toMatchObject({ distribution: null, mean: null });
      else {
        expect(s.distribution).toEqual(counts);
        expect(s.mean!).toBeGreaterThanOrEqual(1);
        expect(s.mean!).toBeLessThanOrEqual(5);
      }
    }));
  });
});

describe('retrospectiveOpen', () => {
  it('opens a cycle at review and keeps it open once closed', () => {
    expect(retrospectiveOpen({ kind: 'cycle', state: 'planning' })).toBe(false);
    expect(retrospectiveOpen({ kind: 'cycle', state: 'active' })).toBe(false);
    expect(retrospectiveOpen({ kind: 'cycle', state: 'review' })).toBe(true);
    expect(retrospectiveOpen({ kind: 'cycle', state: 'closed' })).toBe(true);
    expect(retrospectiveOpen({ kind: 'year', state: 'review' })).toBe(false);
  });
});

describe('mayVoteInRetrospective', () => {
  it('lets members vote, and nobody else, admins included', () => {
    const unit = { archivedAt: null, memberIds: ['mia', 'ola'] };
    expect(mayVoteInRetrospective({ personId: 'mia' }, unit)).toBe(true);
    expect(mayVoteInRetrospective({ personId: 'admin' }, unit)).toBe(false);
    expect(mayVoteInRetrospective({ personId: 'mia' }, { ...unit, archivedAt: '2026-01-01T00:00:00Z' })).toBe(false);
  });
});
