import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRACK_TOLERANCE, trackStatus, type TrackInput, type TrackStatus } from './trackStatus.js';

const rank: Record<TrackStatus, number> = { 'on-track': 0, 'at-risk': 1, 'off-track': 2 };

describe('trackStatus: objectives and units', () => {
  it('week 9 of 13 (expected 0.62): progress 0.55 is on track, 0.45 at risk, 0.30 off track', () => {
    expect(trackStatus({ type: 'objective', progress: 0.55, expected: 0.62 })).toEqual({ onTrack: true, status: 'on-track' });
    expect(trackStatus({ type: 'objective', progress: 0.45, expected: 0.62 })).toEqual({ onTrack: false, status: 'at-risk' });
    expect(trackStatus({ type: 'objective', progress: 0.3, expected: 0.62 })).toEqual({ onTrack: false, status: 'off-track' });
  });

  it('ahead of schedule is on track', () => {
    expect(trackStatus({ type: 'objective', progress: 0.9, expected: 0.5 }).status).toBe('on-track');
  });

  it('a gap of exactly 0.1 or 0.25 is on the better side, despite float rounding', () => {
    expect(trackStatus({ type: 'objective', progress: 0.3, expected: 0.4 }).status).toBe('on-track');
    expect(trackStatus({ type: 'objective', progress: 0.45, expected: 0.7 }).status).toBe('at-risk');
    expect(trackStatus({ type: 'objective', progress: 0.44, expected: 0.7 }).status).toBe('off-track');
  });

  it('ignores confidence for objectives', () => {
    expect(trackStatus({ type: 'objective', progress: 0.5, expected: 0.5, confidence: 1 }).status).toBe('on-track');
  });

  it('exposes the tolerances', () => {
    expect(TRACK_TOLERANCE).toEqual({ onTrack: 0.1, atRisk: 0.25 });
  });
});

describe('trackStatus: increase and decrease', () => {
  it('members from 100 000 to 120 000, at 106 000 half way through: at risk', () => {
    expect(trackStatus({ type: 'increase', progress: 0.3, expected: 0.5, met: false }).status).toBe('at-risk');
  });

  it('waiting time from 180 to 90 days, at 140 half way through: on track', () => {
    expect(trackStatus({ type: 'decrease', progress: 40 / 90, expected: 0.5, met: false }).status).toBe('on-track');
  });

  it('a low confidence turns on track into at risk, but never improves a status', () => {
    expect(trackStatus({ type: 'increase', progress: 0.5, expected: 0.5, confidence: 3 }).status).toBe('at-risk');
    expect(trackStatus({ type: 'increase', progress: 0.5, expected: 0.5, confidence: 4 }).status).toBe('on-track');
    expect(trackStatus({ type: 'increase', progress: 0.1, expected: 0.5, confidence: 2 }).status).toBe('off-track');
    expect(trackStatus({ type: 'decrease', progress: 0.5, expected: 0.5, confidence: null }).status).toBe('on-track');
  });

  it('a met key result is on track whatever its confidence', () => {
    expect(trackStatus({ type: 'increase', progress: 1, expected: 0.5, met: true, confidence: 1 }).status).toBe('on-track');
  });
});

describe('trackStatus: thresholds', () => {
  it('sick leave below 5 %: met is on track, broken is off track', () => {
    expect(trackStatus({ type: 'below', progress: 1, expected: 0.3, met: true }).status).toBe('on-track');
    expect(trackStatus({ type: 'below', progress: 0, expected: 0.3, met: false }).status).toBe('off-track');
    expect(trackStatus({ type: 'above', progress: 0, expected: 0.01 }).status).toBe('off-track');
  });
});

describe('trackStatus: milestones', () => {
  const running = { type: 'milestone' as const, progress: 0, expected: 0.6, met: false };

  it('done is on track', () => {
    expect(trackStatus({ ...running, progress: 1, met: true, confidence: 2 }).status).toBe('on-track');
  });

  it('unfinished while the period runs follows the latest confidence', () => {
    expect(trackStatus(running).status).toBe('on-track');
    expect(trackStatus({ ...running, confidence: 8 }).status).toBe('on-track');
    expect(trackStatus({ ...running, confidence: 7 }).status).toBe('on-track');
    expect(trackStatus({ ...running, confidence: 6 }).status).toBe('at-risk');
    expect(trackStatus({ ...running, confidence: 4 }).status).toBe('at-risk');
    expect(trackStatus({ ...running, confidence: 3 }).status).toBe('off-track');
  });

  it('unfinished when the period is over is off track', () => {
    expect(trackStatus({ ...running, expected: 1, confidence: 9 }).status).toBe('off-track');
  });
});

describe('trackStatus: properties', () => {
  const input = fc.record({
    type: fc.constantFrom<TrackInput['type']>('increase', 'decrease', 'above', 'below', 'milestone', 'objective'),
    progress: fc.double({ min: 0, max: 1, noNaN: true }),
    expected: fc.double({ min: 0, max: 1, noNaN: true }),
    met: fc.boolean(),
    confidence: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  });

  it('onTrack is exactly status === on-track', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = trackStatus(i);
        expect(r.onTrack).toBe(r.status === 'on-track');
      }),
    );
  });

  it('more progress never makes the status worse', () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 1, noNaN: true }), (i, extra) => {
        const better = { ...i, progress: Math.min(1, i.progress + extra) };
        expect(rank[trackStatus(better).status]).toBeLessThanOrEqual(rank[trackStatus(i).status]);
      }),
    );
  });

  it('more elapsed time never makes the status better', () => {
    fc.assert(
      fc.property(input, fc.double({ min: 0, max: 1, noNaN: true }), (i, extra) => {
        const later = { ...i, expected: Math.min(1, i.expected + extra) };
        expect(rank[trackStatus(later).status]).toBeGreaterThanOrEqual(rank[trackStatus(i).status]);
      }),
    );
  });

  it('a higher confidence never makes the status worse', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (i, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(rank[trackStatus({ ...i, confidence: hi }).status]).toBeLessThanOrEqual(rank[trackStatus({ ...i, confidence: lo }).status]);
      }),
    );
  });
});
