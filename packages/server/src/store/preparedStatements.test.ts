// On PostgreSQL, the statements compiled once travel as named prepared statements: each
// connection parses one once and keeps it. Everything else is sent unnamed, as before.
// PostgreSQL only: SQLite keeps prepared statements of its own (statementCache.ts) and has neither
// named statements nor plan_cache_mode, so without DATABASE_URL there is nothing to check here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestStore, storeKinds, type TestStore } from '../testing/testStores.js';
import { compiledOnce } from './compiledOnce.js';
import { insertOrganisation } from './organisations.js';
import { testOrganisation as organisation } from '../testing/organisations.js';
import type { Db } from './executor.js';


const nameOf = compiledOnce((db, a: { id: string }) => db.selectFrom('organisations').select('name').where('id', '=', a.id));
const prepared = async (db: Db) => (await sql<{ name: string; statement: string }>`select name, statement from pg_prepared_statements`.execute(db)).rows;

describe.runIf(storeKinds().includes('postgres'))('prepared statements on PostgreSQL', () => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore('postgres');
    for (const id of ['org-1', 'org-2']) await insertOrganisation(t.store.db, organisation(id));
  });
  afterAll(async () => { await t?.store.close(); await t?.drop(); });

  it('sends a statement compiled once by name, parsed once per connection, with each call\'s values', async () => {
    await t.store.db.connection().execute(async (c) => {
      expect((await nameOf(c, { id: 'org-1' })).rows).toEqual([{ name: 'org-1' }]);
      expect((await nameOf(c, { id: 'org-2' })).rows).toEqual([{ name: 'org-2' }]);
      const ours = (await prepared(c)).filter((s) => s.statement.includes('from "organisations"'));
      expect(ours).toHaveLength(1);
      expect(ours[0]!.name).toMatch(/^varde_\d+$/);
    });
  });

  it('sends every other statement unnamed', async () => {
    await t.store.db.connection().execute(async (c) => {
      await c.selectFrom('organisations').select('id').where('name', '=', 'org-2').execute();
      expect((await prepared(c)).filter((s) => s.statement.includes('"name" = $1'))).toEqual([]);
    });
  });
});
