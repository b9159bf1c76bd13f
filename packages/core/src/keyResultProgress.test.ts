import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyResultProgress, type KeyResultType } from './keyResultProgress.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
const type = fc.constantFrom<KeyResultType>('increase', 'decrease', 'above', 'below', 'milestone');

describe('keyResultProgress: increase', () => {
  it('members from 100 000 to 120 000, now 110 000, is half way', () => {
    expect(keyResultProgress({ type: 'increase', start: 100_000, target: 120_000, current: 110_000 })).toEqual({
      progress: 0.5,
      rawProgress: 0.5,
      met: false,
    });
  });

  it('keeps over-achievement in rawProgress and clamps progress', () => {
    expect(keyResultProgress({ type: 'increase', start: 100_000, target: 120_000, current: 125_000 })).toEqual({
      progress: 1,
      rawProgress: 1.25,
      met: true,
    });
  });

  it('going backwards gives negative raw progress and 0 shown', () => {
    expect(keyResultProgress({ type: 'increase', start: 100_000, target: 120_000, current: 95_000 })).toEqual({
      progress: 0,
      rawProgress: -0.25,
      met: false,
    });
  });

  it('reaching the target exactly is met', () => {
    expect(keyResultProgress({ type: 'increase', start: 0.1, target: 0.3, current: 0.3 }).met).toBe(true);
  });

  it('no check-in yet counts as the start value', () => {
    expect(keyResultProgress({ type: 'increase', start: 100_000, target: 120_000, current: null })).toEqual({
      progress: 0,
      rawProgress: 0,
      met: false,
    });
  });

  it('start equal to target is met once current reaches it', () => {
    expect(keyResultProgress({ type: 'increase', start: 50, target: 50, current: 50 })).toEqual({ progress: 1, rawProgress: 1, met: true });
    expect(keyResultProgress({ type: 'increase', start: 50, target: 50, current: 60 })).toEqual({ progress: 1, rawProgress: 1, met: true });
    expect(keyResultProgress({ type: 'increase', start: 50, target: 50, current: 49 })).toEqual({ progress: 0, rawProgress: 0, met: false });
    expect(keyResultProgress({ type: 'increase', start: 50, target: 50, current: null }).met).toBe(true);
  });
});

describe('keyResultProgress: decrease', () => {
  it('waiting time from 180 to 90 days, now 135, is half way', () => {
    expect(keyResultProgress({ type: 'decrease', start: 180, target: 90, current: 135 })).toEqual({
      progress: 0.5,
      rawProgress: 0.5,
      met: false,
    });
  });

  it('waiting time down to 60 days is over-achieved', () => {
    expect(keyResultProgress({ type: 'decrease', start: 180, target: 90, current: 60 })).toEqual({
      progress: 1,
      rawProgress: 120 / 90,
      met: true,
    });
  });

  it('waiting time up to 200 days is negative progress', () => {
    const r = keyResultProgress({ type: 'decrease', start: 180, target: 90, current: 200 });
    expect(r.progress).toBe(0);
    expect(r.rawProgress).toBeCloseTo(-20 / 90);
    expect(r.met).toBe(false);
  });

  it('start equal to target is met when current is at or below it', () => {
    expect(keyResultProgress({ type: 'decrease', start: 5, target: 5, current: 4 }).met).toBe(true);
    expect(keyResultProgress({ type: 'decrease', start: 5, target: 5, current: 6 }).met).toBe(false);
  });
});

describe('keyResultProgress: thresholds and milestones', () => {
  it('above: member satisfaction stays above 4.2', () => {
    expect(keyResultProgress({ type: 'above', start: 4.0, target: 4.2, current: 4.3 })).toEqual({ progress: 1, rawProgress: 1, met: true });
    expect(keyResultProgress({ type: 'above', start: 4.0, target: 4.2, current: 4.2 }).met).toBe(true);
    expect(keyResultProgress({ type: 'above', start: 4.0, target: 4.2, current: 4.1 })).toEqual({ progress: 0, rawProgress: 0, met: false });
    expect(keyResultProgress({ type: 'above', start: 4.0, target: 4.2, current: null }).met).toBe(false);
  });

  it('below: sick leave stays below 5 %', () => {
    expect(keyResultProgress({ type: 'below', start: 6, target: 5, current: 4.8 }).met).toBe(true);
    expect(keyResultProgress({ type: 'below', start: 6, target: 5, current: 5 }).met).toBe(true);
    expect(keyResultProgress({ type: 'below', start: 6, target: 5, current: 5.1 }).met).toBe(false);
    expect(keyResultProgress({ type: 'below', start: 6, target: 5, current: null }).met).toBe(false);
  });

  it('milestone: new member portal launched (1) or not (0)', () => {
    expect(keyResultProgress({ type: 'milestone', start: 0, target: 1, current: 1 })).toEqual({ progress: 1, rawProgress: 1, met: true });
    expect(keyResultProgress({ type: 'milestone', start: 0, target: 1, current: 0 })).toEqual({ progress: 0, rawProgress: 0, met: false });
    expect(keyResultProgress({ type: 'milestone', start: 0, target: 1, current: null }).met).toBe(false);
  });
});

describe('keyResultProgress: properties', () => {
  it('progress is in [0, 1] and everything is finite for any finite input', () => {
    fc.assert(
      fc.property(type, finite, finite, fc.option(finite, { nil: null }), (t, start, target, current) => {
        const r = keyResultProgress({ type: t, start, target, current });
        expect(r.progress).toBeGreaterThanOrEqual(0);
        expect(r.progress).toBeLessThanOrEqual(1);
        expect(Number.isFinite(r.progress)).toBe(true);
        expect(Number.isFinite(r.rawProgress)).toBe(true);
        expect(r.progress).toBe(Math.min(1, Math.max(0, r.rawProgress)));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles the extremes of the double range', () => {
    const big = Number.MAX_VALUE;
    for (const [start, target, current] of [
      [-big, big, big],
      [-big, big, -big],
      [0, Number.MIN_VALUE, big],
      [0, -Number.MIN_VALUE, big],
      [big, -big, 0],
    ] as const) {
      const r = keyResultProgress({ type: 'increase', start, target, current });
      expect(Number.isFinite(r.rawProgress)).toBe(true);
    }
    expect(keyResultProgress({ type: 'increase', start: -big, target: big, current: big }).rawProgress).toBe(1);
    expect(keyResultProgress({ type: 'increase', start: 0, target: -Number.MIN_VALUE, current: big }).rawProgress).toBe(-big);
  });

  it('decrease is increase mirrored under negation', () => {
    fc.assert(
      fc.property(finite, finite, fc.option(finite, { nil: null }), (start, target, current) => {
        const inc = keyResultProgress({ type: 'increase', start, target, current });
        const dec = keyResultProgress({ type: 'decrease', start: -start, target: -target, current: current === null ? null : -current });
        expect(dec).toEqual(inc);
      }),
      { numRuns: 2000 },
    );
  });

  it('for increase, more current never means less progress', () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, (a, b, c1, c2) => {
        const [start, target] = a <= b ? [a, b] : [b, a];
        const [lo, hi] = c1 <= c2 ? [c1, c2] : [c2, c1];
        const low = keyResultProgress({ type: 'increase', start, target, current: lo });
        const high = keyResultProgress({ type: 'increase', start, target, current: hi });
        expect(high.rawProgress).toBeGreaterThanOrEqual(low.rawProgress);
        expect(high.progress).toBeGreaterThanOrEqual(low.progress);
        if (low.met) expect(high.met).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('met exactly when the shown progress is full, for every type', () => {
    fc.assert(
      fc.property(type, finite, finite, fc.option(finite, { nil: null }), (t, start, target, current) => {
        const r = keyResultProgress({ type: t, start, target, current });
        expect(r.met).toBe(r.rawProgress >= 1);
      }),
    );
  });
});
