// Drafts are left out of every roll-up, on every store: a new draft objective does not halve its
// team's progress or turn the organisation at risk; once made active it counts (issue 10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';

describe.each(storeKinds())('drafts in roll-ups on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let rootId: string;
  let teamId: string;
  let cycleId: string;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Utkast', language: 'nb', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: 'correct horse battery' } });
    admin = await t.signIn('kari@example.no', 'correct horse battery');
    rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    teamId = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Kampanjeteamet', kind: 'team' })).body.id;
    cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    const live = (await admin.post('/api/v1/objectives', { unitId: teamId, periodId: cycleId, title: 'Synlighet', kind: 'committed', status: 'active' })).body.id;
    const kr = (await admin.post('/api/v1/key-results', { objectiveId: live, title: 'Leserinnlegg', type: 'increase', start: 0, target: 10, measure: '' })).body.id;
    expect((await admin.post(`/api/v1/key-results/${kr}/check-ins`, { value: 10, confidence: 9 })).status).toBe(201);
  });
  afterAll(async () => { await t?.close(); });

  it('makes a new objective a draft unless it is created active', async () => {
    const created = await admin.post('/api/v1/objectives', { unitId: teamId, periodId: cycleId, title: 'Uten status', kind: 'committed' });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('draft');
    expect((await admin.get(`/api/v1/units/${teamId}/progress?period=${cycleId}`)).body).toMatchObject({ progress: 1, objectiveCount: 1 });
    expect((await admin.patch(`/api/v1/objectives/${created.body.id}`, { version: created.body.version, status: 'cancelled' })).status).toBe(200);
  });

  it('leaves a draft out of the team and organisation roll-ups, and counts it once active', async () => {
    const draft = await admin.post('/api/v1/objectives', { unitId: teamId, periodId: cycleId, title: 'Nytt utkast', kind: 'committed', status: 'draft' });
    expect(draft.status).toBe(201);
    expect((await admin.post('/api/v1/key-results', { objectiveId: draft.body.id, title: 'Noe nytt', type: 'increase', start: 0, target: 10, measure: '' })).status).toBe(201);

    const team = (await admin.get(`/api/v1/units/${teamId}/progress?period=${cycleId}`)).body;
    expect(team.objectives.map((o: { status: string }) => o.status).sort()).toEqual(['active', 'draft']);
    expect(team).toMatchObject({ progress: 1, objectiveCount: 1, trackStatus: 'on-track' });
    const root = (await admin.get(`/api/v1/units/${rootId}/progress?period=${cycleId}`)).body;
    expect(root).toMatchObject({ progress: 1, subtreeObjectiveCount: 1, trackStatus: 'on-track' });

    const published = await admin.patch(`/api/v1/objectives/${draft.body.id}`, { version: draft.body.version, status: 'active' });
    expect(published.status).toBe(200);
    expect((await admin.get(`/api/v1/units/${teamId}/progress?period=${cycleId}`)).body).toMatchObject({ progress: 0.5, objectiveCount: 2 });
    expect((await admin.get(`/api/v1/units/${rootId}/progress?period=${cycleId}`)).body).toMatchObject({ progress: 0.5, subtreeObjectiveCount: 2 });
  });
});
