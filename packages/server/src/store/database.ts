// Opens the store: SQLite (one WAL file under the data directory) by default, PostgreSQL when a
// postgres:// URL is given. Migrations run on every open; Kysely's migrator takes a lock, so
// several instances starting together against one PostgreSQL are safe. Each driver is imported
// when a store of its kind is opened: a SQLite server never loads pg, a PostgreSQL one never loads
// the native SQLite binding (both cost start-up time).
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Migration } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.js';
import { withStatementCache } from './statementCache.js';
import { preparingPool } from './preparedStatements.js';
import * as initial from './migrations/001_initial.js';
import * as objectiveProgress from './migrations/002_objective_progress.js';
import * as accountsAndSignInLimits from './migrations/003_accounts_and_sign_in_limits.js';
import * as trash from './migrations/004_trash.js';
import * as checkInEditsAndArchivedUnits from './migrations/005_check_in_edits_and_archived_units.js';
import * as events from './migrations/006_events.js';
import * as activitySeen from './migrations/007_activity_seen.js';
import * as dependenciesAndComments from './migrations/009_dependencies_and_comments.js';
import * as ritualsAndBacklog from './migrations/010_rituals_and_backlog.js';
import * as plans from './migrations/011_plans.js';
import * as meetings from './migrations/012_meetings.js';
import * as kpis from './migrations/013_kpis.js';
import * as reviews from './migrations/014_reviews.js';
import * as retrospectives from './migrations/015_retrospectives.js';

export type Dialect = 'sqlite' | 'postgres';
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, for logs: a file path or the database URL without password. */
  location: string;
  /** PostgreSQL only: the pool itself, for the check-in batch's round trips that hold several
   *  statements (store/checkInBatch.ts), which Kysely does not send. */
  pgPool?: pg.Pool;
  /** PostgreSQL only: the schema the store lives in, when not the connection's default. */
  pgSchema?: string | undefined;
  close(): Promise<void>;
}

export interface StoreConfig {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** PostgreSQL only: a schema to use instead of public (tests get one each). */
  pgSchema?: string | undefined;
  /** PostgreSQL only: told when an idle connection is lost (a server restart, a failover, an
   *  administrator); the pool opens a new one when next needed. By default a warning on stderr. */
  onLostConnection?: ((error: Error) => void) | undefined;
}

export const MIGRATIONS: Record<string, Migration> = {
  '001_initial': initial, '002_objective_progress': objectiveProgress,
  '003_accounts_and_sign_in_limits': accountsAndSignInLimits,
  '004_trash': trash,
  '005_check_in_edits_and_archived_units': checkInEditsAndArchivedUnits,
  '006_events': events,
  '007_activity_seen': activitySeen,
  '009_dependencies_and_comments': dependenciesAndComments,
  '010_rituals_and_backlog': ritualsAndBacklog,
  '011_plans': plans,
  '012_meetings': meetings,
  '013_kpis': kpis,
  '014_reviews': reviews,
  '015_retrospectives': retrospectives,
};

export async function openStore(config: StoreConfig): Promise<Store> {
  const store = config.databaseUrl ? await openPostgres(config.databaseUrl, config.pgSchema, config.onLostConnection) : await openSqlite(config.dataDir ?? './data');
  // On PostgreSQL the migrator's bookkeeping lives in our own schema: without naming it, Kysely
  // takes another schema's kysely_migration tables (another test store, another application in the
  // same database) for ours and fails.
  await migrate(store.db, store.dialect === 'postgres' ? config.pgSchema ?? await currentSchema(store.db) : undefined);
  return store;
}

async function currentSchema(db: Kysely<Database>): Promise<string | undefined> {
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema ?? undefined;
}

export async function migrate(db: Kysely<Database>, migrationTableSchema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}

async function openSqlite(dataDir: string): Promise<Store> {
  const { default: SQLite } = await import('better-sqlite3');
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.resolve(dataDir, 'varde.db');
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged write survives a power cut too, not just a killed process.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache instead of 2 MiB: a check-in touches index pages all over a large
  // check_ins table, and each miss is a read from the operating system.
  sqlite.pragma('cache_size = -65536');
  // Statement journals in memory: inside a transaction every statement that writes several rows
  // (each of the check-in batch's, store/checkInBatchSqlite.ts) keeps the pages it changes in one,
  // to undo that statement alone. On disk that was a temporary file created, written and deleted
  // in every batch: 150-odd writes for a batch of nine with their events, some 15 % of the batch's
  // CPU. Nothing durable ever lives there: the WAL holds what a crash must not lose.
  sqlite.pragma('temp_store = MEMORY');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, dialect: 'sqlite', location: file, close: () => db.destroy() };
}

/** The URL as a log may show it: without the password, whether it is in the user part or a
 *  password parameter (libpq's `?password=`, `sslpassword=`). Parsed by the WHATWG URL parser, as
 *  the user part may hold any character, an @ included; what it cannot parse is not shown at all. */
export function maskedDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(a database URL that cannot be parsed)';
  }
  if (parsed.password) parsed.password = '***';
  for (const name of [...parsed.searchParams.keys()]) {
    if (/password/i.test(name)) parsed.searchParams.set(name, '***');
  }
  return parsed.href;
}

async function openPostgres(url: string, schema: string | undefined, onLostConnection: StoreConfig['onLostConnection']): Promise<Store> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
  const { default: pg } = await import('pg');
  if (schema) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try { await admin.query(`create schema if not exists ${schema}`); } finally { await admin.end(); }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: Number(process.env.VARDE_PG_POOL ?? 10),
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // Unheard, the error an idle connection reports when the server closes it would end the process.
  pool.on('error', onLostConnection ?? ((error) => process.emitWarning(`PostgreSQL closed an idle connection: ${error.message}`)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool) }) });
  const safeUrl = maskedDatabaseUrl(url);
  return { db, dialect: 'postgres', location: schema ? `${safeUrl} (schema ${schema})` : safeUrl, pgPool: pool, pgSchema: schema, close: () => db.destroy() };
}
