// A unit's own answers carry the units above it, from the organisation down, so a page shows its
// breadcrumb without reading every unit; on every store, after moves and with archived units.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';

describe.each(storeKinds())('the units above a unit on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let marte: Client;
  let root: { id: string; name: string };

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
    marte = await t.signIn('marte@demo.varde.no', 'varde-demo');
    const units = (await admin.get('/api/v1/units?limit=500')).body.items;
    root = units.find((u: { parentId: string | null }) => u.parentId === null);
  });
  afterAll(async () => { await t?.close(); });

  const add = async (parentId: string, name: string) => {
    const res = await admin.post('/api/v1/units', { parentId, name, kind: 'team' });
    expect(res.status).toBe(201);
    return res.body;
  };
  const trail = (unit: { ancestors: Array<{ id: string; name: string }> }) => unit.ancestors.map((a) => a.name);

  it('lists them from the organisation down, on reading, adding and changing a unit', async () => {
    expect((await admin.get(`/api/v1/units/${root.id}`)).body.ancestors).toEqual([]);
    const a = await add(root.id, 'Stamme A');
    const b = await add(a.id, 'Gren B');
    const c = await add(b.id, 'Kvist C');
    expect(c.ancestors).toEqual([{ id: root.id, name: root.name }, { id: a.id, name: 'Stamme A' }, { id: b.id, name: 'Gren B' }]);
    const read = await marte.get(`/api/v1/units/${c.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({ ...c, can: read.body.can });
    // Renamed and moved: the answer and the next read follow.
    const renamed = await admin.patch(`/api/v1/units/${b.id}`, { version: b.version, name: 'Gren B2' });
    expect(renamed.body.ancestors.map((x: { id: string }) => x.id)).toEqual([root.id, a.id]);
    expect(trail((await admin.get(`/api/v1/units/${c.id}`)).body)).toEqual([root.name, 'Stamme A', 'Gren B2']);
    const moved = await admin.patch(`/api/v1/units/${c.id}`, { version: c.version, parentId: a.id });
    expect(moved.status).toBe(200);
    expect(trail(moved.body)).toEqual([root.name, 'Stamme A']);
    // An archived unit above stays in the trail: its page still sits under it.
    const d = await add(b.id, 'Kvist D');
    expect((await admin.patch(`/api/v1/units/${d.id}`, { version: d.version, archived: true })).status).toBe(200);
    const bNow = (await admin.get(`/api/v1/units/${b.id}`)).body;
    expect((await admin.patch(`/api/v1/units/${b.id}`, { version: bNow.version, archived: true })).status).toBe(200);
    expect(trail((await admin.get(`/api/v1/units/${d.id}`)).body)).toEqual([root.name, 'Stamme A', 'Gren B2']);
  });

  it('leaves the list of units as it was, without ancestors', async () => {
    const listed = (await admin.get('/api/v1/units?limit=500')).body.items;
    expect(listed.length).toBeGreaterThan(1);
    for (const u of listed) expect(u).not.toHaveProperty('ancestors');
  });

  it('answers 404 for a unit that is not there', async () => {
    expectProblem(await admin.get('/api/v1/units/no-such-unit'), 404, 'no such unit');
  });
});
