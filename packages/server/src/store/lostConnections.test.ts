// PostgreSQL may close connections the pool keeps idle (a restart, a failover, an administrator);
// the server must neither crash nor fail the next request. SQLite has no connections to lose.
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../testing/testStores.js';

describe.runIf(storeKinds().includes('postgres'))('lost PostgreSQL connections', () => {
  let t: TestStore;
  const lost: Error[] = [];
  beforeAll(async () => {
    t = await openTestStore('postgres', { onLostConnection: (error) => lost.push(error) });
  });
  afterAll(async () => { await t?.store.close(); await t?.drop(); });

  it('are told, replaced, and the next queries answer', async () => {
    // Several queries at once, so the pool holds several connections; then the server ends them.
    const pids = new Set((await Promise.all(Array.from({ length: 4 }, () =>
      sql<{ pid: number }>`select pg_backend_pid() as pid, pg_sleep(0.05)`.execute(t.store.db)))).map((r) => r.rows[0]!.pid));
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) as pid', [[...pids]]);
    } finally {
      await admin.end();
    }
    for (let i = 0; i < 50 && lost.length < pids.size; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lost.length).toBe(pids.size);
    expect(lost[0]!.message).toMatch(/terminat/);
    const again = await Promise.all(Array.from({ length: 4 }, () => sql<{ one: number }>`select 1 as one`.execute(t.store.db)));
    expect(again.map((r) => r.rows[0]!.one)).toEqual([1, 1, 1, 1]);
  });
});
