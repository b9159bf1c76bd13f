import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { confidenceFell } from './confidenceFell.js';

describe('confidenceFell', () => {
  it('is true when the newest confidence is below the one before', () => {
    expect(confidenceFell(5, 7)).toBe(true);
    expect(confidenceFell(7, 7)).toBe(false);
    expect(confidenceFell(8, 7)).toBe(false);
  });
  it('is false without two check-ins', () => {
    expect(confidenceFell(3, null)).toBe(false);
    expect(confidenceFell(null, 3)).toBe(false);
    expect(confidenceFell(undefined, undefined)).toBe(false);
  });
  it('agrees with newest < previous for any two confidences', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (a, b) => {
      expect(confidenceFell(a, b)).toBe(a < b);
    }));
  });
});
