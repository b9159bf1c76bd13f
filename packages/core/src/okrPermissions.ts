// Who may change and check in on a unit's objectives and key results, from plain facts. The server
// enforces these and presents their answers on each object (`can`), so a page shows a button
// exactly when the server would take the request. A unit's members and admins change its OKRs; a
// key result's owner may check in on it whether or not they are a member, since they answer for
// its number. An archived unit's OKRs take nothing from anyone, and a closed period no check-ins.
import { okrsReadOnly } from './unitArchive.js';

export interface OkrActor { personId: string; isAdmin: boolean }
/** The unit an objective or key result belongs to, as it stands for the actor. */
export interface OkrUnitFacts { archivedAt: string | null; actorIsMember: boolean }
export interface OkrCan { edit: boolean; delete: boolean; checkIn: boolean }

/** Who may change a unit's OKRs (create, edit, delete): admins and the unit's members, while the unit is not archived. */
export function mayChangeOkrs(actor: { isAdmin: boolean }, unit: OkrUnitFacts): boolean {
  return !okrsReadOnly(unit) && (actor.isAdmin || unit.actorIsMember);
}

/** A closed period's results are final: it takes no check-ins until it is reopened. An objective
 *  parked in the backlog has no period (its state reads 'backlog') and takes none until pulled out. */
export function periodTakesCheckIns(periodState: string): boolean {
  return periodState !== 'closed' && periodState !== 'backlog';
}

export interface CheckInFacts { unit: OkrUnitFacts; ownerId: string | null; periodState: string }
/** Why the actor may not check in on a key result, or null when they may; in the order the
 *  reasons are answered (an archived unit first, as no one's rights would help there). */
export type CheckInRefusalReason = 'unit_archived' | 'not_allowed' | 'period_closed';

export function checkInRefusalReason(actor: OkrActor, kr: CheckInFacts): CheckInRefusalReason | null {
  if (okrsReadOnly(kr.unit)) return 'unit_archived';
  if (!(actor.isAdmin || kr.unit.actorIsMember || (kr.ownerId !== null && kr.ownerId === actor.personId))) return 'not_allowed';
  if (!periodTakesCheckIns(kr.periodState)) return 'period_closed';
  return null;
}

export function keyResultCan(actor: OkrActor, kr: CheckInFacts): OkrCan {
  const change = mayChangeOkrs(actor, kr.unit);
  return { edit: change, delete: change, checkIn: checkInRefusalReason(actor, kr) === null };
}

/** An objective's `checkIn`: whether the actor may check in on every one of its key results, as a
 *  member or admin may. The owner of one key result who is not a member finds it false here and
 *  true on that key result's own `can`. */
export function objectiveCan(actor: OkrActor, o: { unit: OkrUnitFacts; periodState: string }): OkrCan {
  const change = mayChangeOkrs(actor, o.unit);
  return { edit: change, delete: change, checkIn: checkInRefusalReason(actor, { ...o, ownerId: null }) === null };
}
