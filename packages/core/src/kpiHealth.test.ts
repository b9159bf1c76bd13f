import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kpiFreshUntil, kpiInRange, kpiStatus, kpiTrend } from './kpiHealth.js';

const kpi = (over: object = {}) => ({ direction: 'above' as const, low: 4, high: null, cadence: 'weekly' as const, current: 5, currentAt: '2026-10-01T08:00:00.000Z', ...over });
const now = new Date('2026-10-05T08:00:00.000Z');

describe('kpiInRange', () => {
  it('above holds at or above low, below at or below high, between both ends inclusive', () => {
    expect(kpiInRange({ direction: 'above', low: 4, high: null }, 4)).toBe(true);
    expect(kpiInRange({ direction: 'above', low: 4, high: null }, 3.9)).toBe(false);
    expect(kpiInRange({ direction: 'below', low: null, high: 2 }, 2)).toBe(true);
    expect(kpiInRange({ direction: 'below', low: null, high: 2 }, 2.1)).toBe(false);
    expect(kpiInRange({ direction: 'between', low: 90, high: 95 }, 89)).toBe(false);
    expect(kpiInRange({ direction: 'between', low: 90, high: 95 }, 95)).toBe(true);
    expect(kpiInRange({ direction: 'between', low: 90, high: 95 }, 96)).toBe(false);
  });
  it('an above KPI ignores high, a below one ignores low', () => {
    expect(kpiInRange({ direction: 'above', low: 4, high: 5 }, 100)).toBe(true);
    expect(kpiInRange({ direction: 'below', low: 4, high: 5 }, -100)).toBe(true);
  });
});

describe('kpiStatus', () => {
  it('is stale without any value', () => {
    expect(kpiStatus(kpi({ current: null, currentAt: null }), now)).toBe('stale');
  });
  it('healthy or unhealthy by the range while the value is fresh', () => {
    expect(kpiStatus(kpi(), now)).toBe('healthy');
    expect(kpiStatus(kpi({ current: 3 }), now)).toBe('unhealthy');
  });
  it('weekly: stale once more than 7 days passed', () => {
    expect(kpiStatus(kpi(), new Date('2026-10-08T08:00:00.000Z'))).toBe('healthy');
    expect(kpiStatus(kpi(), new Date('2026-10-08T08:00:00.001Z'))).toBe('stale');
  });
  it('monthly: a calendar month, the day clamped to the end of a shorter month', () => {
    const m = kpi({ cadence: 'monthly', currentAt: '2026-01-31T10:00:00.000Z' });
    expect(kpiStatus(m, new Date('2026-02-28T10:00:00.000Z'))).toBe('healthy');
    expect(kpiStatus(m, new Date('2026-03-01T00:00:00.000Z'))).toBe('stale');
    expect(kpiFreshUntil('monthly', new Date('2026-10-15T00:00:00.000Z')).toISOString()).toBe('2026-11-15T00:00:00.000Z');
  });
  it('quarterly: three calendar months, across a year end', () => {
    expect(kpiFreshUntil('quarterly', new Date('2026-11-30T12:00:00.000Z')).toISOString()).toBe('2027-02-28T12:00:00.000Z');
    const q = kpi({ cadence: 'quarterly', currentAt: '2026-07-01T08:00:00.000Z' });
    expect(kpiStatus(q, new Date('2026-09-30T08:00:00.000Z'))).toBe('healthy');
    expect(kpiStatus(q, new Date('2026-10-02T08:00:00.000Z'))).toBe('stale');
  });
  it('a value is always fresh for at least a week and at most 92 days', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.constantFrom('weekly' as const, 'monthly' as const, 'quarterly' as const), (at, cadence) => {
      const days = (kpiFreshUntil(cadence, at).getTime() - at.getTime()) / 86_400_000;
      return days >= 7 && days <= 92;
    }));
  });
});

describe('kpiTrend', () => {
  it('says which way the values went, flat when they stayed', () => {
    expect(kpiTrend([])).toBe('none');
    expect(kpiTrend([3])).toBe('none');
    expect(kpiTrend([1, 2, 3])).toBe('rising');
    expect(kpiTrend([3, 5, 1])).toBe('falling');
    expect(kpiTrend([2, 5, 2])).toBe('flat');
    expect(kpiTrend([4, 4])).toBe('flat');
  });
});
