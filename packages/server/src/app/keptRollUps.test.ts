// The kept roll-up on every store: after each kind of change, made on this instance or on another
// one sharing the database, a large unit's page answers exactly what reading its whole tree
// afresh answers; and while nothing changes, asking again reads nothing of the tree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecondInstance, startTestApp, type Client, type Instance, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { readUnitProgress, KEPT_FROM_UNITS } from './unitProgress.js';
import type { Actor, Deps } from './context.js';
import type { KeptRollUps } from './keptRollUps.js';

const PASSWORD = 'correct horse battery';
const TEAMS_PER_AREA = 20;

describe.each(storeKinds())('the kept roll-up on %s', (kind) => {
  let t: TestApp;
  let other: Instance;
  let admin: Client;
  let actor: Actor;
  let rootId: string;
  let cycleId: string;
  const areas: string[] = [];
  const teams: string[] = [];
  const objectives: Array<{ id: string; krId: string; unitId: string }> = [];

  // What the unit's page answers when nothing is kept: its whole tree read for this answer alone.
  const nothingKept = { held: () => undefined, current: async () => null, stop: () => {} } as unknown as KeptRollUps;
  const afresh = (unitId: string, depth = 2) => readUnitProgress({ ...t.deps, rollUps: nothingKept } as Deps, actor, unitId, cycleId, depth);
  const kept = (unitId: string, depth = 2) => readUnitProgress(t.deps, actor, unitId, cycleId, depth);
  const expectSame = async (why: string) => {
    for (const unitId of [rootId, areas[0]!]) expect(await kept(unitId), `${why}: ${unitId === rootId ? 'root' : 'area'}`).toEqual(await afresh(unitId));
  };
  const version = async (path: string) => (await admin.get(path)).body.version as number;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Forbundet', language: 'nb', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    for (const area of ['Nord', 'Sør', 'Vest']) {
      const a = await admin.post('/api/v1/units', { parentId: rootId, name: area, kind: 'area' });
      expect(a.status).toBe(201);
      areas.push(a.body.id);
      for (let i = 0; i < TEAMS_PER_AREA; i++) teams.push((await admin.post('/api/v1/units', { parentId: a.body.id, name: `${area} lag ${String(i).padStart(2, '0')}`, kind: 'team' })).body.id);
    }
    expect(teams.length + areas.length).toBeGreaterThan(KEPT_FROM_UNITS);
    // Every fifth team has an objective with one key result, checked in to its own value.
    for (const [i, unitId] of teams.entries()) {
      if (i % 5 !== 0) continue;
      const o = await admin.post('/api/v1/objectives', { unitId, periodId: cycleId, title: `Mål ${i}`, kind: 'committed', status: 'active',
        keyResults: [{ title: 'Medlemmer', type: 'increase', start: 0, target: 100, measure: 'stk' }] });
      expect(o.status).toBe(201);
      objectives.push({ id: o.body.id, krId: o.body.keyResults[0].id, unitId });
      expect((await admin.post(`/api/v1/key-results/${o.body.keyResults[0].id}/check-ins`, { value: i * 3, confidence: 6 })).status).toBe(201);
    }
    const me = (await admin.get('/api/v1/me')).body;
    actor = { personId: me.id, orgId: (await admin.get('/api/v1/organisation')).body.id, isAdmin: true, name: me.name, passwordChangeRequired: false };
    other = await startSecondInstance(t);
  });
  afterAll(async () => { await other?.close(); await t?.close(); });

  it('answers what the whole tree read afresh answers, and asks for nothing of the tree again while nothing changed', async () => {
    await expectSame('first');
    const copy = t.deps.rollUps.held(actor.orgId, cycleId);
    expect(copy?.sizeOf(rootId)).toBe(1 + areas.length + teams.length);
    expect(copy?.figures(rootId)?.subtreeObjectiveCount).toBe(objectives.length);
    await kept(rootId);
    expect(t.deps.rollUps.held(actor.orgId, cycleId)).toBe(copy);
  });

  it('follows a check-in, a key result changed and an objective made, changed, deleted and restored, reading only that objective again', async () => {
    const before = t.deps.rollUps.held(actor.orgId, cycleId)!;
    const rootBefore = before.figures(rootId)!.progress;
    const [a, b, c] = objectives;
    expect((await admin.post(`/api/v1/key-results/${a!.krId}/check-ins`, { value: 90, confidence: 8 })).status).toBe(201);
    await expectSame('check-in');
    const patched = t.deps.rollUps.held(actor.orgId, cycleId)!;
    expect(patched.units, 'the tree was not read again').toBe(before.units);
    expect(patched.figures(rootId)!.progress).not.toBe(rootBefore);

    expect((await admin.patch(`/api/v1/key-results/${b!.krId}`, { version: await version(`/api/v1/key-results/${b!.krId}`), target: 20 })).status).toBe(200);
    await expectSame('target changed');
    const made = await admin.post('/api/v1/objectives', { unitId: teams[1], periodId: cycleId, title: 'Nytt mål', kind: 'committed', status: 'active',
      keyResults: [{ title: 'Møter', type: 'increase', start: 0, target: 4, measure: 'stk' }] });
    expect(made.status).toBe(201);
    expect((await admin.post(`/api/v1/key-results/${made.body.keyResults[0].id}/check-ins`, { value: 3, confidence: 7 })).status).toBe(201);
    await expectSame('objective made');
    expect(t.deps.rollUps.held(actor.orgId, cycleId)!.figures(rootId)!.subtreeObjectiveCount).toBe(objectives.length + 1);
    expect((await admin.patch(`/api/v1/objectives/${c!.id}`, { version: await version(`/api/v1/objectives/${c!.id}`), status: 'cancelled' })).status).toBe(200);
    await expectSame('objective cancelled');
    const deleted = await admin.del(`/api/v1/objectives/${made.body.id}`);
    expect(deleted.status).toBe(200);
    await expectSame('objective deleted');
    expect((await admin.post(`/api/v1/trash/${deleted.body.undoId}/restore`)).status).toBe(200);
    await expectSame('objective restored');
    expect(t.deps.rollUps.held(actor.orgId, cycleId)!.units, 'the tree was still not read again').toBe(before.units);
  });

  it('reads the tree again when a unit is renamed, moved, archived or made', async () => {
    const before = t.deps.rollUps.held(actor.orgId, cycleId)!;
    const unit = `/api/v1/units/${teams[0]}`;
    expect((await admin.patch(unit, { version: await version(unit), name: 'Aaa først' })).status).toBe(200);
    await expectSame('renamed');
    expect(t.deps.rollUps.held(actor.orgId, cycleId)!.units).not.toBe(before.units);
    expect((await kept(areas[0]!)).children[0]!.unit.name).toBe('Aaa først');
    expect((await admin.patch(unit, { version: await version(unit), parentId: areas[1] })).status).toBe(200);
    await expectSame('moved');
    const archived = `/api/v1/units/${teams[2]}`;
    expect((await admin.patch(archived, { version: await version(archived), archived: true })).status).toBe(200);
    await expectSame('archived');
    expect((await kept(areas[0]!)).children.map((c) => c.unit.id)).not.toContain(teams[2]);
    expect((await admin.post('/api/v1/units', { parentId: areas[0], name: 'Nord nytt lag', kind: 'team' })).status).toBe(201);
    await expectSame('made');
  });

  it('follows changes made on another instance sharing the database', async () => {
    await kept(rootId);
    const { id } = (await other.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'kari@example.no', password: PASSWORD } })).cookies.map((c) => ({ id: `${c.name}=${c.value}` }))[0]!;
    const res = await other.app.inject({ method: 'POST', url: `/api/v1/key-results/${objectives[3]!.krId}/check-ins`, payload: { value: 77, confidence: 9 }, headers: { cookie: id } });
    expect(res.statusCode).toBe(201);
    await expectSame('checked in elsewhere');
    expect((await kept(rootId)).children.find((c) => c.unit.id === areas[0])!.progress).toBe((await afresh(rootId)).children.find((c) => c.unit.id === areas[0])!.progress);
  });

  it('reads and check-ins at once leave it as a fresh reading, each read after its own check-in holding it', async () => {
    // Each chain checks in on an objective of its own (the third was cancelled above), so nothing
    // else changes its team's figure between its check-in and its read.
    const own = objectives.filter((_, i) => i !== 2).slice(0, 8);
    const chains = own.map(async (o, c) => {
      for (let i = 0; i < 4; i++) {
        expect((await admin.post(`/api/v1/key-results/${o.krId}/check-ins`, { value: 10 * c + i, confidence: 5 })).status).toBe(201);
        const root = await kept(rootId, 99);
        const find = (nodes: typeof root.children): (typeof root.children)[number] | undefined => {
          for (const n of nodes) { const hit = n.unit.id === o.unitId ? n : find(n.children); if (hit) return hit; }
          return undefined;
        };
        expect(find(root.children)?.progress, `chain ${c}, check-in ${i}`).toBe((await afresh(o.unitId)).progress);
      }
    });
    await Promise.all(chains);
    expect(await kept(rootId, 99)).toEqual(await afresh(rootId, 99));
  });

  it('a read made right after each of many check-ins holds it', async () => {
    for (let i = 0; i < 20; i++) {
      const o = objectives[i % objectives.length]!;
      expect((await admin.post(`/api/v1/key-results/${o.krId}/check-ins`, { value: (i * 37) % 100, confidence: 5 })).status).toBe(201);
      const [mine, fresh] = await Promise.all([kept(rootId), afresh(rootId)]);
      expect(mine, `check-in ${i}`).toEqual(fresh);
    }
  });
});
