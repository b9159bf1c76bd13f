// The main path of a team's week through the API, on every store: set up, build the tree,
// plan an objective with key results, check in, and watch progress and on-track move.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { raceAgainstOpenWrite } from '../testing/lockWaits.js';
import { insertOrganisation } from '../store/organisations.js';

describe.each(storeKinds())('the OKR flow on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let rootId: string;
  let cycleId: string;

  beforeAll(async () => {
    // Week 9 of a 13-week quarter.
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
  });
  afterAll(async () => { await t?.close(); });

  it('answers 401 without a session and offers the first-run set-up', async () => {
    expect((await t.anonymous.get('/api/v1/units')).status).toBe(401);
    expect((await t.anonymous.get('/api/v1/health')).body).toMatchObject({ status: 'ok', database: kind });
    expect((await t.anonymous.get('/api/v1/setup')).body).toMatchObject({ needsSetup: true });
  });

  it('sets up once', async () => {
    const setup = { organisationName: 'Pasientforeningen', language: 'nb', admin: { name: 'Kari Nordmann', email: 'Kari@Example.no', password: 'correct horse battery' } };
    const first = await t.anonymous.post('/api/v1/setup', setup);
    expect(first.status).toBe(201);
    expect(String(first.headers['set-cookie'])).toMatch(/varde_session=.*HttpOnly/);
    const again = await t.anonymous.post('/api/v1/setup', setup);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    admin = await t.signIn('kari@example.no', 'correct horse battery');
    const me = await admin.get('/api/v1/me');
    expect(me.body.person).toMatchObject({ name: 'Kari Nordmann', email: 'kari@example.no', isAdmin: true });
  });

  it('refuses a wrong password without saying which half was wrong', async () => {
    const res = await t.anonymous.post('/api/v1/auth/login', { email: 'kari@example.no', password: 'wrong password' });
    expect(res.status).toBe(401);
    expect(res.body.errors[0].field).toBe('password');
  });

  it('builds the tree and a cycle', async () => {
    const units = await admin.get('/api/v1/units');
    expect(units.body.items).toHaveLength(1);
    rootId = units.body.items[0].id;
    expect(units.body.items[0].parentId).toBeNull();
    const area = await admin.post('/api/v1/units', { parentId: rootId, name: 'Påvirkning', kind: 'area' });
    expect(area.status).toBe(201);
    const team = await admin.post('/api/v1/units', { parentId: area.body.id, name: 'Kampanjeteamet', kind: 'team' });
    expect(team.body.parentId).toBe(area.body.id);
    const periods = await admin.get('/api/v1/periods?kind=cycle');
    expect(periods.body.items).toHaveLength(1);
    cycleId = periods.body.items[0].id;
    expect(periods.body.items[0]).toMatchObject({ name: '2026 Q4', startDate: '2026-10-01', endDate: '2026-12-31', state: 'active' });
  });

  it('plans an objective, checks in, and progress and on-track follow', async () => {
    const team = (await admin.get('/api/v1/units')).body.items.find((u: { name: string }) => u.name === 'Kampanjeteamet');
    const objective = await admin.post('/api/v1/objectives', { status: 'active', unitId: team.id, periodId: cycleId, title: 'Raskere tilgang til nye medisiner', kind: 'committed' });
    expect(objective.status).toBe(201);
    const kr = await admin.post('/api/v1/key-results', { objectiveId: objective.body.id, title: 'Underskrifter på oppropet', type: 'increase', start: 0, target: 100_000, measure: 'underskrifter' });
    expect(kr.status).toBe(201);
    expect(kr.body).toMatchObject({ current: null, progress: 0, onTrack: false });
    expect(kr.body.expectedProgress).toBeGreaterThan(0.6);

    const checkIn = await admin.post(`/api/v1/key-results/${kr.body.id}/check-ins`, { value: 80_000, confidence: 8, comment: 'Godt driv etter NRK' });
    expect(checkIn.status).toBe(201);
    const after = await admin.get(`/api/v1/key-results/${kr.body.id}`);
    expect(after.body).toMatchObject({ current: 80_000, progress: 0.8, onTrack: true, trackStatus: 'on-track' });

    const progress = await admin.get(`/api/v1/units/${rootId}/progress?period=${cycleId}&depth=2`);
    expect(progress.status).toBe(200);
    expect(progress.body.progress).toBeCloseTo(0.8);
    expect(progress.body.onTrack).toBe(true);
    expect(progress.body.children[0].children[0]).toMatchObject({ unit: { name: 'Kampanjeteamet' }, objectiveCount: 1 });
  });

  it('keeps an objective\'s progress right when its key results are checked in at the same moment', async () => {
    const team = (await admin.get('/api/v1/units')).body.items.find((u: { name: string }) => u.name === 'Kampanjeteamet');
    const objective = await admin.post('/api/v1/objectives', { status: 'active', unitId: team.id, periodId: cycleId, title: 'Flere medlemmer', kind: 'committed' });
    const krIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const kr = await admin.post('/api/v1/key-results', { objectiveId: objective.body.id, title: `Lokallag ${i}`, type: 'increase', start: 0, target: 100, measure: 'medlemmer' });
      krIds.push(kr.body.id);
    }
    // Three rounds, each checking in on all six at once; every key result ends at 10 × its number.
    // Each concurrent transaction reads its siblings, so a refresh that did not wait for the
    // others would keep a stale mean on the objective.
    for (const round of [1, 2, 3]) {
      t.clock.advance(60_000);
      const answers = await Promise.all(krIds.map((id, i) =>
        admin.post(`/api/v1/key-results/${id}/check-ins`, { value: round === 3 ? 10 * (i + 1) : round, confidence: 7 })));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    }
    // Edits of the key results' weights while they are checked in on: every writer takes the
    // objective before the key result, so none waits for another in a circle (PostgreSQL would
    // abort one with a deadlock, a 500).
    const versions = await Promise.all(krIds.map(async (id) => (await admin.get(`/api/v1/key-results/${id}`)).body.version as number));
    t.clock.advance(60_000);
    const mixed = await Promise.all(krIds.flatMap((id, i) => [
      admin.patch(`/api/v1/key-results/${id}`, { version: versions[i], weight: i + 1 }),
      admin.post(`/api/v1/key-results/${id}/check-ins`, { value: 10 * (i + 1), confidence: 8 }),
    ]));
    expect(mixed.map((a) => a.status)).toEqual(krIds.flatMap(() => [200, 201]));
    const weights = krIds.map((_id, i) => i + 1);
    const expected = krIds.reduce((sum, _id, i) => sum + weights[i]! * (10 * (i + 1)) / 100, 0) / weights.reduce((a, b) => a + b, 0);
    const progress = await admin.get(`/api/v1/units/${team.id}/progress?period=${cycleId}`);
    const stored = progress.body.objectives.find((o: { id: string }) => o.id === objective.body.id);
    expect(stored.progress).toBeCloseTo(expected, 10);
  });

  it('keeps the newest value current when a check-in arrives dated earlier', async () => {
    const team = (await admin.get('/api/v1/units')).body.items.find((u: { name: string }) => u.name === 'Kampanjeteamet');
    const objective = await admin.post('/api/v1/objectives', { status: 'active', unitId: team.id, periodId: cycleId, title: 'Synlighet', kind: 'committed' });
    const kr = await admin.post('/api/v1/key-results', { objectiveId: objective.body.id, title: 'Leserinnlegg', type: 'increase', start: 0, target: 10, measure: 'innlegg' });
    t.clock.advance(3_600_000);
    expect((await admin.post(`/api/v1/key-results/${kr.body.id}/check-ins`, { value: 6, confidence: 8 })).status).toBe(201);
    // Another instance whose clock is an hour behind.
    t.clock.advance(-3_600_000);
    expect((await admin.post(`/api/v1/key-results/${kr.body.id}/check-ins`, { value: 2, confidence: 3 })).status).toBe(201);
    const after = await admin.get(`/api/v1/key-results/${kr.body.id}`);
    expect(after.body).toMatchObject({ current: 6, confidence: 8, progress: 0.6 });
    expect((await admin.get(`/api/v1/key-results/${kr.body.id}/check-ins`)).body.items.map((c: { value: number }) => c.value).sort()).toEqual([2, 6]);
    const progress = await admin.get(`/api/v1/units/${team.id}/progress?period=${cycleId}`);
    expect(progress.body.objectives.find((o: { id: string }) => o.id === objective.body.id).progress).toBeCloseTo(0.6);
    t.clock.advance(3_600_000);
  });

  it('forecasts from the latest check-in at the recent pace, never below what is reached, and tells the status with it', async () => {
    const team = (await admin.get('/api/v1/units')).body.items.find((u: { name: string }) => u.name === 'Kampanjeteamet');
    const objective = await admin.post('/api/v1/objectives', { status: 'active', unitId: team.id, periodId: cycleId, title: 'Møter med politikere', kind: 'committed' });
    const kr = await admin.post('/api/v1/key-results', { objectiveId: objective.body.id, title: 'Møter holdt', type: 'increase', start: 0, target: 10, measure: 'møter' });
    const day = 86_400_000;
    t.clock.advance(-50 * day);
    expect((await admin.post(`/api/v1/key-results/${kr.body.id}/check-ins`, { value: 7, confidence: 8 })).status).toBe(201);
    t.clock.advance(50 * day);
    expect((await admin.post(`/api/v1/key-results/${kr.body.id}/check-ins`, { value: 7.5, confidence: 8 })).status).toBe(201);
    const after = (await admin.get(`/api/v1/key-results/${kr.body.id}`)).body;
    // on track now (75 % with 60 % expected), but the recent pace is slow: short of 10 by the end
    expect(after).toMatchObject({ current: 7.5, trackStatus: 'on-track' });
    expect(after.forecast.value).toBeGreaterThanOrEqual(7.5);
    expect(after.forecast.value).toBeLessThan(9);
    expect(after.forecast.status).toBe('at-risk');
    expect(after.forecast.low).toBeLessThanOrEqual(after.forecast.value);
    expect(after.forecast.high).toBeGreaterThanOrEqual(after.forecast.value);
    expect(after.forecast.low).toBeGreaterThanOrEqual(7.5);
    expect(after.forecast.lowProgress).toBeLessThanOrEqual(after.forecast.progress);
    expect(after.forecast.highProgress).toBeGreaterThanOrEqual(after.forecast.progress);

    // a count that fell back is held at its value, not forecast lower
    const falling = await admin.post('/api/v1/key-results', { objectiveId: objective.body.id, title: 'Medlemmer', type: 'increase', start: 0, target: 10, measure: '' });
    t.clock.advance(-20 * day);
    expect((await admin.post(`/api/v1/key-results/${falling.body.id}/check-ins`, { value: 8, confidence: 8 })).status).toBe(201);
    t.clock.advance(20 * day);
    expect((await admin.post(`/api/v1/key-results/${falling.body.id}/check-ins`, { value: 4, confidence: 8 })).status).toBe(201);
    expect((await admin.get(`/api/v1/key-results/${falling.body.id}`)).body.forecast).toMatchObject({ value: 4, low: 4 });
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const units = (await admin.get('/api/v1/units')).body.items;
    const team = units.find((u: { name: string }) => u.name === 'Kampanjeteamet');
    const renamed = await admin.patch(`/api/v1/units/${team.id}`, { version: team.version, name: 'Kampanjen' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.version).toBe(team.version + 1);
    const stale = await admin.patch(`/api/v1/units/${team.id}`, { version: team.version, name: 'Noe annet' });
    expect(stale.status).toBe(409);
    expect((await admin.get(`/api/v1/units/${team.id}`)).body.name).toBe('Kampanjen');
  });

  it('names the bad field', async () => {
    const res = await admin.post('/api/v1/objectives', { status: 'active', unitId: rootId, periodId: cycleId, title: '', kind: 'maybe', extra: 1 });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['extra', 'kind', 'title']);
  });
});

describe.each(storeKinds())('the first-run set-up on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(kind); });
  afterAll(async () => { await t?.close(); });

  it('creates one organisation when it is sent several times at once', async () => {
    const setup = (i: number) => ({ organisationName: `Forening ${i}`, language: 'nb', admin: { name: `Admin ${i}`, email: `admin${i}@example.no`, password: 'correct horse battery' } });
    const answers = await Promise.all([0, 1, 2].map((i) => t.anonymous.post('/api/v1/setup', setup(i))));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
    const organisations = await t.testStore.store.db.selectFrom('organisations').select('name').execute();
    expect(organisations).toHaveLength(1);
    expect((await t.testStore.store.db.selectFrom('people').select('email').execute())).toHaveLength(1);
  });

  // On SQLite one write transaction runs at a time; on PostgreSQL two set-ups can overlap, forced here.
  it.runIf(kind === 'postgres')('refuses a set-up that overlaps one still being written', async () => {
    const other = await startTestApp(kind);
    try {
      const answer = await raceAgainstOpenWrite(other.testStore.store,
        (trx) => insertOrganisation(trx, {
          id: randomUUID(), name: 'Først', language: 'nb', timeZone: 'Europe/Oslo', fiscalYearStartMonth: 1, cycleCadence: 'quarter',
          checkInCadenceDays: 7, strategy: { mission: '', vision: '', values: [], themes: [] }, isDemo: false, now: new Date().toISOString(),
        }),
        () => other.anonymous.post('/api/v1/setup', { organisationName: 'Sist', language: 'nb', admin: { name: 'A', email: 'a@example.no', password: 'correct horse battery' } }));
      expect(answer.status).toBe(409);
      expect(await other.testStore.store.db.selectFrom('organisations').select('name').execute()).toEqual([{ name: 'Først' }]);
    } finally {
      await other.close();
    }
  });
});
