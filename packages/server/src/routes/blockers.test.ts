// Blockers written in check-ins stay on the key result in the team's progress answer until a
// later check-in names none; and "Mine" gathers what needs the person beyond due check-ins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';

describe.each(storeKinds())('open blockers and what needs me on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let teamId: string;
  let cycleId: string;
  let krA: string;
  let krB: string;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Lag', language: 'nb', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: 'correct horse battery' } });
    admin = await t.signIn('kari@example.no', 'correct horse battery');
    const rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    teamId = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Kampanjeteamet', kind: 'team' })).body.id;
    cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    const objective = await admin.post('/api/v1/objectives', { unitId: teamId, periodId: cycleId, title: 'Synlighet', kind: 'committed' });
    krA = (await admin.post('/api/v1/key-results', { objectiveId: objective.body.id, title: 'Leserinnlegg', type: 'increase', start: 0, target: 10, measure: 'innlegg' })).body.id;
    krB = (await admin.post('/api/v1/key-results', { objectiveId: objective.body.id, title: 'Intervjuer', type: 'increase', start: 0, target: 10, measure: 'intervjuer' })).body.id;
  });
  afterAll(async () => { await t?.close(); });

  const blockers = async () => {
    const progress = await admin.get(`/api/v1/units/${teamId}/progress?period=${cycleId}`);
    expect(progress.status).toBe(200);
    return Object.fromEntries(progress.body.objectives[0].keyResults.map((k: { id: string; blocker: unknown }) => [k.id, k.blocker]));
  };

  it('shows the newest check-in\'s blockers until a later check-in clears them', async () => {
    expect(await blockers()).toEqual({ [krA]: null, [krB]: null });
    await admin.post(`/api/v1/key-results/${krA}/check-ins`, { value: 2, confidence: 8, blockers: 'Gammel blokkering' });
    t.clock.advance(60_000);
    await admin.post(`/api/v1/key-results/${krA}/check-ins`, { value: 3, confidence: 7, blockers: ' Venter på redaktøren ' });
    await admin.post(`/api/v1/key-results/${krB}/check-ins`, { value: 3, confidence: 7, blockers: 'Ingen svar' });
    const open = await blockers();
    expect(open[krA]).toEqual({ text: 'Venter på redaktøren', since: '2026-11-25T10:01:00.000Z', authorName: 'Kari Nordmann' });
    expect(open[krB]).toMatchObject({ text: 'Ingen svar' });
    t.clock.advance(60_000);
    await admin.post(`/api/v1/key-results/${krB}/check-ins`, { value: 4, confidence: 7 });
    const after = await blockers();
    expect(after[krB]).toBeNull();
    expect(after[krA]).toMatchObject({ text: 'Venter på redaktøren' });
  });

  it('gathers on Mine the key results whose confidence fell and the blockers open on my units', async () => {
    const me = (await admin.get('/api/v1/me')).body.person.id as string;
    const rootId = (await admin.get('/api/v1/units')).body.items.find((u: { parentId: string | null }) => u.parentId === null).id;
    const mineId = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Mitt lag', kind: 'team', members: [{ personId: me, role: 'lead' }] })).body.id;
    const objective = await admin.post('/api/v1/objectives', { unitId: mineId, periodId: cycleId, title: 'Medlemmer', kind: 'committed' });
    const kr = (title: string) => admin.post('/api/v1/key-results', { objectiveId: objective.body.id, title, type: 'increase', start: 0, target: 10, measure: 'stk', ownerId: me });
    const falling = (await kr('Fallende')).body.id;
    const rising = (await kr('Stigende')).body.id;
    const blocked = (await kr('Blokkert')).body.id;
    t.clock.advance(60_000);
    await admin.post(`/api/v1/key-results/${falling}/check-ins`, { value: 5, confidence: 8 });
    await admin.post(`/api/v1/key-results/${rising}/check-ins`, { value: 5, confidence: 5 });
    await admin.post(`/api/v1/key-results/${blocked}/check-ins`, { value: 5, confidence: 5, blockers: 'Mangler lokaler' });
    t.clock.advance(60_000);
    await admin.post(`/api/v1/key-results/${falling}/check-ins`, { value: 6, confidence: 5 });
    await admin.post(`/api/v1/key-results/${rising}/check-ins`, { value: 6, confidence: 8 });

    const work = await admin.get('/api/v1/me/work');
    expect(work.status).toBe(200);
    const byId = Object.fromEntries(work.body.keyResults.map((k: { id: string }) => [k.id, k]));
    expect(byId[falling]).toMatchObject({ confidence: 5, previousConfidence: 8, confidenceFell: true });
    expect(byId[rising]).toMatchObject({ confidence: 8, previousConfidence: 5, confidenceFell: false });
    expect(byId[blocked]).toMatchObject({ previousConfidence: null, confidenceFell: false });
    // Only the units I belong to: the first team's open blocker (I am no member there) stays out.
    expect(work.body.blockers).toEqual([{ keyResultId: blocked, keyResultTitle: 'Blokkert', objectiveTitle: 'Medlemmer', unitId: mineId, unitName: 'Mitt lag',
      periodId: cycleId, text: 'Mangler lokaler', since: expect.any(String), authorName: 'Kari Nordmann' }]);
    t.clock.advance(60_000);
    await admin.post(`/api/v1/key-results/${blocked}/check-ins`, { value: 7, confidence: 6, blockers: '' });
    expect((await admin.get('/api/v1/me/work')).body.blockers).toEqual([]);
  });
});
