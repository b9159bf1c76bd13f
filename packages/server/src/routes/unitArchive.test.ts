// Archiving a unit: admins only; not the organisation, not while units below it are active, and
// restored only under an active unit. An archived unit's OKRs are read-only (every write answers
// 409 unit_archived and changes nothing), and it leaves the roll-up and the tree above it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';

const PASSWORD = 'correct horse battery';

describe.each(storeKinds())('archiving units on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let member: Client;
  let memberId: string;
  let rootId: string;
  let areaId: string;
  let teamId: string;
  let cycleId: string;
  let objectiveId: string;
  let krId: string;
  let checkInId: string;
  let initiativeId: string;

  const unit = async (id: string) => (await admin.get(`/api/v1/units/${id}`)).body;
  const archive = async (id: string, archived: boolean, client = admin) => client.patch(`/api/v1/units/${id}`, { version: (await unit(id)).version, archived });

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Lag', language: 'nb', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    memberId = (await admin.post('/api/v1/people', { name: 'Marte Medlem', email: 'marte@example.no', password: PASSWORD })).body.id;
    member = await t.signIn('marte@example.no', PASSWORD);
    rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    areaId = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Området', kind: 'area' })).body.id;
    teamId = (await admin.post('/api/v1/units', { parentId: areaId, name: 'Gamle teamet', kind: 'team', members: [{ personId: memberId, role: 'lead' }] })).body.id;
    cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    const objective = await admin.post('/api/v1/objectives', { unitId: teamId, periodId: cycleId, title: 'Synlighet', kind: 'committed', status: 'active',
      keyResults: [{ title: 'Innlegg', type: 'increase', start: 0, target: 10, measure: 'stk', ownerId: memberId }] });
    objectiveId = objective.body.id;
    krId = objective.body.keyResults[0].id;
    checkInId = (await member.post(`/api/v1/key-results/${krId}/check-ins`, { value: 5, confidence: 7 })).body.id;
    initiativeId = (await admin.post('/api/v1/initiatives', { unitId: teamId, periodId: cycleId, title: 'Kampanje', ownerId: memberId, keyResultIds: [krId] })).body.id;
  });
  afterAll(async () => { await t?.close(); });

  it('refuses the organisation, a unit with active units below it, and anyone but an admin', async () => {
    expect(expectProblem(await archive(rootId, true), 422, 'the root', { fields: ['archived'] })[0]!.code).toBe('cannot_archive_root');
    const below = expectProblem(await archive(areaId, true), 409, 'active team below', { fields: ['archived'] });
    expect(below[0]).toMatchObject({ code: 'unit_has_active_children', params: { count: 1 } });
    expectProblem(await archive(teamId, true, member), 403, 'a member');
    expect((await unit(teamId)).archivedAt).toBeNull();
  });

  it('archives a team: listed with archivedAt, its OKRs shown as not changeable', async () => {
    const res = await archive(teamId, true);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ archivedAt: '2026-11-25T10:00:00.000Z', can: { changeOkrs: false } });
    const listed = (await member.get('/api/v1/units')).body.items.find((u: { id: string }) => u.id === teamId);
    expect(listed).toMatchObject({ archivedAt: '2026-11-25T10:00:00.000Z', can: { changeOkrs: false } });
    expect((await member.get(`/api/v1/key-results/${krId}/check-ins`)).body.items[0].can).toEqual({ edit: false, delete: false });
    // Nothing of it needs its members on Mine any more.
    const work = (await member.get('/api/v1/me/work')).body;
    expect(work.keyResults.map((k: { id: string }) => k.id)).not.toContain(krId);
    expect(work.units.map((u: { unit: { id: string } }) => u.unit.id)).not.toContain(teamId);
    expect(work.initiatives).toEqual([]);
    // Archiving again keeps the first date.
    t.clock.advance(60_000);
    expect((await archive(teamId, true)).body.archivedAt).toBe('2026-11-25T10:00:00.000Z');
  });

  it('refuses every write to the archived unit\'s OKRs with unit_archived, and changes nothing', async () => {
    const before = JSON.stringify([await admin.get(`/api/v1/objectives/${objectiveId}`), await admin.get(`/api/v1/key-results/${krId}/check-ins`), await admin.get(`/api/v1/initiatives?unit=${teamId}`)].map((r) => r.body));
    const objective = (await admin.get(`/api/v1/objectives/${objectiveId}`)).body;
    const kr = (await admin.get(`/api/v1/key-results/${krId}`)).body;
    const initiative = (await admin.get(`/api/v1/initiatives?unit=${teamId}`)).body.items[0];
    const refusals: Array<[string, Promise<{ status: number; body: any }>, string]> = [
      ['new objective', admin.post('/api/v1/objectives', { unitId: teamId, periodId: cycleId, title: 'Nytt' }), 'unitId'],
      ['change objective', admin.patch(`/api/v1/objectives/${objectiveId}`, { version: objective.version, title: 'Endret' }), 'id'],
      ['delete objective', admin.del(`/api/v1/objectives/${objectiveId}`), 'id'],
      ['new key result', admin.post('/api/v1/key-results', { objectiveId, title: 'Ny', type: 'increase', start: 0, target: 5 }), 'objectiveId'],
      ['change key result', admin.patch(`/api/v1/key-results/${krId}`, { version: kr.version, title: 'Endret' }), 'id'],
      ['delete key result', admin.del(`/api/v1/key-results/${krId}`), 'id'],
      ['check in as admin', admin.post(`/api/v1/key-results/${krId}/check-ins`, { value: 6, confidence: 7 }), 'id'],
      ['check in as owner', member.post(`/api/v1/key-results/${krId}/check-ins`, { value: 6, confidence: 7 }), 'id'],
      ['edit check-in', admin.patch(`/api/v1/check-ins/${checkInId}`, { version: 1, value: 6 }), 'id'],
      ['delete check-in', admin.del(`/api/v1/check-ins/${checkInId}`), 'id'],
      ['new initiative', admin.post('/api/v1/initiatives', { unitId: teamId, periodId: cycleId, title: 'Nytt' }), 'unitId'],
      ['change initiative as its owner', member.patch(`/api/v1/initiatives/${initiativeId}`, { version: initiative.version, title: 'Endret' }), 'id'],
    ];
    for (const [label, request, field] of refusals) {
      const errors = expectProblem(await request, 409, label, { fields: [field] });
      expect(errors[0]!.code, label).toBe('unit_archived');
    }
    const after = JSON.stringify([await admin.get(`/api/v1/objectives/${objectiveId}`), await admin.get(`/api/v1/key-results/${krId}/check-ins`), await admin.get(`/api/v1/initiatives?unit=${teamId}`)].map((r) => r.body));
    expect(after).toBe(before);
    // Nor does a new unit go under it.
    expect(expectProblem(await admin.post('/api/v1/units', { parentId: teamId, name: 'Under' }), 422, 'under archived', { fields: ['parentId'] })[0]!.code).toBe('unit_archived');
  });

  it('leaves the archived unit out of the roll-up and the tree, and shows it on its own page', async () => {
    const root = (await admin.get(`/api/v1/units/${rootId}/progress?period=${cycleId}`)).body;
    const area = root.children.find((c: { unit: { id: string } }) => c.unit.id === areaId);
    expect(area.children).toEqual([]);
    expect(area.subtreeObjectiveCount).toBe(0);
    expect(root.subtreeObjectiveCount).toBe(0);
    const own = (await admin.get(`/api/v1/units/${teamId}/progress?period=${cycleId}`)).body;
    expect(own.objectives.map((o: { id: string }) => o.id)).toEqual([objectiveId]);
    expect(own.progress).toBeCloseTo(0.5);
    // Its area may now be archived too, and is restored before the team.
    expect((await archive(areaId, true)).status).toBe(200);
    expect(expectProblem(await archive(teamId, false), 409, 'restore under an archived area', { fields: ['archived'] })[0]!.code).toBe('parent_archived');
    expect((await archive(areaId, false)).status).toBe(200);
  });

  it('restores a unit: its OKRs take changes and count again', async () => {
    const res = await archive(teamId, false);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ archivedAt: null, can: { changeOkrs: true } });
    expect((await member.post(`/api/v1/key-results/${krId}/check-ins`, { value: 8, confidence: 8 })).status).toBe(201);
    expect((await member.get('/api/v1/me/work')).body.keyResults.map((k: { id: string }) => k.id)).toContain(krId);
    const root = (await admin.get(`/api/v1/units/${rootId}/progress?period=${cycleId}`)).body;
    expect(root.subtreeObjectiveCount).toBe(1);
    expect(root.progress).toBeCloseTo(0.8);
  });
});
