// Deleting objectives, key results and initiatives, and undoing it. A deletion moves what it
// removes into the trash as one snapshot and deletes the live rows, in one transaction; a restore
// puts the snapshot back as it was, in one transaction, while what it hangs on still exists and
// the restore window (core's restoreWindow.ts) is open. Who may delete or restore is who may
// change the thing.
import {
  createdChanges, deletedChanges, isRestorable, restorableUntil,
  type Deletion, type DeletionImpact, type Initiative, type KeyResult, type ObjectiveWithKeyResults, type Restoration,
} from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import { fieldsOf, initiativeSubject, keyResultSubject, objectiveSubject } from '../events/subjects.js';
import { readObjective } from './objectives.js';
import {
  deletionImpactOf, insertTrash, restoreInitiative, restoreKeyResult, restoreObjective, snapshotInitiative, snapshotKeyResult,
  snapshotObjective, takeFromTrash, type Snapshot,
} from '../store/trash.js';
import { deleteObjective, getObjective } from '../store/objectives.js';
import { deleteKeyResult, keyResultsOf, type KeyResultRecord } from '../store/keyResults.js';
import { deleteInitiative, getInitiative } from '../store/initiatives.js';
import { refreshObjectiveProgress } from '../store/objectiveProgress.js';
import { getUnit } from '../store/units.js';
import { getPeriod } from '../store/periods.js';
import { newId } from '../store/ids.js';
import type { Db } from '../store/executor.js';
import { authorise, policies } from '../auth/policies.js';
import { keyResultInContext, readKeyResult } from './keyResults.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { AppError, notFound } from './errors.js';

async function intoTrash(deps: Deps, trx: Db, actor: Actor, subjectId: string, snapshot: Snapshot): Promise<Deletion> {
  const undoId = newId();
  const deletedAt = deps.clock.now();
  await insertTrash(trx, { id: undoId, orgId: actor.orgId, snapshot, subjectId, deletedBy: actor.personId, deletedAt: deletedAt.toISOString() });
  return { undoId, kind: snapshot.kind, subjectId, restorableUntil: restorableUntil(deletedAt).toISOString() };
}

export async function trashObjective(deps: Deps, actor: Actor, id: string): Promise<Deletion> {
  return unitOfWork(deps, actor, async ({ trx, record }) => {
    const rows = await snapshotObjective(trx, actor.orgId, id);
    if (!rows) throw notFound('The objective');
    await authorise(policies.changeOkrsOf(trx, actor, rows.objective.unit_id), "change this unit's OKRs");
    const deleted = await readObjective(deps, actor, id, trx);
    record('objective.deleted', objectiveSubject(deleted), deletedChanges(deleted, fieldsOf<ObjectiveWithKeyResults>('objective')));
    for (const kr of deleted.keyResults) record('keyResult.deleted', keyResultSubject(kr, deleted.unitId), deletedChanges(kr, fieldsOf<KeyResult>('keyResult')));
    const deletion = await intoTrash(deps, trx, actor, id, { kind: 'objective', rows });
    await deleteObjective(trx, actor.orgId, id);
    return deletion;
  });
}

export async function trashKeyResult(deps: Deps, actor: Actor, id: string): Promise<Deletion> {
  return unitOfWork(deps, actor, async ({ trx, record }) => {
    const { kr, unitId } = await keyResultInContext(trx, actor, id, { lockObjective: true });
    await authorise(policies.changeOkrsOf(trx, actor, unitId), "change this unit's OKRs");
    record('keyResult.deleted', keyResultSubject(kr, unitId), deletedChanges(kr, fieldsOf<KeyResultRecord>('keyResult')));
    const rows = (await snapshotKeyResult(trx, actor.orgId, id))!;
    const deletion = await intoTrash(deps, trx, actor, id, { kind: 'keyResult', rows });
    await deleteKeyResult(trx, actor.orgId, id);
    await refreshObjectiveProgress(trx, kr.objectiveId, { locked: true });
    return deletion;
  });
}

export async function trashInitiative(deps: Deps, actor: Actor, id: string): Promise<Deletion> {
  return unitOfWork(deps, actor, async ({ trx, record }) => {
    const rows = await snapshotInitiative(trx, actor.orgId, id);
    if (!rows) throw notFound('The initiative');
    await authorise(policies.changeInitiative(trx, actor, { ownerId: rows.initiative.owner_id, unitId: rows.initiative.unit_id }), "change this unit's initiatives");
    const deleted = (await getInitiative(trx, actor.orgId, id))!;
    record('initiative.deleted', initiativeSubject(deleted), deletedChanges(deleted, fieldsOf<Initiative>('initiative')));
    const deletion = await intoTrash(deps, trx, actor, id, { kind: 'initiative', rows });
    await deleteInitiative(trx, actor.orgId, id);
    return deletion;
  });
}

/** 409 naming what the restored thing hangs on and is gone. */
const restoreConflict = (field: string, what: string) =>
  new AppError(409, 'Conflict', `It cannot be put back: ${what} has been deleted since`, [{ field, message: `${what} has been deleted since`, code: 'restore_conflict' }]);

export async function restoreFromTrash(deps: Deps, actor: Actor, undoId: string): Promise<Restoration> {
  return unitOfWork(deps, actor, async ({ trx, record }) => {
    // Taken out first, so a second restore of the same entry finds nothing; a refusal below rolls
    // the transaction back and leaves it in the trash.
    const entry = await takeFromTrash(trx, actor.orgId, undoId);
    if (!entry || !isRestorable(new Date(entry.deletedAt), deps.clock.now())) throw notFound('The deletion to undo');
    const { snapshot } = entry;
    const orgId = actor.orgId;
    if (snapshot.kind === 'objective') {
      const o = snapshot.rows.objective;
      if (!(await getUnit(trx, orgId, o.unit_id))) throw restoreConflict('unitId', "the objective's unit");
      // A parked objective (in the backlog) has no period to come back to.
      if (o.period_id !== null && !(await getPeriod(trx, orgId, o.period_id))) throw restoreConflict('periodId', "the objective's period");
      await authorise(policies.changeOkrsOf(trx, actor, o.unit_id), "change this unit's OKRs");
      await restoreObjective(trx, orgId, snapshot.rows);
      const restored = await readObjective(deps, actor, o.id, trx);
      record('objective.restored', objectiveSubject(restored), createdChanges(restored, fieldsOf<ObjectiveWithKeyResults>('objective')));
      for (const kr of restored.keyResults) record('keyResult.restored', keyResultSubject(kr, restored.unitId), createdChanges(kr, fieldsOf<KeyResult>('keyResult')));
    } else if (snapshot.kind === 'keyResult') {
      const objective = await getObjective(trx, orgId, snapshot.rows.keyResult.objective_id);
      if (!objective) throw restoreConflict('objectiveId', "the key result's objective");
      await authorise(policies.changeOkrsOf(trx, actor, objective.unitId), "change this unit's OKRs");
      await restoreKeyResult(trx, orgId, snapshot.rows);
      await refreshObjectiveProgress(trx, objective.id);
      const restored = await readKeyResult(deps, actor, snapshot.rows.keyResult.id, trx);
      record('keyResult.restored', keyResultSubject(restored, objective.unitId), createdChanges(restored, fieldsOf<KeyResult>('keyResult')));
    } else {
      const i = snapshot.rows.initiative;
      if (!(await getUnit(trx, orgId, i.unit_id))) throw restoreConflict('unitId', "the initiative's unit");
      await authorise(policies.changeInitiative(trx, actor, { ownerId: i.owner_id, unitId: i.unit_id }), "change this unit's initiatives");
      await restoreInitiative(trx, orgId, snapshot.rows);
      const restored = (await getInitiative(trx, orgId, i.id))!;
      record('initiative.restored', initiativeSubject(restored), createdChanges(restored, fieldsOf<Initiative>('initiative')));
    }
    return { kind: snapshot.kind, subjectId: entry.subjectId };
  });
}

export async function objectiveDeletionImpact(deps: Deps, actor: Actor, id: string): Promise<DeletionImpact> {
  const db = deps.store.db;
  if (!(await getObjective(db, actor.orgId, id))) throw notFound('The objective');
  const keyResultIds = (await keyResultsOf(db, actor.orgId, [id])).map((k) => k.id);
  return { keyResults: keyResultIds.length, ...await deletionImpactOf(db, actor.orgId, keyResultIds, id) };
}

export async function keyResultDeletionImpact(deps: Deps, actor: Actor, id: string): Promise<DeletionImpact> {
  await keyResultInContext(deps.store.db, actor, id);
  return { keyResults: 1, ...await deletionImpactOf(deps.store.db, actor.orgId, [id]) };
}
