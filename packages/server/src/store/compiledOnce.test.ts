// A query compiled once answers like the same query built afresh, for every set of arguments, in
// and out of a transaction, on every store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../testing/testStores.js';
import { compiledOnce } from './compiledOnce.js';
import { insertOrganisation } from './organisations.js';
import { testOrganisation as organisation } from '../testing/organisations.js';


// One argument used twice and a constant among the arguments: each lands in its own place.
const named = compiledOnce((db, a: { name: string; id: string }) => db.selectFrom('organisations').select(['id', 'name', 'language'])
  .where('language', '=', 'nb').where((eb) => eb.or([eb('id', '=', a.id), eb('name', '=', a.name)])).where('id', '=', a.id).orderBy('id'));
const rename = compiledOnce((db, a: { id: string; name: string }) => db.updateTable('organisations').set({ name: a.name }).where('id', '=', a.id));

describe.each(storeKinds())('compiledOnce on %s', (kind) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await openTestStore(kind);
    for (const [id, name] of [['org-1', 'Samhold'], ['org-2', 'Fellesskap'], ['org-3', 'Samhold']]) await insertOrganisation(t.store.db, organisation(id, name));
  });
  afterAll(async () => { await t?.store.close(); await t?.drop(); });

  it('puts each call\'s arguments in their places', async () => {
    expect((await named(t.store.db, { id: 'org-1', name: 'Samhold' })).rows).toEqual([{ id: 'org-1', name: 'Samhold', language: 'nb' }]);
    expect((await named(t.store.db, { id: 'org-2', name: 'Samhold' })).rows).toEqual([{ id: 'org-2', name: 'Fellesskap', language: 'nb' }]);
    expect((await named(t.store.db, { id: 'org-9', name: 'Samhold' })).rows).toEqual([]);
  });

  it('runs inside a transaction, and its writes roll back with it', async () => {
    await expect(t.store.db.transaction().execute(async (trx) => {
      const result = await rename(trx, { id: 'org-3', name: 'Nytt navn' });
      expect(Number(result.numAffectedRows)).toBe(1);
      expect((await named(trx, { id: 'org-3', name: '-' })).rows[0]?.name).toBe('Nytt navn');
      throw new Error('undo');
    })).rejects.toThrow('undo');
    expect((await named(t.store.db, { id: 'org-3', name: '-' })).rows[0]?.name).toBe('Samhold');
  });

  it('refuses a call that leaves an argument out', async () => {
    await expect(named(t.store.db, { id: 'org-1' } as { id: string; name: string })).rejects.toThrow(/argument name is missing/);
  });

  it('refuses a query whose shape asks which arguments it was given', async () => {
    const branching = compiledOnce((db, a: { id?: string }) => {
      const q = db.selectFrom('organisations').select('id');
      return 'id' in a ? q.where('id', '=', a.id!) : q;
    });
    await expect(branching(t.store.db, { id: 'org-1' })).rejects.toThrow(/cannot branch on its arguments/);
  });
});
