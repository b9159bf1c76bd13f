// KPIs (issue 15): a unit's measurements kept over time outside the cycles, their check-ins, and
// the promotion of a key result to one with its whole history. The promotion is written so that it
// can run inside another use case's unit of work: the review's close promotes in its own transaction.
import {
  createdChanges, deletedChanges, fieldChanges, kpiCan, kpiRangeIssues, kpiStatus,
  type KeyResultPromote, type Kpi, type KpiCheckIn, type KpiCheckInCreate, type KpiCreate, type KpiPatch, type KpiStatus, type Page,
} from '@varde/core';
import { unitOfWork, type UnitOfWork } from '../events/unitOfWork.js';
import { fieldsOf, keyResultSubject, kpiSubject } from '../events/subjects.js';
import {
  deleteKpi, getKpi, insertKpi, insertKpiCheckIns, linkKeyResultToKpi, listKpiCheckIns, listKpis, recentValues, refreshKpiCurrent, updateKpi,
  type KpiCheckInRecord, type KpiRecord,
} from '../store/kpis.js';
import { checkInsOfKeyResult } from '../store/checkIns.js';
import { peopleExist, peopleNames } from '../store/people.js';
import { getUnit, subtreeNodes, unitFactsFor } from '../store/units.js';
import { newId } from '../store/ids.js';
import type { Db } from '../store/executor.js';
import { authorise, policies } from '../auth/policies.js';
import { NO_UNIT } from '../presenters/okr.js';
import { keyResultInContext } from './keyResults.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { conflictOn, forbidden, invalid, notFound, staleVersion, unitArchived } from './errors.js';
import { cursorOf, invalidCursor } from './paging.js';

/** How many of the latest values a KPI carries for its sparkline. */
const RECENT = 26;

/** What a KPI's events tell, under the names of core's EVENT_FIELDS. */
const kpiFields = (k: KpiRecord) => ({
  unitId: k.unitId, title: k.title, measure: k.measure, direction: k.direction, low: k.low, high: k.high, cadence: k.cadence, ownerId: k.ownerId,
  promotedFromKeyResultId: k.promotedFromKeyResultId,
});
type KpiFields = ReturnType<typeof kpiFields>;

export async function presentKpis(deps: Deps, db: Db, actor: Actor, records: readonly KpiRecord[]): Promise<Kpi[]> {
  if (records.length === 0) return [];
  const unitIds = [...new Set(records.map((k) => k.unitId))];
  const [facts, recent, names] = await Promise.all([
    unitFactsFor(db, actor.orgId, unitIds, actor.personId), recentValues(db, actor.orgId, records.map((k) => k.id), RECENT),
    db.selectFrom('units').select(['id', 'name']).where('org_id', '=', actor.orgId).where('id', 'in', unitIds).execute(),
  ]);
  const unitName = new Map(names.map((u) => [u.id, u.name]));
  const now = deps.clock.now();
  return records.map(({ orgId: _org, ...k }) => ({
    ...k, unitName: unitName.get(k.unitId) ?? '', status: kpiStatus(k, now), recent: recent.get(k.id) ?? [],
    can: kpiCan(actor, { unit: facts.get(k.unitId) ?? NO_UNIT, ownerId: k.ownerId }),
  }));
}

export async function readKpi(deps: Deps, actor: Actor, id: string, db: Db = deps.store.db): Promise<Kpi> {
  const k = await getKpi(db, actor.orgId, id);
  if (!k) throw notFound('The KPI');
  return (await presentKpis(deps, db, actor, [k]))[0]!;
}

/** A page of KPIs by id. The status depends on the time, so a filter by it reads on past the
 *  KPIs that do not match until the page is full. */
export async function readKpis(deps: Deps, actor: Actor, filter: { unit?: string | undefined; under?: string | undefined; status?: KpiStatus | undefined },
  limit: number, cursor: string | undefined): Promise<Page<Kpi>> {
  const db = deps.store.db;
  let unitIds: string[] | undefined;
  if (filter.unit) unitIds = [filter.unit];
  if (filter.under) {
    const subtree = (await subtreeNodes(db, actor.orgId, filter.under)).map((u) => u.id);
    unitIds = unitIds ? unitIds.filter((u) => subtree.includes(u)) : subtree;
  }
  const items: Kpi[] = [];
  let after = cursorOf(cursor);
  for (;;) {
    const batch = filter.status ? Math.max(limit + 1, 200) : limit + 1;
    const rows = await listKpis(db, actor.orgId, unitIds, batch, after);
    const presented = await presentKpis(deps, db, actor, rows);
    items.push(...(filter.status ? presented.filter((k) => k.status === filter.status) : presented));
    if (items.length > limit || rows.length < batch) break;
    after = rows[rows.length - 1]!.id;
  }
  const pageItems = items.slice(0, limit);
  return { items: pageItems, nextCursor: items.length > limit ? pageItems[pageItems.length - 1]!.id : null };
}

async function checkOwner(db: Db, orgId: string, ownerId: string | null | undefined): Promise<void> {
  if (ownerId && !(await peopleExist(db, orgId, [ownerId])).has(ownerId)) throw invalid('ownerId', 'is not a person in this organisation', 'unknown_person');
}

async function mayChange(db: Db, actor: Actor, unitId: string, field = 'id'): Promise<void> {
  await authorise(policies.changeOkrsOf(db, actor, unitId, field), "change this unit's KPIs");
}

export async function addKpi(deps: Deps, actor: Actor, input: KpiCreate): Promise<Kpi> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    if (!(await getUnit(trx, actor.orgId, input.unitId))) throw invalid('unitId', 'is not a unit in this organisation', 'unknown_unit');
    await mayChange(trx, actor, input.unitId, 'unitId');
    await checkOwner(trx, actor.orgId, input.ownerId);
    const id = newId();
    await insertKpi(trx, {
      id, orgId: actor.orgId, unitId: input.unitId, title: input.title, measure: input.measure, direction: input.direction,
      low: input.low ?? null, high: input.high ?? null, cadence: input.cadence, ownerId: input.ownerId ?? null, promotedFromKeyResultId: null, now,
    });
    const k = (await getKpi(trx, actor.orgId, id))!;
    record('kpi.created', kpiSubject(k), createdChanges(kpiFields(k), fieldsOf<KpiFields>('kpi')));
    return readKpi(deps, actor, id, trx);
  });
}

export async function changeKpi(deps: Deps, actor: Actor, id: string, patch: KpiPatch): Promise<Kpi> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const k = await getKpi(trx, actor.orgId, id);
    if (!k) throw notFound('The KPI');
    await mayChange(trx, actor, k.unitId);
    const next = {
      title: patch.title ?? k.title, measure: patch.measure ?? k.measure, direction: patch.direction ?? k.direction,
      low: patch.low === undefined ? k.low : patch.low, high: patch.high === undefined ? k.high : patch.high,
      cadence: patch.cadence ?? k.cadence, ownerId: patch.ownerId === undefined ? k.ownerId : patch.ownerId,
    };
    const issue = kpiRangeIssues(next)[0];
    if (issue) throw invalid(issue.field, issue.message, issue.code);
    await checkOwner(trx, actor.orgId, patch.ownerId);
    const outcome = await updateKpi(trx, actor.orgId, id, patch.version, next, now);
    if (outcome === 'stale') throw staleVersion('The KPI');
    if (outcome === 'missing') throw notFound('The KPI');
    const changed = (await getKpi(trx, actor.orgId, id))!;
    record('kpi.changed', kpiSubject(changed), fieldChanges(kpiFields(k), kpiFields(changed), fieldsOf<KpiFields>('kpi')));
    return readKpi(deps, actor, id, trx);
  });
}

/** Deleting takes its check-ins and the links paying into it; the key result it came from stays,
 *  no longer linked, and may be promoted again. */
export async function removeKpi(deps: Deps, actor: Actor, id: string): Promise<void> {
  await unitOfWork(deps, actor, async ({ trx, record }) => {
    const k = await getKpi(trx, actor.orgId, id);
    if (!k) throw notFound('The KPI');
    await mayChange(trx, actor, k.unitId);
    await deleteKpi(trx, actor.orgId, id);
    record('kpi.deleted', kpiSubject(k), deletedChanges(kpiFields(k), fieldsOf<KpiFields>('kpi')));
  });
}

async function presentCheckIns(db: Db, orgId: string, rows: readonly KpiCheckInRecord[]): Promise<KpiCheckIn[]> {
  const names = await peopleNames(db, orgId, [...new Set(rows.flatMap((c) => (c.authorId ? [c.authorId] : [])))]);
  return rows.map(({ authorId, ...c }) => ({ ...c, by: authorId ? { id: authorId, name: names.get(authorId) ?? '' } : null }));
}

export async function readKpiCheckIns(deps: Deps, actor: Actor, id: string, limit: number, cursor: string | undefined): Promise<Page<KpiCheckIn>> {
  const db = deps.store.db;
  if (!(await getKpi(db, actor.orgId, id))) throw notFound('The KPI');
  const rows = await listKpiCheckIns(db, actor.orgId, id, limit + 1, cursorOf(cursor));
  if (rows === 'bad_cursor') throw invalidCursor();
  const page = rows.slice(0, limit);
  return { items: await presentCheckIns(db, actor.orgId, page), nextCursor: rows.length > limit ? page[page.length - 1]!.id : null };
}

/** A value for the KPI, by its unit's members, admins or its owner; `at` may be in the past (a
 *  measurement written down later), never in the future. */
export async function checkInKpi(deps: Deps, actor: Actor, id: string, input: KpiCheckInCreate): Promise<KpiCheckIn> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const k = await getKpi(trx, actor.orgId, id);
    if (!k) throw notFound('The KPI');
    const facts = (await unitFactsFor(trx, actor.orgId, [k.unitId], actor.personId)).get(k.unitId) ?? NO_UNIT;
    if (facts.archivedAt !== null) throw unitArchived();
    if (!kpiCan(actor, { unit: facts, ownerId: k.ownerId }).checkIn) throw forbidden('You may not check in on this KPI');
    const at = input.at === undefined ? now : new Date(input.at).toISOString();
    if (at > now) throw invalid('at', 'must not be in the future', 'future');
    const c: KpiCheckInRecord = { id: newId(), kpiId: id, value: input.value, comment: input.comment, at, authorId: actor.personId, fromKeyResultId: null };
    await insertKpiCheckIns(trx, actor.orgId, [c]);
    await refreshKpiCurrent(trx, actor.orgId, id);
    record('kpi.checkedIn', kpiSubject(k), [
      { field: 'value', before: k.current, after: c.value }, ...(c.comment ? [{ field: 'comment', before: null, after: c.comment }] : []),
      { field: 'at', before: null, after: c.at },
    ]);
    return (await presentCheckIns(trx, actor.orgId, [c]))[0]!;
  });
}

/** Turns a key result into a KPI of its unit, inside the caller's unit of work: the KPI takes the
 *  key result's title, measure and owner, and a copy of every one of its check-ins (their times and
 *  authors kept, fromKeyResultId set); the key result then names the KPI. A key result already
 *  promoted answers 409 (already_promoted), also when another promotion won the race. */
export async function promoteKeyResult(deps: Deps, { trx, record }: Pick<UnitOfWork, 'trx' | 'record'>, actor: Actor, keyResultId: string, body: KeyResultPromote): Promise<Kpi> {
  const { kr, unitId } = await keyResultInContext(trx, actor, keyResultId);
  await mayChange(trx, actor, unitId);
  const already = () => conflictOn('id', 'is already promoted to a KPI', 'already_promoted');
  if (kr.kpiId !== null) throw already();
  const id = newId();
  await insertKpi(trx, {
    id, orgId: actor.orgId, unitId, title: kr.title, measure: kr.measure, direction: body.direction, low: body.low ?? null, high: body.high ?? null,
    cadence: body.cadence, ownerId: kr.ownerId, promotedFromKeyResultId: kr.id, now: isoNow(deps),
  });
  const history = await checkInsOfKeyResult(trx, actor.orgId, kr.id);
  await insertKpiCheckIns(trx, actor.orgId, history.map((c) => ({
    id: newId(), kpiId: id, value: c.value, comment: c.comment ?? '', at: c.createdAt, authorId: c.authorId, fromKeyResultId: kr.id,
  })));
  await refreshKpiCurrent(trx, actor.orgId, id);
  if (!(await linkKeyResultToKpi(trx, actor.orgId, kr.id, id))) throw already();
  const k = (await getKpi(trx, actor.orgId, id))!;
  record('kpi.created', kpiSubject(k), createdChanges(kpiFields(k), fieldsOf<KpiFields>('kpi')));
  record('keyResult.promoted', keyResultSubject(kr, unitId), [{ field: 'kpiId', before: null, after: id }]);
  return readKpi(deps, actor, id, trx);
}

export async function promote(deps: Deps, actor: Actor, keyResultId: string, body: KeyResultPromote): Promise<Kpi> {
  return unitOfWork(deps, actor, (work) => promoteKeyResult(deps, work, actor, keyResultId, body));
}
