import { describe, expect, it } from 'vitest';
import { defaultPeriod } from './defaultPeriod.js';

const cycle = (id: string, startDate: string, endDate: string, state: 'planning' | 'active' | 'closed') => ({ id, kind: 'cycle' as const, startDate, endDate, state });
const year = { id: 'y', kind: 'year' as const, startDate: '2026-01-01', endDate: '2026-12-31', state: 'active' as const };

describe('defaultPeriod', () => {
  const t2 = cycle('t2', '2026-05-01', '2026-08-31', 'closed');
  const t3 = cycle('t3', '2026-09-01', '2026-12-31', 'active');
  const t1 = cycle('t1', '2027-01-01', '2027-04-30', 'planning');

  it('opens on the cycle running today, not the year around it', () => {
    expect(defaultPeriod([year, t2, t3, t1], '2026-12-02')?.id).toBe('t3');
  });
  it('passes over a closed cycle that still covers today, for the active one', () => {
    expect(defaultPeriod([year, cycle('early', '2026-11-01', '2026-12-31', 'closed'), cycle('late', '2027-01-01', '2027-04-30', 'active')], '2026-12-02')?.id).toBe('late');
  });
  it('falls back to the latest cycle when none runs and none is active', () => {
    expect(defaultPeriod([t2, t1], '2026-12-02')?.id).toBe('t1');
    expect(defaultPeriod([year], '2026-12-02')).toBeUndefined();
  });
});
