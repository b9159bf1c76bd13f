import { describe, expect, it } from 'vitest';
import { kpiRangeIssues } from './kpiRange.js';

describe('kpiRangeIssues', () => {
  it('above needs low, below needs high, between both', () => {
    expect(kpiRangeIssues({ direction: 'above', low: 1 })).toEqual([]);
    expect(kpiRangeIssues({ direction: 'above', low: null, high: 5 }).map((i) => i.field)).toEqual(['low']);
    expect(kpiRangeIssues({ direction: 'below', low: 5 }).map((i) => i.field)).toEqual(['high']);
    expect(kpiRangeIssues({ direction: 'between' }).map((i) => `${i.field}:${i.code}`)).toEqual(['low:required', 'high:required']);
  });
  it('between refuses a high end below the low end, and takes equal ends', () => {
    expect(kpiRangeIssues({ direction: 'between', low: 5, high: 4 })).toEqual([{ field: 'high', message: 'must not be below low', code: 'order' }]);
    expect(kpiRangeIssues({ direction: 'between', low: 5, high: 5 })).toEqual([]);
  });
  it('says nothing without a direction (a patch that leaves it)', () => {
    expect(kpiRangeIssues({ low: 5, high: 1 })).toEqual([]);
  });
});
