// Correcting the record: a check-in edited or removed, by the rule of core's checkInChanges.
// When the key result's newest check-in changes or goes, its current value and confidence and
// the objective's kept progress follow, in the same transaction.
import { deletedChanges, fieldChanges, okrsReadOnly, type CheckIn, type CheckInPatch } from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import { checkInSubject, fieldsOf } from '../events/subjects.js';
import { deleteCheckIn, getCheckIn, newestCheckIn, updateCheckIn, type CheckInRecord } from '../store/checkIns.js';
import { resetCurrent, type KeyResultContextRow } from '../store/keyResults.js';
import { refreshObjectiveProgress } from '../store/objectiveProgress.js';
import { organisationTimeZone } from '../store/organisations.js';
import type { Db } from '../store/executor.js';
import { presentCheckIn, type CheckInListFacts } from '../presenters/checkIns.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { forbidden, invalid, notFound, staleVersion, unitArchived } from './errors.js';
import { checkInValueRefusal } from './checkInRefusal.js';
import { keyResultInContext } from './keyResults.js';

/** The facts core's rule needs for the check-ins of one key result. */
export async function checkInFacts(deps: Deps, db: Db, actor: Actor, context: KeyResultContextRow): Promise<CheckInListFacts> {
  return {
    actor, keyResultOwnerId: context.kr.ownerId, now: deps.clock.now(), timeZone: await organisationTimeZone(db, actor.orgId),
    readOnly: context.periodState === 'closed' || okrsReadOnly({ archivedAt: context.unitArchivedAt }),
  };
}

/** The check-in and its key result's context, with the objective locked, once the actor may change it. */
async function changeable(deps: Deps, trx: Db, actor: Actor, id: string, what: 'edit' | 'delete'): Promise<{ checkIn: CheckInRecord; context: KeyResultContextRow; facts: CheckInListFacts }> {
  const found = await getCheckIn(trx, actor.orgId, id);
  if (!found) throw notFound('The check-in');
  const context = await keyResultInContext(trx, actor, found.keyResultId, { lockObjective: true });
  // Read again under the lock: a concurrent edit or removal has committed by now.
  const checkIn = await getCheckIn(trx, actor.orgId, id);
  if (!checkIn) throw notFound('The check-in');
  if (okrsReadOnly({ archivedAt: context.unitArchivedAt })) throw unitArchived();
  if (context.periodState === 'closed') throw invalid('id', 'belongs to a closed period; reopen it to change its check-ins', 'closed');
  const facts = await checkInFacts(deps, trx, actor, context);
  if (!presentCheckIn(checkIn, facts).can[what]) {
    throw forbidden(`You may not ${what} this check-in: its author may on the day it was made, the key result's owner and admins later`);
  }
  return { checkIn, context, facts };
}

/** The key result's current value from its newest remaining check-in, and the objective's progress. */
async function followNewest(trx: Db, context: KeyResultContextRow): Promise<void> {
  await resetCurrent(trx, context.kr.id, await newestCheckIn(trx, context.kr.id));
  await refreshObjectiveProgress(trx, context.kr.objectiveId, { locked: true });
}

export async function editCheckIn(deps: Deps, actor: Actor, id: string, patch: CheckInPatch): Promise<CheckIn> {
  return unitOfWork(deps, actor, async ({ trx, record }) => {
    const { checkIn, context, facts } = await changeable(deps, trx, actor, id, 'edit');
    const next = {
      value: patch.value ?? checkIn.value, confidence: patch.confidence ?? checkIn.confidence,
      comment: patch.comment === undefined ? checkIn.comment : patch.comment,
      blockers: patch.blockers === undefined ? checkIn.blockers : patch.blockers,
    };
    const refusal = checkInValueRefusal(context.kr, context.periodState, next);
    if (refusal) throw refusal;
    const now = isoNow(deps);
    const outcome = await updateCheckIn(trx, actor.orgId, id, patch.version, next, now);
    if (outcome === 'stale') throw staleVersion('The check-in');
    if (outcome === 'missing') throw notFound('The check-in');
    await followNewest(trx, context);
    record('checkIn.changed', checkInSubject(checkIn, context.kr, context.unitId), fieldChanges(checkIn, next, fieldsOf<CheckInRecord>('checkIn')));
    return presentCheckIn({ ...checkIn, ...next, editedAt: now, version: patch.version + 1 }, facts);
  });
}

export async function removeCheckIn(deps: Deps, actor: Actor, id: string): Promise<void> {
  await unitOfWork(deps, actor, async ({ trx, record }) => {
    const { checkIn, context } = await changeable(deps, trx, actor, id, 'delete');
    await deleteCheckIn(trx, actor.orgId, id);
    record('checkIn.deleted', checkInSubject(checkIn, context.kr, context.unitId), deletedChanges(checkIn, fieldsOf<CheckInRecord>('checkIn')));
    await followNewest(trx, context);
  });
}
