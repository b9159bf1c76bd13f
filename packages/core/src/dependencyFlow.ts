// A dependency between units walks requested → acknowledged | declined → resolved: the unit asked
// answers it (acknowledging, with a reply, or declining, with the reason it must give), and either
// side closes it once it is settled. One that nobody has answered for a week is marked, since an
// unacknowledged dependency is one of the pitfalls the practice warns of (DOMAIN.md).

export const DEPENDENCY_STATES = ['requested', 'acknowledged', 'declined', 'resolved'] as const;
export type DependencyState = (typeof DEPENDENCY_STATES)[number];
/** A step someone takes; `requested` is only where a dependency starts. */
export type DependencyStep = Exclude<DependencyState, 'requested'>;

const NEXT: Readonly<Record<DependencyState, readonly DependencyStep[]>> = {
  requested: ['acknowledged', 'declined'],
  acknowledged: ['resolved'],
  declined: ['resolved'],
  resolved: [],
};

/** The states one may move a dependency to from `from`. */
export function nextDependencyStates(from: DependencyState): readonly DependencyStep[] {
  return NEXT[from] ?? [];
}

export interface DependencyStepIssue { field: 'state' | 'reply'; code: 'illegal_transition' | 'required'; message: string }

/** What is wrong with moving a dependency from `from` to `to` with `reply`, or null when the step
 *  may be taken: a step the flow has no arrow for names the state; a decline without its reason
 *  names the reply. */
export function dependencyStepIssue(from: DependencyState, to: DependencyState, reply: string | null | undefined): DependencyStepIssue | null {
  if (!(NEXT[from] ?? []).includes(to as DependencyStep)) {
    const allowed = nextDependencyStates(from);
    return {
      field: 'state', code: 'illegal_transition',
      message: allowed.length ? `cannot go from ${from} to ${to}; from ${from} it goes to ${allowed.join(' or ')}` : `cannot change: the dependency is ${from}`,
    };
  }
  if (to === 'declined' && !(reply ?? '').trim()) return { field: 'reply', code: 'required', message: 'must give the reason for declining' };
  return null;
}

/** Still in play: not resolved. A declined one stays open until the raising side settles it. */
export function dependencyOpen(state: DependencyState): boolean {
  return state !== 'resolved';
}

export const UNANSWERED_AFTER_DAYS = 7;

/** A requested dependency nobody has answered for a week or more, at `now`. */
export function dependencyUnanswered(dependency: { state: DependencyState; raisedAt: string }, now: Date): boolean {
  return dependency.state === 'requested' && now.getTime() - Date.parse(dependency.raisedAt) >= UNANSWERED_AFTER_DAYS * 86_400_000;
}
