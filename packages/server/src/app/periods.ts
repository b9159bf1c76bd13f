// Periods: the years that hold Moals and the cycles that hold teams' OKRs, and their states.
import { activationRefusal, canTransition, closingRefusal, createdChanges, deletedChanges, fieldChanges, periodDeleteProblems, periodPlanProblem, ritualDateProblems, type Page, type Period, type PeriodCreate, type PeriodPatch, type PeriodQuery } from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import { fieldsOf, periodSubject } from '../events/subjects.js';
import { deletePeriod, draftCountsByUnit, getPeriod, insertPeriod, listPeriods, lockedPeriodContents, periodsPage, updatePeriod } from '../store/periods.js';
import type { Db } from '../store/executor.js';
import { newId } from '../store/ids.js';
import { authorise, policies } from '../auth/policies.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { AppError, invalid, notFound, staleVersion } from './errors.js';
import { cursorOf, invalidCursor, pageOf } from './paging.js';
import { reviewStatesOf } from './reviews.js';

export async function readPeriods(deps: Deps, actor: Actor, query: PeriodQuery): Promise<Page<Period>> {
  const { limit, cursor, ...filter } = query;
  const rows = await periodsPage(deps.store.db, actor.orgId, filter, limit + 1, cursorOf(cursor));
  if (rows === 'unknown-cursor') throw invalidCursor();
  return pageOf(rows, limit);
}

export async function readPeriod(deps: Deps, actor: Actor, id: string): Promise<Period> {
  const period = await getPeriod(deps.store.db, actor.orgId, id);
  if (!period) throw notFound('The period');
  return period;
}

export async function addPeriod(deps: Deps, actor: Actor, input: PeriodCreate): Promise<Period> {
  await authorise(policies.changePeriods(actor), 'add periods');
  const id = newId();
  refuseRitualsOutOfOrder(input);
  await unitOfWork(deps, actor, async ({ trx, record }) => {
    await refuseMisfit(trx, actor.orgId, { id, ...input });
    await insertPeriod(trx, { id, orgId: actor.orgId, ...input, now: isoNow(deps) });
    const created = (await getPeriod(trx, actor.orgId, id))!;
    record('period.created', periodSubject(created), createdChanges(created, fieldsOf<Period>('period')));
  });
  return readPeriod(deps, actor, id);
}

export async function changePeriod(deps: Deps, actor: Actor, id: string, patch: PeriodPatch): Promise<Period> {
  await authorise(policies.changePeriods(actor), 'change periods');
  await unitOfWork(deps, actor, async ({ trx, record }) => {
    const period = await getPeriod(trx, actor.orgId, id);
    if (!period) throw notFound('The period');
    if (patch.state && patch.state !== period.state && !canTransition(period.state, patch.state)) {
      throw invalid('state', `cannot go from ${period.state} to ${patch.state}`, 'transition');
    }
    const next = {
      name: patch.name ?? period.name, startDate: patch.startDate ?? period.startDate, endDate: patch.endDate ?? period.endDate, state: patch.state ?? period.state,
      planningStartDate: patch.planningStartDate === undefined ? period.planningStartDate : patch.planningStartDate,
      planningEndDate: patch.planningEndDate === undefined ? period.planningEndDate : patch.planningEndDate,
      reviewDate: patch.reviewDate === undefined ? period.reviewDate : patch.reviewDate,
      retrospectiveDate: patch.retrospectiveDate === undefined ? period.retrospectiveDate : patch.retrospectiveDate,
    };
    if (next.endDate < next.startDate) throw invalid('endDate', 'must not be before the start date', 'order');
    refuseRitualsOutOfOrder(next);
    await refuseMisfit(trx, actor.orgId, { ...period, ...next });
    if (next.state === 'active' && period.state !== 'active') {
      // A stale read is answered as such first: the drafts it would name may already be published.
      if (period.version !== patch.version) throw staleVersion('The period');
      const refusal = activationRefusal(await draftCountsByUnit(trx, actor.orgId, id), patch.confirm === true);
      if (refusal) {
        const params = Object.fromEntries(refusal.units.map((u, i) => [`unit${i + 1}`, `${u.name} (${u.draftCount})`]));
        throw new AppError(409, 'Conflict', `state ${refusal.message}`,
          [{ field: 'state', message: refusal.message, code: refusal.code, params: { count: refusal.units.length, units: refusal.units.map((u) => u.name).join(', '), ...params } }],
          undefined, { units: refusal.units });
      }
    }
    if (next.state === 'closed' && period.state !== 'closed') {
      if (period.version !== patch.version) throw staleVersion('The period');
      const refusal = closingRefusal(await reviewStatesOf(trx, actor.orgId, id), patch.confirm === true);
      if (refusal) {
        throw new AppError(409, 'Conflict', `state ${refusal.message}`,
          [{ field: 'state', message: refusal.message, code: refusal.code, params: { count: refusal.units.length, units: refusal.units.map((u) => u.name).join(', ') } }],
          undefined, { units: refusal.units });
      }
    }
    const outcome = await updatePeriod(trx, actor.orgId, id, patch.version, next, isoNow(deps));
    if (outcome === 'stale') throw staleVersion('The period');
    record('period.changed', periodSubject({ id, name: next.name }), fieldChanges(period, next, fieldsOf<Period>('period')));
  });
  return readPeriod(deps, actor, id);
}

/** Deletes a period made by mistake: only in planning and empty (core's periodDeleteProblems). */
export async function removePeriod(deps: Deps, actor: Actor, id: string): Promise<void> {
  await authorise(policies.changePeriods(actor), 'delete periods');
  await unitOfWork(deps, actor, async ({ trx, record }) => {
    // Sequential on one connection: the lock is taken before anything is counted.
    const contents = await lockedPeriodContents(trx, actor.orgId, id);
    if (!contents) throw notFound('The period');
    const problems = periodDeleteProblems(contents);
    if (problems.length) {
      throw new AppError(409, 'Conflict', `The period ${problems.map((p) => p.message).join(', and ')}`,
        problems.map((p) => ({ field: 'id', message: p.message, code: p.code, params: p.params })));
    }
    const period = (await getPeriod(trx, actor.orgId, id))!;
    await deletePeriod(trx, actor.orgId, id);
    record('period.deleted', periodSubject(period), deletedChanges(period, fieldsOf<Period>('period')));
  });
}

/** Refuses ritual dates out of order with one another or with the cycle (core's periodRituals),
 *  judged on the period as it will be, with what the change leaves out as it was. */
function refuseRitualsOutOfOrder(p: Parameters<typeof ritualDateProblems>[0]): void {
  const problems = ritualDateProblems(p);
  if (problems.length) {
    throw new AppError(422, 'Unprocessable Content', problems.map((x) => `${x.field} ${x.message}`).join('; '),
      problems.map((x) => ({ field: x.field, message: x.message, code: x.code, params: x.params })));
  }
}

/** Refuses a period that does not fit the organisation's calendar (core's periodPlan rule). */
async function refuseMisfit(db: Db, orgId: string, candidate: Parameters<typeof periodPlanProblem>[0]): Promise<void> {
  const problem = periodPlanProblem(candidate, await listPeriods(db, orgId, {}));
  if (problem) throw invalid(problem.field, problem.message, problem.code);
}
