// Organisations and their strategy.
import type { Organisation, Strategy } from '@varde/core';
import { sql, type Selectable } from 'kysely';
import { isPostgres, updatedRows, type Db, type VersionedUpdate } from './executor.js';
import type { OrganisationTable } from './schema.js';

type OrganisationRow = Selectable<OrganisationTable> & { root_unit_id: string | null };

/** The organisation with the unit at the top of its tree, in one query. */
const selectOrganisation = (db: Db) => db.selectFrom('organisations').selectAll('organisations')
  .select((eb) => eb.selectFrom('units').select('units.id').whereRef('units.org_id', '=', 'organisations.id').where('units.parent_id', 'is', null)
    .orderBy('units.created_at').limit(1).as('root_unit_id'));

function present(row: OrganisationRow): Organisation {
  return {
    id: row.id, name: row.name, language: row.language as Organisation['language'], timeZone: row.time_zone,
    fiscalYearStartMonth: row.fiscal_year_start_month, cycleCadence: row.cycle_cadence as Organisation['cycleCadence'],
    checkInCadenceDays: row.check_in_cadence_days,
    checkInWeekday: row.check_in_weekday, checkInCadence: row.check_in_cadence as Organisation['checkInCadence'],
    strategy: { mission: row.mission, vision: row.vision, values: JSON.parse(row.values_json), themes: JSON.parse(row.themes_json) },
    rootUnitId: row.root_unit_id ?? null,
    version: row.version, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** The organisation this deployment serves (one for now; every row is already keyed by it). */
/** Within the first-run set-up's transaction, before it looks for an organisation: two set-ups at
 *  once on PostgreSQL would otherwise both find none and both create one. The second now waits,
 *  and then finds the first's. (SQLite runs one write transaction at a time.) */
export async function lockForSetUp(db: Db): Promise<void> {
  if (isPostgres(db)) await sql`lock table organisations in share row exclusive mode`.execute(db);
}

export async function findDefaultOrganisation(db: Db): Promise<(Organisation & { isDemo: boolean }) | undefined> {
  const row = await selectOrganisation(db).orderBy('organisations.created_at').limit(1).executeTakeFirst();
  return row ? { ...present(row), isDemo: row.is_demo === 1 } : undefined;
}

export async function getOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  const row = await selectOrganisation(db).where('organisations.id', '=', id).executeTakeFirst();
  return row ? present(row) : undefined;
}

export async function organisationTimeZone(db: Db, id: string): Promise<string> {
  const row = await db.selectFrom('organisations').select('time_zone').where('id', '=', id).executeTakeFirst();
  return row?.time_zone ?? 'UTC';
}

export interface NewOrganisation {
  id: string; name: string; language: string; timeZone: string; fiscalYearStartMonth: number;
  cycleCadence: string; checkInCadenceDays: number; strategy: Strategy; isDemo: boolean; now: string;
  checkInWeekday?: number; checkInCadence?: string;
}
export async function insertOrganisation(db: Db, o: NewOrganisation): Promise<void> {
  await db.insertInto('organisations').values({
    id: o.id, name: o.name, language: o.language, time_zone: o.timeZone,
    fiscal_year_start_month: o.fiscalYearStartMonth, cycle_cadence: o.cycleCadence,
    check_in_cadence_days: o.checkInCadenceDays, mission: o.strategy.mission, vision: o.strategy.vision,
    values_json: JSON.stringify(o.strategy.values), themes_json: JSON.stringify(o.strategy.themes),
    is_demo: o.isDemo ? 1 : 0, version: 1, created_at: o.now, updated_at: o.now,
    check_in_weekday: o.checkInWeekday ?? 1, check_in_cadence: o.checkInCadence ?? (o.checkInCadenceDays === 14 ? 'biweekly' : 'weekly'),
  }).execute();
}

export async function updateOrganisation(db: Db, id: string, version: number, next: Organisation, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('organisations').set({
    name: next.name, language: next.language, time_zone: next.timeZone,
    fiscal_year_start_month: next.fiscalYearStartMonth, cycle_cadence: next.cycleCadence,
    check_in_cadence_days: next.checkInCadenceDays, mission: next.strategy.mission, vision: next.strategy.vision,
    values_json: JSON.stringify(next.strategy.values), themes_json: JSON.stringify(next.strategy.themes),
    check_in_weekday: next.checkInWeekday, check_in_cadence: next.checkInCadence,
    version: version + 1, updated_at: now,
  }).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  return (await getOrganisation(db, id)) ? 'stale' : 'missing';
}

/** Whether the organisation holds the demo data; undefined when it does not exist. */
export async function isDemoOrganisation(db: Db, id: string): Promise<boolean | undefined> {
  const row = await db.selectFrom('organisations').select('is_demo').where('id', '=', id).executeTakeFirst();
  return row ? row.is_demo === 1 : undefined;
}

/** Every table that holds an organisation's rows, children before the rows they point at. Several
 *  of them (key results, check-ins, initiatives, …) have no cascade from organisations, so each is
 *  emptied of the organisation's rows by its org_id rather than trusting cascades to reach it. */
const ORGANISATION_TABLES = [
  'proposals', 'hint_dismissals', 'plans',
  'events', 'event_counters', 'activity_seen', 'trash', 'initiative_key_results', 'initiatives', 'check_ins', 'alignments', 'key_results', 'objective_owners', 'objectives',
  'periods', 'memberships', 'units', 'sessions', 'people',
] as const;

/** Deletes an organisation and everything it holds; run it in the caller's transaction, so that a
 *  failure halfway leaves all of it. Answers the ids of the people it deleted. */
export async function deleteOrganisation(db: Db, id: string): Promise<string[]> {
  const people = (await db.selectFrom('people').select('id').where('org_id', '=', id).execute()).map((r) => r.id);
  // One statement for all of a table's rows: units point at their parent unit, and a constraint
  // is checked when the statement ends, by which time parent and child are both gone.
  for (const table of ORGANISATION_TABLES) await db.deleteFrom(table).where('org_id', '=', id).execute();
  await db.deleteFrom('organisations').where('id', '=', id).execute();
  return people;
}
