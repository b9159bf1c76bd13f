// A migration is frozen, and one that fills in data must do it on a database as it was: here
// 002's backfill of objectives' progress on a database made by 001, with key results of its time.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './database.js';
import { storeKinds } from '../testing/testStores.js';

describe.each(storeKinds())('migrations on a database made before them, on %s', (kind) => {
  let db: Kysely<any>;
  let migrator: Migrator;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    if (kind === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-migrations-'));
      const sqlite = new SQLite(path.join(dir, 'varde.db'));
      // Rows of a few tables only, without the units and periods they would point at.
      sqlite.pragma('foreign_keys = OFF');
      db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
      migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
      drop = async () => { await db.destroy(); fs.rmSync(dir, { recursive: true, force: true }); };
    } else {
      const url = process.env.DATABASE_URL!;
      const schema = `m_${randomBytes(6).toString('hex')}`;
      const admin = async (statement: string) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try { await client.query(statement); } finally { await client.end(); }
      };
      await admin(`create schema ${schema}`);
      // Each connection skips foreign key checks, as the SQLite side does, for the same reason.
      db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema} -c session_replication_role=replica` }) }) });
      migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS }, migrationTableSchema: schema });
      drop = async () => { await db.destroy(); await admin(`drop schema if exists ${schema} cascade`); };
    }
  });
  afterAll(async () => { await drop?.(); });

  it('002 works out the progress of objectives that already have key results, and the rest run after it', async () => {
    expect((await migrator.migrateTo('001_initial')).error).toBeUndefined();
    const at = '2026-11-01T10:00:00.000Z';
    const common = { org_id: 'org', version: 1, created_at: at, updated_at: at };
    await db.insertInto('objectives').values([
      { id: 'o1', unit_id: 'u', period_id: 'p', title: 'Flere medlemmer', description: '', kind: 'committed', status: 'active', ...common },
      { id: 'o2', unit_id: 'u', period_id: 'p', title: 'Uten nøkkelresultater', description: '', kind: 'committed', status: 'active', ...common },
    ]).execute();
    const kr = { objective_id: 'o1', measure: 'medlemmer', owner_id: null, current_at: at, confidence: 7, ...common };
    await db.insertInto('key_results').values([
      { id: 'k1', title: 'Halvveis', type: 'increase', start_value: 0, target_value: 100, weight: 1, current_value: 50, ...kr },
      { id: 'k2', title: 'I mål', type: 'milestone', start_value: 0, target_value: 1, weight: 3, current_value: 1, ...kr },
    ]).execute();

    const { error, results } = await migrator.migrateToLatest();
    expect(error).toBeUndefined();
    expect(results?.map((r) => r.migrationName)[0]).toBe('002_objective_progress');
    const progress = Object.fromEntries((await db.selectFrom('objectives').select(['id', 'progress']).execute()).map((r) => [r.id, r.progress]));
    expect(progress.o1).toBeCloseTo((0.5 * 1 + 1 * 3) / 4, 10);
    expect(progress.o2).toBe(0);
  });
});
