// Periods: years and cycles with their state.
import type { Period, PeriodKind, PeriodState } from '@varde/core';
import type { Db, VersionedUpdate } from './executor.js';
import { isPostgres, updatedRows } from './executor.js';
import type { Selectable } from 'kysely';
import type { PeriodTable } from './schema.js';

function present(r: Selectable<PeriodTable>): Period {
  return {
    id: r.id, kind: r.kind as PeriodKind, name: r.name, startDate: r.start_date, endDate: r.end_date,
    state: r.state as PeriodState,
    planningStartDate: r.planning_start_date, planningEndDate: r.planning_end_date, reviewDate: r.review_date, retrospectiveDate: r.retrospective_date,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

type PeriodFilter = { kind?: string | undefined; state?: string | undefined };

function periodsQuery(db: Db, orgId: string, filter: PeriodFilter) {
  let q = db.selectFrom('periods').selectAll().where('org_id', '=', orgId);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.state) q = q.where('state', '=', filter.state);
  return q;
}
type PeriodsQuery = ReturnType<typeof periodsQuery>;
const inCalendarOrder = (q: PeriodsQuery) => q.orderBy('start_date').orderBy('kind', 'desc').orderBy('id');

/** Oldest first; a year before the cycles that start with it. */
export async function listPeriods(db: Db, orgId: string, filter: PeriodFilter): Promise<Period[]> {
  return (await inCalendarOrder(periodsQuery(db, orgId, filter)).execute()).map(present);
}

/** A page in the order of listPeriods, after the period with id `after`; 'unknown-cursor' when the
 *  organisation has no period with that id. */
export async function periodsPage(db: Db, orgId: string, filter: PeriodFilter, limit: number, after: string | undefined): Promise<Period[] | 'unknown-cursor'> {
  let q = periodsQuery(db, orgId, filter);
  if (after) {
    const last = await db.selectFrom('periods').select(['start_date', 'kind', 'id']).where('org_id', '=', orgId).where('id', '=', after).executeTakeFirst();
    if (!last) return 'unknown-cursor';
    // Later start, or the same start and a kind after it ('year' before 'cycle'), or the same
    // start and kind and a higher id.
    q = q.where((eb) => eb.or([
      eb('start_date', '>', last.start_date),
      eb.and([eb('start_date', '=', last.start_date), eb('kind', '<', last.kind)]),
      eb.and([eb('start_date', '=', last.start_date), eb('kind', '=', last.kind), eb('id', '>', last.id)]),
    ]));
  }
  return (await inCalendarOrder(q).limit(limit).execute()).map(present);
}

export async function getPeriod(db: Db, orgId: string, id: string): Promise<Period | undefined> {
  const r = await db.selectFrom('periods').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return r ? present(r) : undefined;
}

/** A period with its organisation's time zone, which together fix its calendar. */
export async function getPeriodInTimeZone(db: Db, orgId: string, id: string): Promise<{ period: Period; timeZone: string } | undefined> {
  const r = await db.selectFrom('periods').innerJoin('organisations', 'organisations.id', 'periods.org_id')
    .selectAll('periods').select('organisations.time_zone as org_time_zone')
    .where('periods.org_id', '=', orgId).where('periods.id', '=', id).executeTakeFirst();
  if (!r) return undefined;
  const { org_time_zone, ...row } = r;
  return { period: present(row), timeZone: org_time_zone };
}

/** What hangs on a period, counted after taking its row lock on PostgreSQL: an objective or
 *  initiative being added to it waits for the lock (its foreign key), so none slips in between
 *  the count and a deletion in the same transaction. */
export async function lockedPeriodContents(db: Db, orgId: string, id: string): Promise<{ state: string; objectives: number; initiatives: number } | undefined> {
  let q = db.selectFrom('periods').select('state').where('org_id', '=', orgId).where('id', '=', id);
  if (isPostgres(db)) q = q.forUpdate();
  const period = await q.executeTakeFirst();
  if (!period) return undefined;
  const [objectives, initiatives] = await Promise.all([
    db.selectFrom('objectives').select((eb) => eb.fn.countAll<number | string>().as('n')).where('org_id', '=', orgId).where('period_id', '=', id).executeTakeFirstOrThrow(),
    db.selectFrom('initiatives').select((eb) => eb.fn.countAll<number | string>().as('n')).where('org_id', '=', orgId).where('period_id', '=', id).executeTakeFirstOrThrow(),
  ]);
  return { state: period.state, objectives: Number(objectives.n), initiatives: Number(initiatives.n) };
}

export async function deletePeriod(db: Db, orgId: string, id: string): Promise<void> {
  await db.deleteFrom('periods').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export interface RitualDateValues {
  planningStartDate?: string | null | undefined; planningEndDate?: string | null | undefined;
  reviewDate?: string | null | undefined; retrospectiveDate?: string | null | undefined;
}
const ritualColumns = (p: RitualDateValues) => ({
  planning_start_date: p.planningStartDate ?? null, planning_end_date: p.planningEndDate ?? null,
  review_date: p.reviewDate ?? null, retrospective_date: p.retrospectiveDate ?? null,
});
export interface NewPeriod extends RitualDateValues { id: string; orgId: string; kind: string; name: string; startDate: string; endDate: string; state: string; now: string }
export async function insertPeriod(db: Db, p: NewPeriod): Promise<void> {
  await db.insertInto('periods').values({
    id: p.id, org_id: p.orgId, kind: p.kind, name: p.name, start_date: p.startDate, end_date: p.endDate, state: p.state,
    ...ritualColumns(p), version: 1, created_at: p.now, updated_at: p.now,
  }).execute();
}

export async function updatePeriod(db: Db, orgId: string, id: string, version: number,
  next: { name: string; startDate: string; endDate: string; state: string } & RitualDateValues, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('periods').set({
    name: next.name, start_date: next.startDate, end_date: next.endDate, state: next.state, ...ritualColumns(next), version: version + 1, updated_at: now,
  }).where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  return (await getPeriod(db, orgId, id)) ? 'stale' : 'missing';
}

/** The units with draft objectives in the period, each with how many, for refusing its activation.
 *  An archived unit is left out: its OKRs are read-only, so its drafts could not be published. */
export async function draftCountsByUnit(db: Db, orgId: string, periodId: string): Promise<Array<{ id: string; name: string; draftCount: number }>> {
  const rows = await db.selectFrom('objectives').innerJoin('units', 'units.id', 'objectives.unit_id')
    .select(['units.id', 'units.name', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('objectives.org_id', '=', orgId).where('objectives.period_id', '=', periodId).where('objectives.status', '=', 'draft')
    .where('units.archived_at', 'is', null)
    .groupBy(['units.id', 'units.name']).execute();
  return rows.map((r) => ({ id: r.id, name: r.name, draftCount: Number(r.n) }));
}

/** Sets a period's ritual dates without a new version: for the demo seed, as the period is made. */
export async function setRitualDates(db: Db, orgId: string, id: string, dates: RitualDateValues): Promise<void> {
  await db.updateTable('periods').set(ritualColumns(dates)).where('org_id', '=', orgId).where('id', '=', id).execute();
}
