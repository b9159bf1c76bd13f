// Who may edit or delete a check-in. Its author may, on the day it was made in the organisation's
// time zone: a slip is fixed while the week's picture is fresh, but what a team said last week
// is not quietly rewritten. The key result's owner and admins may at any time, since they answer
// for its history. Nobody may once the key result is read-only (a closed period, an archived unit).
import { sameDayIn } from './expectedProgress.js';

export interface CheckInChangeFacts {
  actor: { personId: string; isAdmin: boolean };
  checkIn: { authorId: string | null; createdAt: Date };
  keyResultOwnerId: string | null;
  now: Date;
  timeZone: string;
  /** The key result takes no more changes: its period is closed or its unit archived. */
  readOnly: boolean;
}
export interface CheckInChanges { edit: boolean; delete: boolean }

export function checkInChanges({ actor, checkIn, keyResultOwnerId, now, timeZone, readOnly }: CheckInChangeFacts): CheckInChanges {
  const allowed = !readOnly && (
    actor.isAdmin
    || (keyResultOwnerId !== null && keyResultOwnerId === actor.personId)
    || (checkIn.authorId !== null && checkIn.authorId === actor.personId && sameDayIn(checkIn.createdAt, now, timeZone)));
  return { edit: allowed, delete: allowed };
}
