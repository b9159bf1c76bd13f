// When a unit's retrospective of a cycle is open: from the cycle's review on. The retrospective
// looks back on how the cycle was worked, so it needs the cycle to be over (review); it stays open
// once the cycle is closed, because its actions are done in the next cycle and their notes kept up.
import type { PeriodState } from './periodState.js';

export function retrospectiveOpen(period: { kind: string; state: PeriodState }): boolean {
  return period.kind === 'cycle' && (period.state === 'review' || period.state === 'closed');
}

/** Who may vote: members of the unit only, admins too only when they are members. The vote is the
 *  team's own reading of itself; an admin outside the team would skew it. */
export function mayVoteInRetrospective(actor: { personId: string }, unit: { archivedAt: string | null; memberIds: readonly string[] }): boolean {
  return unit.archivedAt === null && unit.memberIds.includes(actor.personId);
}
