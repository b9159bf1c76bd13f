import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodPlanProblem, type PlannedPeriod } from './periodPlan.js';

const cycle = (id: string, startDate: string, endDate: string, state: PlannedPeriod['state'] = 'planning', name = id): PlannedPeriod =>
  ({ id, kind: 'cycle', name, startDate, endDate, state });
const year: PlannedPeriod = { id: 'y', kind: 'year', name: '2026', startDate: '2026-01-01', endDate: '2026-12-31', state: 'active' };
const t1 = cycle('t1', '2026-01-01', '2026-04-30', 'active', '2026 T1');

describe('periodPlanProblem', () => {
  it('accepts the next cycle right after the current one, inside its year', () => {
    expect(periodPlanProblem(cycle('t2', '2026-05-01', '2026-08-31'), [year, t1])).toBeUndefined();
  });

  it('refuses a name already used, whatever its case', () => {
    expect(periodPlanProblem(cycle('x', '2027-01-01', '2027-04-30', 'planning', '2026 t1 '), [year, t1]))
      .toMatchObject({ field: 'name', code: 'name_taken', otherId: 't1' });
  });

  it('refuses a cycle that overlaps another, naming the end that lies inside it', () => {
    expect(periodPlanProblem(cycle('t2', '2026-04-30', '2026-08-31'), [t1])).toMatchObject({ field: 'startDate', code: 'cycle_overlap' });
    expect(periodPlanProblem(cycle('t0', '2025-09-01', '2026-01-01'), [t1])).toMatchObject({ field: 'endDate', code: 'cycle_overlap' });
    expect(periodPlanProblem(cycle('big', '2025-12-01', '2026-06-01'), [t1])).toMatchObject({ field: 'endDate', code: 'cycle_overlap' });
  });

  it('refuses a second active cycle, but not an active year beside an active cycle', () => {
    expect(periodPlanProblem({ ...cycle('t2', '2026-05-01', '2026-08-31'), state: 'active' }, [year, t1]))
      .toMatchObject({ field: 'state', code: 'second_active_cycle', otherId: 't1' });
    expect(periodPlanProblem(t1, [year, t1])).toBeUndefined();
  });

  it('property: two cycles clash exactly when their day ranges share a day', () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    const range = fc.tuple(day, day).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as const);
    fc.assert(fc.property(range, range, ([s1, e1], [s2, e2]) => {
      const problem = periodPlanProblem(cycle('b', s2, e2), [cycle('a', s1, e1)]);
      expect(problem?.code === 'cycle_overlap').toBe(s1 <= e2 && s2 <= e1);
    }));
  });
});
