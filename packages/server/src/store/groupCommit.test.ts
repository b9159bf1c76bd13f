// Writes that share one commit still land one by one: a failing write leaves no trace, the
// others land, and each caller hears about its own write only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../testing/testStores.js';
import { write } from './groupCommit.js';
import { insertOrganisation } from './organisations.js';
import { testOrganisation as organisation } from '../testing/organisations.js';


describe.each(storeKinds())('group commit on %s', (kind) => {
  let t: TestStore;
  beforeAll(async () => { t = await openTestStore(kind); });
  afterAll(async () => { await t?.store.close(); await t?.drop(); });

  it('lands every write but the one that fails, which leaves nothing behind', async () => {
    const results = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => write(t.store, async (trx) => {
      await insertOrganisation(trx, organisation(`org-${i}`));
      if (i === 7) throw new Error('refused');
      return i;
    })));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[7]).toMatchObject({ status: 'rejected', reason: new Error('refused') });
    expect(results[8]).toMatchObject({ status: 'fulfilled', value: 8 });
    const ids = (await t.store.db.selectFrom('organisations').select('id').execute()).map((r) => r.id);
    expect(ids).toHaveLength(39);
    expect(ids).not.toContain('org-7');
  });

  it('refuses a write that breaks a constraint without harming its neighbours', async () => {
    const results = await Promise.allSettled([
      write(t.store, (trx) => insertOrganisation(trx, organisation('org-a'))),
      write(t.store, (trx) => insertOrganisation(trx, organisation('org-a'))), // the same primary key again
      write(t.store, (trx) => insertOrganisation(trx, organisation('org-b'))),
    ]);
    // Which of the two identical writes loses is the database's choice on PostgreSQL, where they
    // run as concurrent transactions; exactly one of them does, and the neighbour always lands.
    expect(results.slice(0, 2).map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results[2]!.status).toBe('fulfilled');
    const ids = (await t.store.db.selectFrom('organisations').select('id').where('id', 'in', ['org-a', 'org-b']).execute()).map((r) => r.id);
    expect(ids.sort()).toEqual(['org-a', 'org-b']);
  });
});
