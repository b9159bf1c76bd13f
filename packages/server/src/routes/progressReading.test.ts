// How each progress answer may be read, on every store: "no check-in yet" for an objective or key
// result nobody has checked in on, "no OKRs" for a unit without objectives, the final result once
// the period is closed, and measured otherwise (issue 10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';

describe.each(storeKinds())('progress readings on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let rootId: string;
  let teamId: string;
  let emptyId: string;
  let cycleId: string;
  let objectiveId: string;
  let krId: string;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Lesning', language: 'nb', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: 'correct horse battery' } });
    admin = await t.signIn('kari@example.no', 'correct horse battery');
    rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    teamId = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Kampanjeteamet', kind: 'team' })).body.id;
    emptyId = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Nytt team', kind: 'team' })).body.id;
    cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    objectiveId = (await admin.post('/api/v1/objectives', { status: 'active', unitId: teamId, periodId: cycleId, title: 'Synlighet', kind: 'committed' })).body.id;
    krId = (await admin.post('/api/v1/key-results', { objectiveId, title: 'Leserinnlegg', type: 'increase', start: 0, target: 10, measure: 'innlegg' })).body.id;
  });
  afterAll(async () => { await t?.close(); });

  it('says "no check-in yet" for an objective and key result nobody has checked in on, "no OKRs" for an empty unit', async () => {
    const team = (await admin.get(`/api/v1/units/${teamId}/progress?period=${cycleId}`)).body;
    expect(team.reading).toBe('measured');
    expect(team.objectives[0]).toMatchObject({ id: objectiveId, reading: 'no-check-in' });
    expect(team.objectives[0].keyResults[0]).toMatchObject({ id: krId, reading: 'no-check-in' });
    expect((await admin.get(`/api/v1/objectives/${objectiveId}`)).body).toMatchObject({ reading: 'no-check-in', keyResults: [{ reading: 'no-check-in' }] });
    expect((await admin.get(`/api/v1/key-results/${krId}`)).body.reading).toBe('no-check-in');

    const empty = (await admin.get(`/api/v1/units/${emptyId}/progress?period=${cycleId}`)).body;
    expect(empty).toMatchObject({ reading: 'no-okrs', subtreeObjectiveCount: 0 });
    const root = (await admin.get(`/api/v1/units/${rootId}/progress?period=${cycleId}`)).body;
    expect(root.reading).toBe('measured');
    expect(root.children.find((c: { unit: { id: string } }) => c.unit.id === emptyId).reading).toBe('no-okrs');
    expect(root.children.find((c: { unit: { id: string } }) => c.unit.id === teamId).reading).toBe('measured');
  });

  it('is measured once a check-in counts', async () => {
    expect((await admin.post(`/api/v1/key-results/${krId}/check-ins`, { value: 6, confidence: 8 })).status).toBe(201);
    const team = (await admin.get(`/api/v1/units/${teamId}/progress?period=${cycleId}`)).body;
    expect(team.objectives[0]).toMatchObject({ reading: 'measured', keyResults: [{ reading: 'measured' }] });
    expect((await admin.get(`/api/v1/objectives/${objectiveId}`)).body.reading).toBe('measured');
    expect((await admin.get(`/api/v1/key-results/${krId}`)).body.reading).toBe('measured');
  });

  it('shows the final result once the period is closed', async () => {
    let version = (await admin.get(`/api/v1/periods/${cycleId}`)).body.version;
    for (const state of ['review', 'closed']) {
      // The team has not reviewed the cycle; the admin closes it anyway.
      const res = await admin.patch(`/api/v1/periods/${cycleId}`, { version, state, ...(state === 'closed' ? { confirm: true } : {}) });
      expect(res.status, `→ ${state}`).toBe(200);
      version = res.body.version;
    }
    const team = (await admin.get(`/api/v1/units/${teamId}/progress?period=${cycleId}`)).body;
    expect(team).toMatchObject({ reading: 'final', objectives: [{ reading: 'final', keyResults: [{ reading: 'final' }] }] });
    expect(team.progress).toBeCloseTo(0.6);
    expect((await admin.get(`/api/v1/objectives/${objectiveId}`)).body.reading).toBe('final');
    expect((await admin.get(`/api/v1/key-results/${krId}`)).body.reading).toBe('final');
    expect((await admin.get(`/api/v1/units/${emptyId}/progress?period=${cycleId}`)).body.reading).toBe('no-okrs');
  });
});
