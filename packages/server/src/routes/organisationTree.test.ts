// What the organisation page reads, on every store: a unit's progress lists the tree to the depth
// asked for (its children by default) while every node's figures stay the roll-up of its whole
// subtree; a node beyond the depth says how many children it has. The organisation names its root
// unit, and the unit list can be asked for the archived units alone, so the page never lists every
// unit. On the bench's generated organisation of 2,000 units the root's answer stays under 64 KiB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitProgressNode } from '@varde/core';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
// The bench's generator (bench/lib/generate.mjs, which loads through the built store's bulk inserts).
import { ADMIN, generate } from '../../../../bench/lib/generate.mjs';

const PASSWORD = 'correct horse battery';

/** The answer at a smaller depth, made from a deeper one: the same nodes with the lists cut off below `depth`. */
function cut<T extends { children: UnitProgressNode[] }>(node: T, depth: number): T {
  return { ...node, children: depth === 0 ? [] : node.children.map((c) => cut(c, depth - 1)) };
}
/** A node's or a unit's own figures, without what only a unit's answer holds or what depends on the depth. */
const figures = ({ children: _c, objectives: _o, period: _p, ...rest }: any) => rest;

describe.each(storeKinds())('the organisation tree a level at a time on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let rootId: string;
  let cycleId: string;
  const ids: Record<string, string> = {};
  const progress = async (unitId: string, extra = '') => admin.get(`/api/v1/units/${unitId}/progress?period=${cycleId}${extra}`);

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Treet', language: 'nb', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    // root → Nord (area) → Nord-team → Nord-gruppe; root → Sør (area, empty); root → Arkivert (archived).
    const add = async (name: string, parentId: string, unitKind: string) => {
      ids[name] = (await admin.post('/api/v1/units', { parentId, name, kind: unitKind })).body.id;
    };
    await add('Sør', rootId, 'area');
    await add('Nord', rootId, 'area');
    await add('Nord-team', ids.Nord!, 'team');
    await add('Nord-gruppe', ids['Nord-team']!, 'team');
    await add('Arkivert', rootId, 'team');
    const objective = async (unitId: string, value: number) => {
      const o = await admin.post('/api/v1/objectives', { unitId, periodId: cycleId, title: 'Synlighet', kind: 'committed', status: 'active',
        keyResults: [{ title: 'Innlegg', type: 'increase', start: 0, target: 10, measure: 'stk' }] });
      expect(o.status).toBe(201);
      expect((await admin.post(`/api/v1/key-results/${o.body.keyResults[0].id}/check-ins`, { value, confidence: 7 })).status).toBe(201);
    };
    await objective(ids['Nord-gruppe']!, 8);
    await objective(ids['Nord-team']!, 2);
    await objective(ids.Arkivert!, 10);
    await objective(rootId, 5);
    const archived = await admin.patch(`/api/v1/units/${ids.Arkivert}`, { version: (await admin.get(`/api/v1/units/${ids.Arkivert}`)).body.version, archived: true });
    expect(archived.status).toBe(200);
  });
  afterAll(async () => { await t?.close(); });

  it('lists the children by default, each with children: [] and its childCount, archived units left out', async () => {
    const root = await progress(rootId);
    expect(root.status).toBe(200);
    expect(root.body.childCount).toBe(2);
    expect(root.body.children.map((c: UnitProgressNode) => [c.unit.name, c.childCount, c.children])).toEqual([['Nord', 1, []], ['Sør', 0, []]]);
    // The figures are still the whole subtree's: Nord holds Nord-team (0.2) and, below it, Nord-gruppe (0.8).
    const nord = root.body.children[0];
    expect(nord).toMatchObject({ objectiveCount: 0, subtreeObjectiveCount: 2, reading: 'measured' });
    expect(nord.progress).toBeCloseTo(0.5);
    expect(root.body.subtreeObjectiveCount).toBe(3);
  });

  it('answers the same figures at every depth: a shallower answer is the deeper one cut off', async () => {
    const whole = (await progress(rootId, '&depth=1000')).body;
    expect(whole.children[0].children[0].children[0]).toMatchObject({ unit: { name: 'Nord-gruppe' }, childCount: 0, children: [] });
    for (const depth of [0, 1, 2, 3]) {
      const res = await progress(rootId, `&depth=${depth}`);
      expect(res.status, `depth ${depth}`).toBe(200);
      expect(res.body, `depth ${depth}`).toEqual(cut(whole, depth));
    }
    expect((await progress(rootId)).body).toEqual(cut(whole, 1));
  });

  it("gives an opened unit's children with the figures its parent's answer showed for it", async () => {
    const root = (await progress(rootId)).body;
    const nord = (await progress(ids.Nord!)).body;
    expect(figures(nord)).toEqual(figures(root.children[0]));
    expect(nord.children.map((c: UnitProgressNode) => [c.unit.name, c.childCount, c.children])).toEqual([['Nord-team', 1, []]]);
    const team = (await progress(ids['Nord-team']!)).body;
    expect(figures(team)).toEqual(figures(nord.children[0]));
    expect(team.children.map((c: UnitProgressNode) => c.unit.name)).toEqual(['Nord-gruppe']);
  });

  it('refuses a depth that is not a whole number of 0 or more, naming it', async () => {
    for (const depth of ['-1', '1.5', 'all']) {
      expectProblem(await progress(rootId, `&depth=${depth}`), 400, `depth=${depth}`, { fields: ['depth'], only: true });
    }
  });

  it('names the root unit in the organisation, and lists the archived units alone on request', async () => {
    expect((await admin.get('/api/v1/organisation')).body.rootUnitId).toBe(rootId);
    const archived = (await admin.get('/api/v1/units?archived=true')).body.items;
    expect(archived.map((u: { name: string }) => u.name)).toEqual(['Arkivert']);
    const active = (await admin.get('/api/v1/units?archived=false')).body.items.map((u: { name: string }) => u.name).sort();
    expect(active).toEqual(['Nord', 'Nord-gruppe', 'Nord-team', 'Sør', 'Treet']);
    expect((await admin.get('/api/v1/units')).body.items).toHaveLength(6);
    expectProblem(await admin.get('/api/v1/units?archived=yes'), 400, 'archived=yes', { fields: ['archived'], only: true });
  });
});

describe.each(storeKinds())("the root's answer on the bench's organisation of 2,000 units on %s", (kind) => {
  let t: TestApp;
  let cookie: string;
  let gen: Awaited<ReturnType<typeof generate>>;
  const bytesOf = async (url: string) => {
    const res = await t.app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return { bytes: Buffer.byteLength(res.body), body: JSON.parse(res.body) };
  };

  beforeAll(async () => {
    t = await startTestApp(kind, new Date().toISOString());
    // One check-in per key result instead of twenty: the same tree and figures, loaded quickly.
    gen = await generate(t.testStore.store, { checkInsPerKeyResult: 1 });
    cookie = (await t.signIn(ADMIN.email, ADMIN.password)).cookie;
  }, 120_000);
  afterAll(async () => { await t?.close(); });

  it('is at most 64 KiB at the default depth, less than a tenth of the whole tree, with the same figures', async () => {
    const root = await bytesOf(`/api/v1/units/${gen.rootId}/progress?period=${gen.cycleId}`);
    const whole = await bytesOf(`/api/v1/units/${gen.rootId}/progress?period=${gen.cycleId}&depth=3`);
    expect(root.bytes).toBeLessThanOrEqual(64 * 1024);
    expect(whole.bytes).toBeGreaterThan(10 * root.bytes);
    expect(root.body.childCount).toBe(20);
    expect(root.body.children).toHaveLength(20);
    expect(root.body.children.every((c: UnitProgressNode) => c.childCount === 5 && c.children.length === 0)).toBe(true);
    expect(figures(root.body)).toEqual(figures(whole.body));
    expect(root.body.children.map(figures)).toEqual(whole.body.children.map(figures));
  });
});
