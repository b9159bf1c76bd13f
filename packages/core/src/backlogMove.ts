// Decides where an objective stands after a change of status or period, for the backlog: only a
// draft is parked (status backlog, no period), because an active, done or cancelled objective has
// counted in its cycle's roll-up and check-ins, and parking it would rewrite that cycle's history
// (at review, unfinished work is carried over or parked from a copy, not moved). A parked
// objective comes back only as a draft, into a cycle still being planned or running.

export type PlacedStatus = 'draft' | 'active' | 'done' | 'cancelled' | 'backlog';

export interface Placement { status: PlacedStatus; periodId: string | null }
export interface PlacementProblem {
  field: 'status' | 'periodId';
  code: 'park_drafts_only' | 'backlog_has_no_period' | 'pull_as_draft' | 'required' | 'period_not_open' | 'create_as_draft';
  message: string;
}

/** The period a pulled objective goes into, as far as this rule needs it. */
export interface TargetPeriod { kind: 'year' | 'cycle'; state: 'planning' | 'active' | 'review' | 'closed' }

/** The objective's status and period after `change`, or the first problem with it. `target` is the
 *  period `change.periodId` names (the caller has checked that it exists). */
export function objectivePlacement(current: Placement, change: { status?: PlacedStatus | undefined; periodId?: string | undefined },
  target?: TargetPeriod): Placement | PlacementProblem {
  const status = change.status ?? current.status;
  if (status === 'backlog') {
    if (current.status !== 'backlog' && current.status !== 'draft') {
      return { field: 'status', code: 'park_drafts_only', message: `only a draft can be parked in the backlog; this objective is ${current.status} and counts in its cycle` };
    }
    if (change.periodId !== undefined) return { field: 'periodId', code: 'backlog_has_no_period', message: 'must be left out: a parked objective belongs to no period' };
    return { status, periodId: null };
  }
  if (current.status === 'backlog') {
    if (status !== 'draft') return { field: 'status', code: 'pull_as_draft', message: 'must be draft: an objective leaves the backlog as a draft' };
    if (change.periodId === undefined) return { field: 'periodId', code: 'required', message: 'is required to pull an objective out of the backlog' };
    if (!target || target.kind !== 'cycle' || (target.state !== 'planning' && target.state !== 'active')) {
      return { field: 'periodId', code: 'period_not_open', message: 'must be a cycle in planning or active' };
    }
    return { status, periodId: change.periodId };
  }
  return { status, periodId: change.periodId ?? current.periodId };
}

export const isPlacementProblem = (p: Placement | PlacementProblem): p is PlacementProblem => 'code' in p;
