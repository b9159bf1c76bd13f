// Why a check-in may not be written, decided from the key result's context; the same for a
// check-in written alone (SQLite) and one written in a batch (PostgreSQL).
import { checkInRefusalReason, periodTakesCheckIns, type CheckInInput } from '@varde/core';
import type { KeyResultRecord } from '../store/keyResults.js';
import type { Actor } from './context.js';
import { forbidden, invalid, unitArchived, type AppError } from './errors.js';

export interface CheckInContext { kr: KeyResultRecord; periodState: string; actorIsMember: boolean; unitArchivedAt: string | null }

export function checkInRefusal(actor: Actor, { kr, periodState, actorIsMember, unitArchivedAt }: CheckInContext, input: Pick<CheckInInput, 'value'>): AppError | undefined {
  // Core's rule, the one `can.checkIn` on the key result presents. A closed period is answered
  // after a wrong milestone value, below, as for an edited check-in.
  const reason = checkInRefusalReason(actor, { unit: { archivedAt: unitArchivedAt, actorIsMember }, ownerId: kr.ownerId, periodState });
  if (reason === 'unit_archived') return unitArchived();
  if (reason === 'not_allowed') return forbidden('You may not check in on this key result');
  return checkInValueRefusal(kr, periodState, input);
}

/** What a check-in may not hold, for a new one and an edited one alike. */
export function checkInValueRefusal(kr: Pick<KeyResultRecord, 'type'>, periodState: string, input: Pick<CheckInInput, 'value'>): AppError | undefined {
  if (kr.type === 'milestone' && input.value !== 0 && input.value !== 1) {
    return invalid('value', 'must be 0 (not done) or 1 (done) for a milestone', 'milestone');
  }
  if (periodState === 'backlog') return invalid('id', 'belongs to an objective parked in the backlog; pull it into a cycle to check in', 'objective_in_backlog');
  if (!periodTakesCheckIns(periodState)) return invalid('id', 'belongs to a closed period; reopen it to check in', 'closed'); // `id`: the key result of the path, as for any bad path parameter
  return undefined;
}
