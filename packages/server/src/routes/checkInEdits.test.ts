// Correcting a check-in: who may (its author the same day in the organisation's time zone, the
// key result's owner and admins later, no other member), and what follows when the newest one is
// edited or removed (the key result's current value, the objective's kept progress, the history
// and the blockers on the team page).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';

const PASSWORD = 'correct horse battery';

describe.each(storeKinds())('editing and deleting check-ins on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let author: Client;
  let owner: Client;
  let other: Client;
  let teamId: string;
  let cycleId: string;
  let objectiveId: string;
  let milestoneId: string;
  let krId: string;

  const person = async (name: string, email: string) => {
    const res = await admin.post('/api/v1/people', { name, email, password: PASSWORD });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, client: await t.signIn(email, PASSWORD) };
  };

  beforeAll(async () => {
    // 10:00 UTC is 11:00 in Oslo; the Oslo day ends at 23:00 UTC.
    // Sessions outlive the weeks the clock is moved over.
    t = await startTestApp(kind, '2026-11-25T10:00:00Z', { sessionIdleSeconds: 90 * 86_400, sessionMaxSeconds: 90 * 86_400 });
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Lag', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    const a = await person('Marte Medlem', 'marte@example.no');
    const o = await person('Ola Eier', 'ola@example.no');
    const p = await person('Per Annen', 'per@example.no');
    [author, owner, other] = [a.client, o.client, p.client];
    const rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    teamId = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Kampanjeteamet', kind: 'team', members: [{ personId: a.id, role: 'member' }, { personId: p.id, role: 'member' }] })).body.id;
    cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    const objective = await admin.post('/api/v1/objectives', { unitId: teamId, periodId: cycleId, title: 'Synlighet', kind: 'committed', keyResults: [
      { title: 'Leserinnlegg', type: 'increase', start: 0, target: 10, measure: 'innlegg', ownerId: o.id },
      { title: 'Nettside lansert', type: 'milestone' },
    ] });
    expect(objective.status).toBe(201);
    objectiveId = objective.body.id;
    krId = objective.body.keyResults[0].id;
    milestoneId = objective.body.keyResults[1].id;
  });
  afterAll(async () => { await t?.close(); });

  const checkIns = async (id = krId) => (await admin.get(`/api/v1/key-results/${id}/check-ins`)).body.items;
  const storedProgress = async () => (await t.deps.store.db.selectFrom('objectives').select('progress').where('id', '=', objectiveId).executeTakeFirstOrThrow()).progress;
  const keyResult = async (id = krId) => (await admin.get(`/api/v1/key-results/${id}`)).body;
  const checkIn = async (client: Client, body: object, id = krId) => {
    const res = await client.post(`/api/v1/key-results/${id}/check-ins`, body);
    expect(res.status).toBe(201);
    return res.body;
  };

  it('lets the author edit their check-in the same day, and then follows it everywhere', async () => {
    t.clock.set('2026-11-25T10:00:00Z');
    const made = await checkIn(author, { value: 2, confidence: 8 });
    expect(made).toMatchObject({ editedAt: null, version: 1, can: { edit: true, delete: true } });
    const authorsView = (await author.get(`/api/v1/key-results/${krId}/check-ins`)).body.items[0];
    expect(authorsView.can).toEqual({ edit: true, delete: true });
    expect((await other.get(`/api/v1/key-results/${krId}/check-ins`)).body.items[0].can).toEqual({ edit: false, delete: false });

    t.clock.set('2026-11-25T22:30:00Z'); // 23:30 in Oslo: still the same day there
    const edited = await author.patch(`/api/v1/check-ins/${made.id}`, { version: 1, value: 4, comment: 'Rettet', blockers: 'Venter på redaktøren' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ value: 4, confidence: 8, comment: 'Rettet', editedAt: '2026-11-25T22:30:00.000Z', version: 2, createdAt: made.createdAt });
    expect(await keyResult()).toMatchObject({ current: 4, confidence: 8, currentAt: made.createdAt, progress: 0.4 });
    // Two key results, the milestone not done: (0.4 + 0) / 2.
    expect(await storedProgress()).toBeCloseTo(0.2);
    expect((await checkIns())[0]).toMatchObject({ value: 4, editedAt: '2026-11-25T22:30:00.000Z' });
    const history = (await admin.get(`/api/v1/units/${teamId}/check-in-history?period=${cycleId}`)).body.items;
    expect(history.find((h: { keyResultId: string }) => h.keyResultId === krId).points).toEqual([{ at: made.createdAt, value: 4, confidence: 8 }]);
    const progress = (await admin.get(`/api/v1/units/${teamId}/progress?period=${cycleId}`)).body;
    expect(progress.objectives[0].keyResults[0].blocker).toMatchObject({ text: 'Venter på redaktøren' });

    const cleared = await author.patch(`/api/v1/check-ins/${made.id}`, { version: 2, blockers: null });
    expect(cleared.status).toBe(200);
    expect((await admin.get(`/api/v1/units/${teamId}/progress?period=${cycleId}`)).body.objectives[0].keyResults[0].blocker).toBeNull();

    // A stale version is refused and changes nothing.
    expectProblem(await author.patch(`/api/v1/check-ins/${made.id}`, { version: 1, value: 9 }), 409, 'stale edit', { fields: ['version'] });
    expect(await keyResult()).toMatchObject({ current: 4 });
  });

  it('refuses the author the next day, and another member any day; the owner and admins may later', async () => {
    t.clock.set('2026-11-26T09:00:00Z');
    const made = await checkIn(author, { value: 5, confidence: 6 });
    expectProblem(await other.patch(`/api/v1/check-ins/${made.id}`, { version: 1, value: 6 }), 403, 'another member');
    expectProblem(await other.del(`/api/v1/check-ins/${made.id}`), 403, 'another member deletes');

    t.clock.set('2026-11-26T23:05:00Z'); // 00:05 on the 27th in Oslo
    expect((await author.get(`/api/v1/key-results/${krId}/check-ins`)).body.items[0].can).toEqual({ edit: false, delete: false });
    expectProblem(await author.patch(`/api/v1/check-ins/${made.id}`, { version: 1, value: 6 }), 403, 'the author the next day');
    expectProblem(await author.del(`/api/v1/check-ins/${made.id}`), 403, 'the author deletes the next day');
    expect(await keyResult()).toMatchObject({ current: 5 });

    expect((await owner.get(`/api/v1/key-results/${krId}/check-ins`)).body.items[0].can).toEqual({ edit: true, delete: true });
    const byOwner = await owner.patch(`/api/v1/check-ins/${made.id}`, { version: 1, value: 6, confidence: 7 });
    expect(byOwner.status).toBe(200);
    expect(await keyResult()).toMatchObject({ current: 6, confidence: 7 });

    t.clock.set('2026-12-10T09:00:00Z');
    const byAdmin = await admin.patch(`/api/v1/check-ins/${made.id}`, { version: 2, value: 7 });
    expect(byAdmin.status).toBe(200);
    expect(await keyResult()).toMatchObject({ current: 7 });
  });

  it('puts the key result back to its newest remaining check-in when the newest is deleted', async () => {
    const [newest, previous] = await checkIns();
    expect(newest.value).toBe(7);
    expect((await admin.del(`/api/v1/check-ins/${newest.id}`)).status).toBe(204);
    expect(await keyResult()).toMatchObject({ current: previous.value, confidence: previous.confidence, currentAt: previous.createdAt });
    expect(await storedProgress()).toBeCloseTo(previous.value / 10 / 2);
    expect((await checkIns()).map((c: { id: string }) => c.id)).toEqual([previous.id]);

    // An older one goes without moving the current value.
    t.clock.advance(60_000);
    const later = await checkIn(admin, { value: 9, confidence: 9 });
    expect((await admin.del(`/api/v1/check-ins/${previous.id}`)).status).toBe(204);
    expect(await keyResult()).toMatchObject({ current: 9, confidence: 9 });

    expect((await admin.del(`/api/v1/check-ins/${later.id}`)).status).toBe(204);
    expect(await keyResult()).toMatchObject({ current: null, confidence: null, currentAt: null, reading: 'no-check-in' });
    expect(await storedProgress()).toBe(0);
    expectProblem(await admin.del(`/api/v1/check-ins/${later.id}`), 404, 'deleted twice');
  });

  it('refuses an edit that breaks the check-in rules, naming the field, and changes nothing', async () => {
    const made = await checkIn(admin, { value: 1, confidence: 8 }, milestoneId);
    const errors = expectProblem(await admin.patch(`/api/v1/check-ins/${made.id}`, { version: 1, value: 0.5 }), 422, 'half a milestone', { fields: ['value'] });
    expect(errors[0]!.code).toBe('milestone');
    expectProblem(await admin.patch(`/api/v1/check-ins/${made.id}`, { version: 1, confidence: 11 }), 400, 'confidence 11', { fields: ['confidence'] });
    expect((await checkIns(milestoneId))[0]).toMatchObject({ value: 1, confidence: 8, version: 1, editedAt: null });
    expect(await keyResult(milestoneId)).toMatchObject({ current: 1 });
  });

  it('lets nobody change the check-ins of a closed period', async () => {
    const made = (await checkIns(milestoneId))[0];
    for (const state of ['review', 'closed']) {
      const version = (await admin.get(`/api/v1/periods/${cycleId}`)).body.version;
      expect((await admin.patch(`/api/v1/periods/${cycleId}`, { version, state })).status).toBe(200);
    }
    expect((await checkIns(milestoneId))[0].can).toEqual({ edit: false, delete: false });
    expect(expectProblem(await admin.patch(`/api/v1/check-ins/${made.id}`, { version: made.version, value: 0 }), 422, 'closed', { fields: ['id'] })[0]!.code).toBe('closed');
    expectProblem(await admin.del(`/api/v1/check-ins/${made.id}`), 422, 'closed delete', { fields: ['id'] });
    expect((await checkIns(milestoneId))[0]).toMatchObject({ id: made.id, value: 1 });
  });
});
