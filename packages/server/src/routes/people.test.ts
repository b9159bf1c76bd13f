// Reading only the people a screen needs, on every store: by id (the names a page shows), a
// unit's members, and names containing a text in any case and any script (an owner's search),
// in order of name and paged by the same cursors as every list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';
import { insertPerson } from '../store/people.js';
import { newId } from '../store/ids.js';

interface Listed { id: string; name: string }
const names = (items: Listed[]) => items.map((p) => p.name);

describe.each(storeKinds())('reading chosen people on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let marte: Client;
  let everyone: Listed[];
  const added = new Map<string, string>();
  // Names that only a search folding every script's case finds, and ones full of what SQL
  // patterns and regular expressions treat as special.
  const NAMES = ['Øyvind Ås', 'øystein Berg', 'Per Øye', 'ÅSE LIE', 'Kari Dahl', 'Kari Aas', 'Kari Berg', 'Stjerne*Navn', 'Prosent 50% Li', 'Punkt.Navn', 'Klamme [x] Li', 'Under_Strek'];

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
    marte = await t.signIn('marte@demo.varde.no', 'varde-demo');
    const orgId = (await admin.get('/api/v1/me')).body.organisation.id;
    for (const [i, name] of NAMES.entries()) {
      const id = newId();
      await insertPerson(t.deps.store.db, { id, orgId, name, email: `search${i}@example.org`, passwordHash: null, isAdmin: false, now: '2026-11-25T10:00:00Z' });
      added.set(name, id);
    }
    everyone = (await admin.get('/api/v1/people?limit=500')).body.items;
  });
  afterAll(async () => { await t?.close(); });

  it('answers the people named by id, leaving out ids of nobody, for members too', async () => {
    const [a, b] = [everyone[3]!, everyone[7]!];
    const res = await marte.get(`/api/v1/people?ids=${b.id},${a.id},nobody-here`);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toEqual([a, b].sort((x, y) => (x.id < y.id ? -1 : 1)));
    expect((await marte.get('/api/v1/people?ids=nobody-here')).body.items).toEqual([]);
  });

  it('refuses a list of ids that is not one, or too long', async () => {
    expectProblem(await admin.get('/api/v1/people?ids=a,,b'), 400, 'an empty id', { fields: ['ids.1'] });
    expectProblem(await admin.get('/api/v1/people?ids=not%20an%20id'), 400, 'a bad id', { fields: ['ids.0'] });
    const many = Array.from({ length: 101 }, (_, i) => `id-${i}`).join(',');
    expectProblem(await admin.get(`/api/v1/people?ids=${many}`), 400, '101 ids', { fields: ['ids'] });
    expect((await admin.get(`/api/v1/people?ids=${many.split(',').slice(0, 100).join(',')}`)).status).toBe(200);
  });

  it("answers a unit's members, and nobody for a unit that is not there", async () => {
    const units = (await admin.get('/api/v1/units?limit=500')).body.items as Array<{ id: string; members: Array<{ personId: string }> }>;
    const team = units.find((u) => u.members.length > 1)!;
    const res = await admin.get(`/api/v1/people?unit=${team.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((p: Listed) => p.id)).toEqual(team.members.map((m) => m.personId).sort());
    expect((await admin.get('/api/v1/people?unit=no-such-unit')).body.items).toEqual([]);
    // Filters apply together: the members whose names contain the first member's first name.
    const first = res.body.items[0] as Listed;
    const both = (await admin.get(`/api/v1/people?unit=${team.id}&q=${encodeURIComponent(first.name.split(' ')[0]!)}`)).body.items;
    expect(both.map((p: Listed) => p.id)).toContain(first.id);
    expect(both.every((p: Listed) => team.members.some((m) => m.personId === p.id))).toBe(true);
  });

  it('finds names containing the text in any case, Nordic letters too, in order of name', async () => {
    const search = async (q: string) => names((await admin.get(`/api/v1/people?q=${encodeURIComponent(q)}&limit=500`)).body.items);
    expect((await search('øy')).sort()).toEqual(['Per Øye', 'øystein Berg', 'Øyvind Ås'].sort());
    expect((await search('ØY')).sort()).toEqual((await search('øy')).sort());
    expect(await search('åse')).toEqual(['ÅSE LIE']);
    expect(await search('ås')).toEqual(expect.arrayContaining(['Øyvind Ås', 'ÅSE LIE']));
    expect(await search('kari')).toEqual(['Kari Aas', 'Kari Berg', 'Kari Dahl']);
    expect(await search('  KARI b ')).toEqual(['Kari Berg']);
    // What patterns treat as special is matched as itself.
    expect(await search('*')).toEqual(['Stjerne*Navn']);
    expect(await search('50%')).toEqual(['Prosent 50% Li']);
    expect(await search('%')).toEqual(['Prosent 50% Li']);
    expect(await search('t.n')).toEqual(['Punkt.Navn']);
    expect(await search('[x]')).toEqual(['Klamme [x] Li']);
    expect(await search('_')).toEqual(['Under_Strek']);
    expect(await search('n_e')).toEqual([]);
    expect(await search('nobody has this name')).toEqual([]);
  });

  it('pages a search in order of name with the cursors it hands out', async () => {
    const whole = (await admin.get('/api/v1/people?q=&limit=500')).body;
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.map((p: Listed) => p.id).sort()).toEqual(everyone.map((p) => p.id).sort());
    const walked: Listed[] = [];
    let cursor: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const res: { status: number; body: { items: Listed[]; nextCursor: string | null } } = await admin.get(`/api/v1/people?q=&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      walked.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (!cursor) break;
      expect(res.body.items).toHaveLength(4);
    }
    expect(walked).toEqual(whole.items);
    const two = (await admin.get('/api/v1/people?q=kari&limit=2')).body;
    expect(names(two.items)).toEqual(['Kari Aas', 'Kari Berg']);
    expect(names((await admin.get(`/api/v1/people?q=kari&limit=2&cursor=${two.nextCursor}`)).body.items)).toEqual(['Kari Dahl']);
    expectProblem(await admin.get('/api/v1/people?q=kari&cursor=not-a-cursor'), 400, 'a cursor not handed out', { fields: ['cursor'] });
    expectProblem(await admin.get(`/api/v1/people?q=${'x'.repeat(101)}`), 400, 'a long text', { fields: ['q'] });
  });
});
