import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { objectiveProgress, objectiveProgressOf } from './objectiveProgress.js';

describe('objectiveProgress', () => {
  it('is the plain mean when weights are equal', () => {
    // members 100 000 → 120 000 at 110 000 (0.5); waiting time 180 → 90 at 90 (1); portal not launched (0)
    expect(objectiveProgress([
      { progress: 0.5, weight: 1 },
      { progress: 1, weight: 1 },
      { progress: 0, weight: 1 },
    ])).toBeCloseTo(0.5);
  });

  it('weights the key results', () => {
    expect(objectiveProgress([
      { progress: 1, weight: 3 },
      { progress: 0, weight: 1 },
    ])).toBe(0.75);
  });

  it('uses the shown progress, so over-achievement cannot hide another key result', () => {
    expect(objectiveProgress([
      { progress: 1.5, weight: 1 },
      { progress: -0.5, weight: 1 },
    ])).toBe(0.5);
  });

  it('ignores weights of zero, negative or not a number', () => {
    expect(objectiveProgress([
      { progress: 0.4, weight: 1 },
      { progress: 1, weight: 0 },
      { progress: 1, weight: -2 },
      { progress: 1, weight: Number.NaN },
      { progress: 1, weight: Infinity },
    ])).toBe(0.4);
  });

  it('is 0 with no key results or only zero weights', () => {
    expect(objectiveProgress([])).toBe(0);
    expect(objectiveProgress([{ progress: 0.8, weight: 0 }])).toBe(0);
  });

  it('stays inside the inputs despite rounding (three times 0.1)', () => {
    expect(objectiveProgress([
      { progress: 0.1, weight: 1 },
      { progress: 0.1, weight: 1 },
      { progress: 0.1, weight: 1 },
    ])).toBe(0.1);
  });

  it('property: the result lies within [min, max] of the counted progress and in [0, 1]', () => {
    const item = fc.record({
      progress: fc.double({ noNaN: true, min: -2, max: 3 }),
      weight: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(0), fc.constant(1)),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 20 }), (krs) => {
        const result = objectiveProgress(krs);
        expect(Number.isFinite(result)).toBe(true);
        const counted = krs.filter((k) => k.weight > 0).map((k) => Math.min(1, Math.max(0, k.progress)));
        if (counted.length === 0) {
          expect(result).toBe(0);
        } else {
          expect(result).toBeGreaterThanOrEqual(Math.min(...counted));
          expect(result).toBeLessThanOrEqual(Math.max(...counted));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('property: scaling all weights does not change the result', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ progress: fc.double({ min: 0, max: 1, noNaN: true }), weight: fc.integer({ min: 1, max: 10 }) }), { minLength: 1 }),
        fc.integer({ min: 2, max: 1000 }),
        (krs, k) => {
          const scaled = krs.map((kr) => ({ ...kr, weight: kr.weight * k }));
          expect(objectiveProgress(scaled)).toBeCloseTo(objectiveProgress(krs), 12);
        },
      ),
    );
  });
});

describe('objectiveProgressOf', () => {
  it('weighs each key result by its definition and latest value', () => {
    expect(objectiveProgressOf([
      { type: 'increase', start: 100_000, target: 120_000, current: 110_000, weight: 1 },
      { type: 'milestone', start: 0, target: 1, current: 1, weight: 1 },
      { type: 'decrease', start: 180, target: 90, current: null, weight: 2 },
    ])).toBeCloseTo((0.5 + 1 + 0) / 4);
  });
});
