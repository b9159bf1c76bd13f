// Real stores for tests: a fresh SQLite file in a temporary directory, and, when DATABASE_URL
// points at PostgreSQL, a fresh schema on that server. Every storage test runs on each.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Dialect, type Store, type StoreConfig } from '../store/database.js';

export function storeKinds(): Dialect[] {
  return process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];
}

export interface TestStore { store: Store; dataDir?: string; pgSchema?: string; reopen(): Promise<Store>; drop(): Promise<void> }

export async function openTestStore(kind: Dialect, options: Pick<StoreConfig, 'onLostConnection'> = {}): Promise<TestStore> {
  if (kind === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-test-'));
    const store = await openStore({ dataDir });
    return {
      store, dataDir,
      reopen: () => openStore({ dataDir }),
      drop: async () => { fs.rmSync(dataDir, { recursive: true, force: true }); },
    };
  }
  const url = process.env.DATABASE_URL!;
  const pgSchema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openStore({ databaseUrl: url, pgSchema, ...options });
  return {
    store, pgSchema,
    reopen: () => openStore({ databaseUrl: url, pgSchema, ...options }),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try { await client.query(`drop schema if exists ${pgSchema} cascade`); } finally { await client.end(); }
    },
  };
}
