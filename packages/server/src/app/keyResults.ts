// Key results: defining what is measured, and reading one with its forecast.
import { createdChanges, fieldChanges, forecast, forecastStatus, keyResultDirectionIssues, keyResultProgress, periodBounds, type KeyResult, type KeyResultCreate, type KeyResultPatch } from '@varde/core';
import { insertKeyResult, keyResultContext, updateKeyResult, type KeyResultContextRow, type KeyResultRecord } from '../store/keyResults.js';
import { unitOfWork } from '../events/unitOfWork.js';
import { fieldsOf, keyResultSubject } from '../events/subjects.js';
import { getObjective } from '../store/objectives.js';
import { refreshObjectiveProgress } from '../store/objectiveProgress.js';
import { getPeriodInTimeZone } from '../store/periods.js';
import { peopleExist } from '../store/people.js';
import { checkInSeries } from '../store/checkIns.js';
import { newId } from '../store/ids.js';
import type { Db } from '../store/executor.js';
import { authorise, policies } from '../auth/policies.js';
import { PARKED, presentKeyResult, timingOf } from '../presenters/okr.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { hintsForKeyResult } from './hints.js';
import { AppError, invalid, notFound, staleVersion } from './errors.js';

/** `lockObjective` in a transaction that will change the key result: see store/objectiveProgress.ts. */
export async function keyResultInContext(db: Db, actor: Actor, id: string, options: { lockObjective?: boolean } = {}): Promise<KeyResultContextRow> {
  const context = await keyResultContext(db, actor.orgId, id, actor.personId, options);
  if (!context) throw notFound('The key result');
  return context;
}

export async function readKeyResult(deps: Deps, actor: Actor, id: string, db: Db = deps.store.db): Promise<KeyResult> {
  const { kr, periodId, actorIsMember, unitArchivedAt } = await keyResultInContext(db, actor, id);
  const [inPeriod, hints] = await Promise.all([
    periodId === null ? undefined : getPeriodInTimeZone(db, actor.orgId, periodId), hintsForKeyResult(db, actor.orgId, kr),
  ]);
  const now = deps.clock.now();
  const timing = periodId === null ? PARKED : inPeriod ? timingOf(inPeriod.period, now, inPeriod.timeZone) : { expected: 0 };
  const presented = presentKeyResult(kr, timing, { actor, unit: { archivedAt: unitArchivedAt, actorIsMember } }, hints);
  if (!inPeriod) return { ...presented, forecast: null };
  const { period, timeZone: tz } = inPeriod;
  const series = await checkInSeries(db, id, periodBounds(period, tz).start.toISOString());
  const f = forecast(kr, series.map((c) => ({ at: new Date(c.at), value: c.value })), period, now, tz);
  if (!f) return { ...presented, forecast: null };
  const progressOf = (value: number) => keyResultProgress({ type: kr.type, start: kr.start, target: kr.target, current: value }).progress;
  const [lowProgress, highProgress] = [progressOf(f.low), progressOf(f.high)].sort((a, b) => a - b) as [number, number];
  return {
    ...presented,
    forecast: {
      value: f.value, progress: f.progress, met: f.met, low: f.low, high: f.high, lowProgress, highProgress,
      status: forecastStatus(presented.trackStatus, kr.type === 'increase' || kr.type === 'decrease' ? f.progress : null),
    },
  };
}

async function checkOwner(db: Db, orgId: string, ownerId: string | null | undefined): Promise<void> {
  if (ownerId && !(await peopleExist(db, orgId, [ownerId])).has(ownerId)) throw invalid('ownerId', 'is not a person in this organisation', 'unknown_person');
}

/** A milestone counts 0 → 1 whatever was sent; thresholds keep start only as a reference. */
function normalised(type: KeyResult['type'], start: number | undefined, target: number | undefined): { start: number; target: number } {
  if (type === 'milestone') return { start: 0, target: 1 };
  return { start: start ?? target ?? 0, target: target ?? 0 };
}

export async function addKeyResult(deps: Deps, actor: Actor, input: KeyResultCreate): Promise<KeyResult> {
  return unitOfWork(deps, actor, async ({ trx, record }) => {
    const objective = await getObjective(trx, actor.orgId, input.objectiveId);
    if (!objective) throw invalid('objectiveId', 'is not an objective in this organisation', 'unknown_objective');
    await authorise(policies.changeOkrsOf(trx, actor, objective.unitId, 'objectiveId'), "change this unit's OKRs");
    const id = await writeKeyResult(deps, trx, actor, input);
    await refreshObjectiveProgress(trx, input.objectiveId);
    const created = await readKeyResult(deps, actor, id, trx);
    record('keyResult.created', keyResultSubject(created, objective.unitId), createdChanges(created, fieldsOf<KeyResult>('keyResult')));
    return created;
  });
}

/** Checks and inserts one key result of an objective the caller has authorised; its errors name
 *  `${prefix}field` (`keyResults.1.target` when it comes with a new objective). Returns its id. */
export async function writeKeyResult(deps: Deps, trx: Db, actor: Actor, input: KeyResultCreate, prefix = ''): Promise<string> {
  const refuse = (issues: Array<{ field: string; message: string; code: string }>) => {
    const named = issues.map((i) => ({ ...i, field: `${prefix}${i.field}` }));
    return new AppError(422, 'Unprocessable Content', `${named[0]!.field} ${named[0]!.message}`, named);
  };
  if (input.ownerId && !(await peopleExist(trx, actor.orgId, [input.ownerId])).has(input.ownerId)) {
    throw refuse([{ field: 'ownerId', message: 'is not a person in this organisation', code: 'unknown_person' }]);
  }
  const values = normalised(input.type, input.start, input.target);
  const issues = keyResultDirectionIssues({ type: input.type, ...values });
  if (issues.length) throw refuse(issues);
  const id = newId();
  await insertKeyResult(trx, {
    id, orgId: actor.orgId, objectiveId: input.objectiveId, title: input.title, type: input.type,
    ...values, measure: input.measure, ownerId: input.ownerId, weight: input.weight, now: isoNow(deps),
  });
  return id;
}

export async function changeKeyResult(deps: Deps, actor: Actor, id: string, patch: KeyResultPatch): Promise<KeyResult> {
  return unitOfWork(deps, actor, async ({ trx, record }) => {
    const { kr, unitId } = await keyResultInContext(trx, actor, id, { lockObjective: true });
    await authorise(policies.changeOkrsOf(trx, actor, unitId), "change this unit's OKRs");
    await checkOwner(trx, actor.orgId, patch.ownerId);
    const type = patch.type ?? kr.type;
    const values = normalised(type, patch.start ?? kr.start, patch.target ?? kr.target);
    // The same direction rules as on creation, applied to the merged result of the change; a
    // target sent for a milestone must be 1, as on creation, not be silently replaced.
    const issues = [...keyResultDirectionIssues({ type, target: patch.target }), ...keyResultDirectionIssues({ type, ...values })];
    if (issues.length) {
      throw new AppError(422, 'Unprocessable Content', `${issues[0]!.field} ${issues[0]!.message}`,
        issues);
    }
    const outcome = await updateKeyResult(trx, actor.orgId, id, patch.version, {
      title: patch.title ?? kr.title, type, ...values, measure: patch.measure ?? kr.measure,
      ownerId: patch.ownerId === undefined ? kr.ownerId : patch.ownerId, weight: patch.weight ?? kr.weight,
    }, isoNow(deps));
    if (outcome === 'stale') throw staleVersion('The key result');
    await refreshObjectiveProgress(trx, kr.objectiveId, { locked: true });
    const changed = await readKeyResult(deps, actor, id, trx);
    record('keyResult.changed', keyResultSubject(changed, unitId), fieldChanges(kr, changed, fieldsOf<KeyResultRecord>('keyResult')));
    return changed;
  });
}
