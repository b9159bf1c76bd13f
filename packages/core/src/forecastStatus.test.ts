import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastStatus } from './forecastStatus.js';

describe('forecastStatus', () => {
  it('on track now; at this pace 71 % by the end: at risk', () => {
    expect(forecastStatus('on-track', 0.71)).toBe('at-risk');
  });

  it('on track and forecast within 10 points of the target: on track', () => {
    expect(forecastStatus('on-track', 0.9)).toBe('on-track');
    expect(forecastStatus('on-track', 1)).toBe('on-track');
  });

  it('a lag today is not hidden by a good forecast, and no forecast leaves the status', () => {
    expect(forecastStatus('off-track', 1)).toBe('off-track');
    expect(forecastStatus('at-risk', 0.2)).toBe('at-risk');
    expect(forecastStatus('on-track', null)).toBe('on-track');
    expect(forecastStatus('on-track', Number.NaN)).toBe('on-track');
  });

  it('never better than the status of today', () => {
    const rank = { 'on-track': 0, 'at-risk': 1, 'off-track': 2 } as const;
    fc.assert(
      fc.property(fc.constantFrom('on-track' as const, 'at-risk' as const, 'off-track' as const), fc.double({ min: 0, max: 1, noNaN: true }), (s, p) => {
        expect(rank[forecastStatus(s, p)]).toBeGreaterThanOrEqual(rank[s]);
      }),
    );
  });
});
