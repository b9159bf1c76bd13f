// A bare database for testing a migration on data of its time: a SQLite file or a PostgreSQL
// schema of its own, with a Migrator that can stop at any migration. Foreign keys are enforced as
// the server runs them, or skipped where a test fills a few tables without what they point at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { MIGRATIONS } from '../store/database.js';
import type { Dialect } from '../store/database.js';

export interface MigrationDatabase {
  db: Kysely<any>;
  migrator: Migrator;
  drop(): Promise<void>;
}

export async function migrationDatabase(kind: Dialect, { foreignKeys }: { foreignKeys: boolean }): Promise<MigrationDatabase> {
  if (kind === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-migration-'));
    const sqlite = new SQLite(path.join(dir, 'varde.db'));
    sqlite.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
    const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
    return { db, migrator, drop: async () => { await db.destroy(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const url = process.env.DATABASE_URL!;
  const schema = `m_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try { await client.query(statement); } finally { await client.end(); }
  };
  await admin(`create schema ${schema}`);
  // Without foreign keys each connection runs as a replica, which skips their checks.
  const options = `-c search_path=${schema}${foreignKeys ? '' : ' -c session_replication_role=replica'}`;
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1, options }) }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, migrationTableSchema: schema });
  return { db, migrator, drop: async () => { await db.destroy(); await admin(`drop schema if exists ${schema} cascade`); } };
}
