// The cycle carries its rituals (planning window, review, retrospective dates), the organisation
// and each unit a check-in weekday and cadence, and an objective may be parked in a unit's backlog
// without a period. PostgreSQL drops the NOT NULL on objectives.period_id in place; SQLite cannot,
// so the table is rebuilt by SQLite's own recipe (https://sqlite.org/lang_altertable.html, "other
// kinds of table schema changes"): foreign keys off, so that dropping the old table neither
// cascades into key results, owners and links nor checks them; a new table made from the old one's
// own definition minus the NOT NULL (so the columns later migrations added come along); the rows
// copied; the old dropped and the new renamed into its place, which the tables pointing at
// "objectives" then name again; its indexes made anew; the foreign keys checked before they are on.
// Kysely runs SQLite migrations outside a transaction, which is what lets the pragma take effect.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const isPostgres = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  const s = db.schema;
  for (const column of ['planning_start_date', 'planning_end_date', 'review_date', 'retrospective_date']) {
    await s.alterTable('periods').addColumn(column, 'text').execute();
  }
  await s.alterTable('organisations').addColumn('check_in_weekday', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  await s.alterTable('organisations').addColumn('check_in_cadence', 'text', (c) => c.notNull().defaultTo('weekly')).execute();
  // An organisation that counted 14 days between check-ins met every other week.
  await sql`update organisations set check_in_cadence = 'biweekly' where check_in_cadence_days = 14`.execute(db);
  await s.alterTable('units').addColumn('check_in_weekday', 'integer').execute();
  await s.alterTable('units').addColumn('check_in_cadence', 'text').execute();

  if (isPostgres(db)) {
    await sql`alter table objectives alter column period_id drop not null`.execute(db);
    return;
  }
  await rebuildObjectivesOnSqlite(db, (definition) => {
    const nullable = definition.replace(/"period_id" text not null/i, '"period_id" text');
    if (nullable === definition) throw new Error('objectives.period_id is not declared as expected; cannot make it nullable');
    return nullable;
  });
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Parked objectives have no period to go back to; they go.
  await sql`delete from objectives where period_id is null`.execute(db);
  if (isPostgres(db)) {
    await sql`alter table objectives alter column period_id set not null`.execute(db);
  } else {
    await rebuildObjectivesOnSqlite(db, (definition) => definition.replace(/"period_id" text(?! not null)/i, '"period_id" text not null'));
  }
  const s = db.schema;
  for (const column of ['check_in_cadence', 'check_in_weekday']) await s.alterTable('units').dropColumn(column).execute();
  for (const column of ['check_in_cadence', 'check_in_weekday']) await s.alterTable('organisations').dropColumn(column).execute();
  for (const column of ['retrospective_date', 'review_date', 'planning_end_date', 'planning_start_date']) await s.alterTable('periods').dropColumn(column).execute();
}

async function rebuildObjectivesOnSqlite(db: Kysely<unknown>, change: (definition: string) => string): Promise<void> {
  const { rows: [table] } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name = 'objectives'`.execute(db);
  if (!table) throw new Error('there is no objectives table');
  const { rows: indexes } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = 'objectives' and sql is not null`.execute(db);
  const { rows: [was] } = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
  const definition = change(table.sql).replace(/^create table "?objectives"?/i, 'create table "objectives_rebuilt"');
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await sql.raw(definition).execute(trx);
      await sql`insert into objectives_rebuilt select * from objectives`.execute(trx);
      await sql`drop table objectives`.execute(trx);
      await sql`alter table objectives_rebuilt rename to objectives`.execute(trx);
      for (const index of indexes) await sql.raw(index.sql).execute(trx);
      const { rows: broken } = await sql`pragma foreign_key_check`.execute(trx);
      if (was?.foreign_keys && broken.length > 0) throw new Error(`the rebuilt objectives table breaks ${broken.length} foreign keys`);
    });
  } finally {
    if (was?.foreign_keys) await sql`pragma foreign_keys = on`.execute(db);
  }
}
