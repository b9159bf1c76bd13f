// Deleting a period: an empty one in planning goes; one that holds objectives or initiatives is
// refused naming how many, one that has started is refused, and a refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';

const PASSWORD = 'correct horse battery';

describe.each(storeKinds())('deleting periods on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let teamId: string;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Lag', language: 'nb', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    const rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    teamId = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Teamet', kind: 'team' })).body.id;
  });
  afterAll(async () => { await t?.close(); });

  const newCycle = async (name: string, year: number) => {
    const res = await admin.post('/api/v1/periods', { kind: 'cycle', name, startDate: `${year}-01-01`, endDate: `${year}-04-30` });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  it('deletes an empty period in planning', async () => {
    const id = await newCycle('Feil syklus', 2031);
    expect((await admin.del(`/api/v1/periods/${id}`)).status).toBe(204);
    expect((await admin.get(`/api/v1/periods/${id}`)).status).toBe(404);
    expectProblem(await admin.del(`/api/v1/periods/${id}`), 404, 'deleted twice');
  });

  it('refuses a period that holds objectives or initiatives, naming how many, and keeps them', async () => {
    const id = await newCycle('Planlagt syklus', 2032);
    const objective = await admin.post('/api/v1/objectives', { unitId: teamId, periodId: id, title: 'Utkast', keyResults: [{ title: 'Noe', type: 'increase', start: 0, target: 5 }] });
    await admin.post('/api/v1/objectives', { unitId: teamId, periodId: id, title: 'Utkast to' });
    await admin.post('/api/v1/initiatives', { unitId: teamId, periodId: id, title: 'Tiltak' });
    const res = await admin.del(`/api/v1/periods/${id}`);
    const errors = expectProblem(res, 409, 'not empty', { fields: ['id'] });
    expect(errors).toEqual([{ field: 'id', code: 'period_not_empty', message: 'still holds 2 objectives and 1 initiative; move or delete them first', params: { objectives: 2, initiatives: 1 } }]);
    expect(res.body.detail).toContain('2 objectives and 1 initiative');
    expect((await admin.get(`/api/v1/periods/${id}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/objectives/${objective.body.id}`)).status).toBe(200);
  });

  it('refuses a period that has started, even an empty one', async () => {
    // A year: the organisation's cycle of today is the one active cycle it may have.
    const year = await admin.post('/api/v1/periods', { kind: 'year', name: '2033', startDate: '2033-01-01', endDate: '2033-12-31' });
    const id = year.body.id as string;
    const version = (await admin.get(`/api/v1/periods/${id}`)).body.version;
    expect((await admin.patch(`/api/v1/periods/${id}`, { version, state: 'active' })).status).toBe(200);
    const errors = expectProblem(await admin.del(`/api/v1/periods/${id}`), 409, 'active', { fields: ['id'] });
    expect(errors.map((e) => e.code)).toEqual(['period_not_planning']);
    expect((await admin.get(`/api/v1/periods/${id}`)).body.state).toBe('active');
  });
});
