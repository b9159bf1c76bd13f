import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { objectiveScore, proposedScore, scoreOverrideProblem, succeeded, thresholdHeldShare, toTenths } from './reviewScore.js';

const cycle = { from: '2026-01-01T00:00:00.000Z', to: '2026-01-11T00:00:00.000Z' };

describe('proposedScore', () => {
  it('is the progress of an increase or decrease key result, clamped, in tenths', () => {
    expect(proposedScore({ type: 'increase', start: 0, target: 100, current: 64 }, [], cycle)).toBe(0.6);
    expect(proposedScore({ type: 'increase', start: 0, target: 100, current: 65 }, [], cycle)).toBe(0.7);
    expect(proposedScore({ type: 'increase', start: 0, target: 100, current: 180 }, [], cycle)).toBe(1);
    expect(proposedScore({ type: 'increase', start: 0, target: 100, current: -20 }, [], cycle)).toBe(0);
    expect(proposedScore({ type: 'decrease', start: 30, target: 10, current: 18 }, [], cycle)).toBe(0.6);
    expect(proposedScore({ type: 'increase', start: 0, target: 100, current: null }, [], cycle)).toBe(0);
  });
  it('is 0 or 1 for a milestone', () => {
    expect(proposedScore({ type: 'milestone', start: 0, target: 1, current: 1 }, [], cycle)).toBe(1);
    expect(proposedScore({ type: 'milestone', start: 0, target: 1, current: 0 }, [], cycle)).toBe(0);
    expect(proposedScore({ type: 'milestone', start: 0, target: 1, current: null }, [], cycle)).toBe(0);
  });
  it('is the share of the cycle a threshold held, counting the time before the first check-in as not held', () => {
    const kr = { type: 'above' as const, start: 0, target: 90, current: 95 };
    // held from day 2 to day 6 (4 of 10 days), not from day 6 to 8, held again from 8 to 10 → 6/10
    const checkIns = [
      { value: 92, at: '2026-01-03T00:00:00.000Z' },
      { value: 80, at: '2026-01-07T00:00:00.000Z' },
      { value: 95, at: '2026-01-09T00:00:00.000Z' },
    ];
    expect(thresholdHeldShare(kr, checkIns, cycle)).toBeCloseTo(0.6, 9);
    expect(proposedScore(kr, checkIns, cycle)).toBe(0.6);
    expect(proposedScore({ ...kr, type: 'below', target: 85 }, checkIns, cycle)).toBe(0.2);
    expect(proposedScore(kr, [], cycle)).toBe(0);
  });
  it('counts a check-in before the cycle from the cycle start, and ignores time after its end', () => {
    const kr = { type: 'below' as const, target: 5 };
    expect(thresholdHeldShare(kr, [{ value: 3, at: '2025-12-01T00:00:00.000Z' }, { value: 9, at: '2026-02-01T00:00:00.000Z' }], cycle)).toBe(1);
  });
  it('is always a tenth from 0 to 1', () => {
    fc.assert(fc.property(fc.double({ noNaN: true }), fc.double({ noNaN: true }), fc.double({ noNaN: true }), (start, target, current) => {
      const s = proposedScore({ type: 'increase', start, target, current }, [], cycle);
      return s >= 0 && s <= 1 && Math.abs(s * 10 - Math.round(s * 10)) < 1e-9;
    }));
  });
});

describe('objectiveScore and succeeded', () => {
  it('is the weighted mean of the key results, null without any', () => {
    expect(objectiveScore([{ score: 1, weight: 3 }, { score: 0.2, weight: 1 }])).toBe(0.8);
    expect(objectiveScore([{ score: 0.5, weight: 0 }, { score: 0.7, weight: 0 }])).toBe(0.6);
    expect(objectiveScore([])).toBeNull();
  });
  it('holds committed objectives to 1.0 and aspirational ones to 0.7', () => {
    expect(succeeded('committed', 0.9)).toBe(false);
    expect(succeeded('committed', 1)).toBe(true);
    expect(succeeded('aspirational', 0.7)).toBe(true);
    expect(succeeded('aspirational', 0.69)).toBe(false);
    expect(succeeded('aspirational', null)).toBe(false);
  });
});

describe('scoreOverrideProblem', () => {
  it('takes a tenth from 0 to 1, and a reason when it differs from the proposal', () => {
    expect(scoreOverrideProblem(0.6, 0.6, '')).toBeNull();
    expect(scoreOverrideProblem(0.6, 0.8, 'Målt på nytt etter syklusen')).toBeNull();
    expect(scoreOverrideProblem(0.6, 0.8, '  ')?.field).toBe('reason');
    expect(scoreOverrideProblem(0.6, 0.75, 'x')?.code).toBe('not_tenths');
    expect(scoreOverrideProblem(0.6, 1.1, 'x')?.field).toBe('score');
  });
  it('rounds like a person reads', () => {
    expect(toTenths(0.05)).toBe(0.1);
    expect(toTenths(Number.POSITIVE_INFINITY)).toBe(1);
  });
});
