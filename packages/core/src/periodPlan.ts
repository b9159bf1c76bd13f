// Decides whether a period fits the organisation's calendar: names are unique, cycles do not overlap
// one another, and at most one cycle is active, so "the current cycle" always means one thing.
// Years may overlap cycles (a year holds them); only cycles are checked against cycles.

export interface PlannedPeriod {
  id: string;
  kind: 'year' | 'cycle';
  name: string;
  startDate: string;
  endDate: string;
  state: 'planning' | 'active' | 'review' | 'closed';
}

export interface PeriodPlanProblem {
  field: 'name' | 'startDate' | 'endDate' | 'state';
  code: 'name_taken' | 'cycle_overlap' | 'second_active_cycle';
  message: string;
  /** The period it clashes with. */
  otherId: string;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The first rule `candidate` breaks among the organisation's other periods (itself excluded by id),
 *  or undefined when it fits. Dates are ISO days, both ends included. */
export function periodPlanProblem(candidate: PlannedPeriod, periods: readonly PlannedPeriod[]): PeriodPlanProblem | undefined {
  const others = periods.filter((p) => p.id !== candidate.id);
  const named = others.find((p) => sameName(p.name, candidate.name));
  if (named) return { field: 'name', code: 'name_taken', message: `is already used by another period`, otherId: named.id };
  if (candidate.kind !== 'cycle') return undefined;
  const cycles = others.filter((p) => p.kind === 'cycle');
  const overlapping = cycles.find((p) => p.startDate <= candidate.endDate && candidate.startDate <= p.endDate);
  if (overlapping) {
    const field = overlapping.startDate <= candidate.startDate && candidate.startDate <= overlapping.endDate ? 'startDate' : 'endDate';
    return { field, code: 'cycle_overlap', message: `overlaps the cycle ${overlapping.name} (${overlapping.startDate} – ${overlapping.endDate})`, otherId: overlapping.id };
  }
  if (candidate.state === 'active') {
    const active = cycles.find((p) => p.state === 'active');
    if (active) return { field: 'state', code: 'second_active_cycle', message: `cannot be active while the cycle ${active.name} is active`, otherId: active.id };
  }
  return undefined;
}
