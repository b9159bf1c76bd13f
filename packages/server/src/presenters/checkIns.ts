// Turns stored check-ins into the API's shape, with what the person asking may do with each
// (core's checkInChanges), worked out from facts read once for the whole list.
import { checkInChanges, type CheckIn } from '@varde/core';
import type { CheckInRecord } from '../store/checkIns.js';
import type { Actor } from '../app/context.js';

/** What is the same for every check-in of one key result. */
export interface CheckInListFacts { actor: Actor; keyResultOwnerId: string | null; now: Date; timeZone: string; readOnly: boolean }

export function presentCheckIn(c: CheckInRecord, facts: CheckInListFacts): CheckIn {
  const can = checkInChanges({
    actor: facts.actor, checkIn: { authorId: c.authorId, createdAt: new Date(c.createdAt) }, keyResultOwnerId: facts.keyResultOwnerId,
    now: facts.now, timeZone: facts.timeZone, readOnly: facts.readOnly,
  });
  return { ...c, can };
}
