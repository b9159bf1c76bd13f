// The happy paths of every resource that the OKR flow does not walk, on every store, in the
// populated demo organisation: the organisation and its strategy, people, moving units, period
// states, listing and paging objectives, cascades, key results, check-ins, initiatives,
// alignment, and signing out.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Answer, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';
import { insertPerson } from '../store/people.js';
import { raceAgainstOpenWrite } from '../testing/lockWaits.js';

interface Listed { id: string }

/** Follows nextCursor from the first page to the last, and checks each page on the way. */
async function allPages<T extends Listed>(client: Client, url: string, limit: number): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res: Answer = await client.get(`${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status, `${url} page ${pages + 1}`).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    if (res.body.nextCursor !== null) expect(res.body.items).toHaveLength(limit);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages++;
    expect(pages, 'paging does not end').toBeLessThan(1000);
  } while (cursor);
  return { items, pages };
}

const ids = (items: Listed[]) => items.map((i) => i.id);

describe.each(storeKinds())('resources on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let marte: Client;
  let rootId: string;
  let yearId: string;
  let cycleId: string;
  let nextId: string;
  let marteId: string;

  beforeAll(async () => {
    // The check-in history below moves the clock across weeks; sessions must not go idle meanwhile.
    t = await startTestApp(kind, '2026-11-25T10:00:00Z', { sessionIdleSeconds: 30 * 86_400 });
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
    marte = await t.signIn('marte@demo.varde.no', 'varde-demo');
    rootId = (await admin.get('/api/v1/units?limit=500')).body.items.find((u: { parentId: string | null }) => u.parentId === null).id;
    const periods = (await admin.get('/api/v1/periods')).body.items;
    yearId = periods.find((p: { kind: string }) => p.kind === 'year').id;
    cycleId = periods.find((p: { kind: string; state: string }) => p.kind === 'cycle' && p.state === 'active').id;
    nextId = periods.find((p: { kind: string; state: string }) => p.kind === 'cycle' && p.state === 'planning').id;
    marteId = (await marte.get('/api/v1/me')).body.person.id;
  });
  afterAll(async () => { await t?.close(); });

  /** A team of its own under the root, so each test's lists hold exactly what it made. */
  async function team(name: string, members: Array<{ personId: string; role: 'lead' | 'member' }> = []): Promise<string> {
    const res = await admin.post('/api/v1/units', { parentId: rootId, name, kind: 'team', members });
    expect(res.status).toBe(201);
    return res.body.id;
  }
  async function objective(unitId: string, title: string, extra: Record<string, unknown> = {}): Promise<any> {
    const res = await admin.post('/api/v1/objectives', { status: 'active', unitId, periodId: cycleId, title, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }
  async function keyResult(objectiveId: string, title: string, extra: Record<string, unknown> = {}): Promise<any> {
    const res = await admin.post('/api/v1/key-results', { objectiveId, title, type: 'increase', start: 0, target: 100, ...extra });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  }

  describe('the organisation', () => {
    it('reads the organisation with its strategy', async () => {
      const res = await marte.get('/api/v1/organisation');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ name: 'Pasientforbundet Samhold', language: 'nb', timeZone: 'Europe/Oslo', cycleCadence: 'tertial' });
      expect(res.body.strategy.mission.length).toBeGreaterThan(0);
      expect(res.body.strategy.values.length).toBeGreaterThan(0);
      expect(res.body.strategy.themes[0]).toMatchObject({ title: expect.any(String), description: expect.any(String) });
    });

    it('changes the strategy part by part, keeping what was not sent', async () => {
      const before = (await admin.get('/api/v1/organisation')).body;
      const themes = [{ title: 'Raskere tilgang', description: 'Kortere ventetid' }, { title: 'Fellesskap' }];
      const res = await admin.patch('/api/v1/organisation', { version: before.version, strategy: { mission: 'Ny misjon', themes } });
      expect(res.status).toBe(200);
      expect(res.body.version).toBe(before.version + 1);
      expect(res.body.strategy).toEqual({
        mission: 'Ny misjon', vision: before.strategy.vision, values: before.strategy.values,
        themes: [{ title: 'Raskere tilgang', description: 'Kortere ventetid' }, { title: 'Fellesskap', description: '' }],
      });
      const renamed = await admin.patch('/api/v1/organisation', { version: res.body.version, name: 'Samhold', language: 'en', checkInCadenceDays: 14, fiscalYearStartMonth: 1 });
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ name: 'Samhold', language: 'en', checkInCadenceDays: 14, strategy: res.body.strategy });
      expect((await marte.get('/api/v1/organisation')).body).toEqual(renamed.body);
      expect((await marte.get('/api/v1/me')).body.organisation).toMatchObject({ name: 'Samhold', language: 'en' });
      // The version read before the two changes is stale now.
      expectProblem(await admin.patch('/api/v1/organisation', { version: before.version, name: 'Gammel' }), 409, 'stale organisation', { fields: ['version'] });
      expect((await admin.get('/api/v1/organisation')).body.name).toBe('Samhold');
    });
  });

  describe('people', () => {
    it('lists everyone, page by page, and adds a person who can then sign in', async () => {
      const all = (await admin.get('/api/v1/people?limit=500')).body.items;
      expect(all.length).toBeGreaterThan(10);
      const paged = await allPages(admin, '/api/v1/people', 3);
      expect(ids(paged.items)).toEqual(ids(all));
      expect(paged.pages).toBe(Math.ceil(all.length / 3));
      const marteListed = all.find((p: { email: string }) => p.email === 'marte@demo.varde.no');
      expect(marteListed.memberships.length).toBeGreaterThan(0);

      const created = await admin.post('/api/v1/people', { name: 'Nina Ny', email: ' Nina.Ny@Example.NO ', password: 'a long enough password' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Nina Ny', email: 'nina.ny@example.no', isAdmin: false, memberships: [] });
      expect(created.body).not.toHaveProperty('passwordHash');
      expect(created.body).not.toHaveProperty('orgId');
      expect((await marte.get(`/api/v1/people/${created.body.id}`)).body).toEqual(created.body);
      const after = (await admin.get('/api/v1/people?limit=500')).body.items;
      expect(ids(after)).toEqual([...ids(all), created.body.id]);
      const nina = await t.signIn('nina.ny@example.no', 'a long enough password');
      expect((await nina.get('/api/v1/me')).body.person).toMatchObject({ id: created.body.id, isAdmin: false });

      const adminToo = await admin.post('/api/v1/people', { name: 'Per Admin', email: 'per@example.no', password: 'a long enough password', isAdmin: true });
      expect(adminToo.body.isAdmin).toBe(true);
    });

    it('adds one person when the same address is sent several times at once, and names the field for the rest', async () => {
      const answers = await Promise.all(Array.from({ length: 5 }, (_, i) =>
        admin.post('/api/v1/people', { name: `Samtidig ${i}`, email: 'samtidig@example.no', password: 'a long enough password' })));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422]);
      for (const refused of answers.filter((a) => a.status === 422)) {
        expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'email', code: 'taken' })]);
      }
      const all = (await admin.get('/api/v1/people?limit=500')).body.items;
      expect(all.filter((p: { email: string }) => p.email === 'samtidig@example.no')).toHaveLength(1);
    });

    // On SQLite one write transaction runs at a time, so the check before the insert always sees
    // the other addition; on PostgreSQL the two can overlap, forced here.
    it.runIf(kind === 'postgres')('answers 422 for an address another addition has just taken, not 500', async () => {
      const orgId = (await t.testStore.store.db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
      const answer = await raceAgainstOpenWrite(t.testStore.store,
        (trx) => insertPerson(trx, { id: randomUUID(), orgId, name: 'Først', email: 'kapplop@example.no', passwordHash: null, isAdmin: false, now: new Date().toISOString() }),
        () => admin.post('/api/v1/people', { name: 'Sist', email: 'kapplop@example.no', password: 'a long enough password' }));
      expect(answer.status).toBe(422);
      expect(answer.body.errors).toEqual([expect.objectContaining({ field: 'email', code: 'taken' })]);
    });
  });

  describe('units', () => {
    it('moves a unit to another parent, and refuses to move one under its own descendant', async () => {
      const a = await admin.post('/api/v1/units', { parentId: rootId, name: 'Område A', kind: 'area' });
      const b = await admin.post('/api/v1/units', { parentId: rootId, name: 'Område B', kind: 'area' });
      const teamT = await admin.post('/api/v1/units', { parentId: a.body.id, name: 'Team T', kind: 'team', members: [{ personId: marteId, role: 'lead' }] });
      const teamU = await admin.post('/api/v1/units', { parentId: teamT.body.id, name: 'Gruppe U', kind: 'team' });
      expect([a.status, b.status, teamT.status, teamU.status]).toEqual([201, 201, 201, 201]);

      const moved = await admin.patch(`/api/v1/units/${teamT.body.id}`, { version: teamT.body.version, parentId: b.body.id });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ parentId: b.body.id, version: teamT.body.version + 1, name: 'Team T', members: [{ personId: marteId, role: 'lead' }] });
      const underB = await admin.get(`/api/v1/units/${b.body.id}/progress?period=${cycleId}&depth=2`);
      expect(underB.body.children.map((c: { unit: { name: string } }) => c.unit.name)).toEqual(['Team T']);
      expect(underB.body.children[0].children.map((c: { unit: { name: string } }) => c.unit.name)).toEqual(['Gruppe U']);
      expect((await admin.get(`/api/v1/units/${a.body.id}/progress?period=${cycleId}`)).body.children).toEqual([]);

      // B → T → U: B may not go under U (its grandchild), T (its child) or itself.
      for (const parentId of [teamU.body.id, teamT.body.id, b.body.id]) {
        const cycle = await admin.patch(`/api/v1/units/${b.body.id}`, { version: b.body.version, parentId });
        expectProblem(cycle, 422, `B under ${parentId}`, { fields: ['parentId'], only: true });
      }
      expect((await admin.get(`/api/v1/units/${b.body.id}`)).body).toEqual(b.body);
      // Moving the other way round is fine: U up to the root.
      const up = await admin.patch(`/api/v1/units/${teamU.body.id}`, { version: teamU.body.version, parentId: rootId });
      expect(up.body.parentId).toBe(rootId);
    });

    it('pages through units', async () => {
      const all = (await admin.get('/api/v1/units?limit=500')).body.items;
      const paged = await allPages(admin, '/api/v1/units', 4);
      expect(ids(paged.items)).toEqual(ids(all));
    });
  });

  describe('periods', () => {
    it('pages through years and cycles in calendar order, a year before the cycles it holds', async () => {
      // Two years and a cycle starting the same day, to exercise every part of the order (cycles
      // may not overlap, years may).
      for (const [kind, name, startDate, endDate] of [['cycle', '2030 T1', '2030-01-01', '2030-04-30'], ['year', '2030 b', '2030-01-01', '2030-12-31'], ['year', '2030 a', '2030-01-01', '2030-12-31']]) {
        expect((await admin.post('/api/v1/periods', { kind, name, startDate, endDate })).status).toBe(201);
      }
      const all = (await admin.get('/api/v1/periods')).body;
      expect(all.nextCursor).toBeNull();
      const order = all.items.map((p: { startDate: string; kind: string }) => `${p.startDate} ${p.kind}`);
      expect(order).toEqual([...order].sort((a: string, b: string) => a.slice(0, 10).localeCompare(b.slice(0, 10)) || b.slice(11).localeCompare(a.slice(11))));
      expect(all.items.filter((p: { startDate: string }) => p.startDate === '2030-01-01').map((p: { kind: string }) => p.kind)).toEqual(['year', 'year', 'cycle']);
      for (const limit of [1, 2, 3]) {
        const paged = await allPages(marte, '/api/v1/periods', limit);
        expect(paged.items).toEqual(all.items);
        expect(paged.pages).toBe(Math.ceil(all.items.length / limit));
      }
      const cycles = await allPages(marte, '/api/v1/periods?kind=cycle', 2);
      expect(cycles.items).toEqual(all.items.filter((p: { kind: string }) => p.kind === 'cycle'));
      expectProblem(await marte.get(`/api/v1/periods?cursor=${randomUUID()}`), 400, 'a cursor no page handed out', { fields: ['cursor'] });
    });

    it('moves a period one step at a time through planning → active → review → closed, and back one step', async () => {
      const created = await admin.post('/api/v1/periods', { kind: 'cycle', name: '2027 T2', startDate: '2027-05-01', endDate: '2027-08-31' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ state: 'planning', version: 1, kind: 'cycle' });
      const id = created.body.id;

      const skip = await admin.patch(`/api/v1/periods/${id}`, { version: 1, state: 'closed' });
      expectProblem(skip, 422, 'planning → closed', { fields: ['state'], only: true });
      expect(skip.body.errors[0].message).toMatch(/planning.*closed/);
      expect((await admin.get(`/api/v1/periods/${id}`)).body).toEqual(created.body);

      // One cycle is active at a time: the current one goes to review while this one walks through active.
      expectProblem(await admin.patch(`/api/v1/periods/${id}`, { version: 1, state: 'active' }), 422, 'a second active cycle', { fields: ['state'], only: true });
      const current = (await admin.get(`/api/v1/periods/${cycleId}`)).body;
      expect((await admin.patch(`/api/v1/periods/${cycleId}`, { version: current.version, state: 'review' })).status).toBe(200);
      let version = 1;
      for (const state of ['active', 'review', 'closed', 'review']) {
        const res = await admin.patch(`/api/v1/periods/${id}`, { version, state });
        expect(res.status, `→ ${state}`).toBe(200);
        expect(res.body).toMatchObject({ state, version: version + 1 });
        version = res.body.version;
      }
      const back = await admin.patch(`/api/v1/periods/${cycleId}`, { version: current.version + 1, state: 'active' });
      expect(back.status, JSON.stringify(back.body)).toBe(200);
      const renamed = await admin.patch(`/api/v1/periods/${id}`, { version, name: '2027 T2 (forlenget)', endDate: '2027-09-15' });
      expect(renamed.body).toMatchObject({ name: '2027 T2 (forlenget)', startDate: '2027-05-01', endDate: '2027-09-15', state: 'review' });
      const listed = (await admin.get('/api/v1/periods?state=review')).body.items;
      expect(ids(listed)).toContain(id);
      expect(listed.every((p: { state: string }) => p.state === 'review')).toBe(true);
      expect((await admin.get('/api/v1/periods?kind=year')).body.items.every((p: { kind: string }) => p.kind === 'year')).toBe(true);
    });

    it('refuses a cycle that overlaps another, a second active cycle and a name already used, on create and on change', async () => {
      const current = (await admin.get(`/api/v1/periods/${cycleId}`)).body;
      const codeOf = (res: Answer, field: string) => {
        const errors = expectProblem(res, 422, field, { fields: [field], only: true });
        return errors[0]!.code;
      };
      const before = (await admin.get('/api/v1/periods?limit=500')).body.items.length;
      expect(codeOf(await admin.post('/api/v1/periods', { kind: 'cycle', name: 'Overlapp', startDate: current.endDate, endDate: '2031-12-31' }), 'startDate')).toBe('cycle_overlap');
      expect(codeOf(await admin.post('/api/v1/periods', { kind: 'cycle', name: 'Overlapp', startDate: '2020-01-01', endDate: current.startDate }), 'endDate')).toBe('cycle_overlap');
      expect(codeOf(await admin.post('/api/v1/periods', { kind: 'cycle', name: current.name, startDate: '2040-01-01', endDate: '2040-04-30' }), 'name')).toBe('name_taken');
      expect(codeOf(await admin.post('/api/v1/periods', { kind: 'year', name: current.name.toUpperCase(), startDate: '2040-01-01', endDate: '2040-12-31' }), 'name')).toBe('name_taken');
      expect(codeOf(await admin.post('/api/v1/periods', { kind: 'cycle', name: 'Aktiv', startDate: '2040-01-01', endDate: '2040-04-30', state: 'active' }), 'state')).toBe('second_active_cycle');
      expect((await admin.get('/api/v1/periods?limit=500')).body.items).toHaveLength(before);
      // A year may span cycles, and a cycle the day after another fits.
      expect((await admin.post('/api/v1/periods', { kind: 'year', name: 'Langår', startDate: '2040-01-01', endDate: '2041-12-31' })).status).toBe(201);
      const later = await admin.post('/api/v1/periods', { kind: 'cycle', name: '2040 T1', startDate: '2040-01-01', endDate: '2040-04-30' });
      expect(later.status).toBe(201);
      const changed = (patch: Record<string, unknown>) => admin.patch(`/api/v1/periods/${later.body.id}`, { version: 1, ...patch });
      expect(codeOf(await changed({ startDate: current.startDate }), 'startDate')).toBe('cycle_overlap');
      expect(codeOf(await changed({ name: current.name }), 'name')).toBe('name_taken');
      expect(codeOf(await changed({ state: 'active' }), 'state')).toBe('second_active_cycle');
      expect((await admin.get(`/api/v1/periods/${later.body.id}`)).body).toEqual(later.body);
      // Renaming or re-dating a cycle is not checked against itself.
      expect((await changed({ name: '2040 T1 (ny)', endDate: '2040-05-31' })).status).toBe(200);
    });
  });

  describe('objectives', () => {
    it('creates an objective with its key results in one request, or nothing when one of them is bad', async () => {
      const unitId = await team('Alt-eller-ingenting');
      const created = await admin.post('/api/v1/objectives', { unitId, periodId: cycleId, title: 'Med to', ownerIds: [marteId], keyResults: [
        { title: 'Møter', type: 'increase', start: 0, target: 6, measure: 'møter', ownerId: marteId },
        { title: 'Vedtatt', type: 'milestone' },
      ] });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.keyResults.map((k: { title: string; objectiveId: string }) => [k.title, k.objectiveId])).toEqual([['Møter', created.body.id], ['Vedtatt', created.body.id]]);
      expect(created.body.keyResults[0]).toMatchObject({ start: 0, target: 6, measure: 'møter', ownerId: marteId, weight: 1 });
      expect((await admin.get(`/api/v1/objectives/${created.body.id}`)).body.keyResults).toEqual(created.body.keyResults);

      const keyResultsBefore = (await admin.get(`/api/v1/objectives?unit=${unitId}&limit=500`)).body.items.length;
      const refuse = async (second: Record<string, unknown>, status: number, field: string) => {
        const res = await admin.post('/api/v1/objectives', { unitId, periodId: cycleId, title: 'Halvferdig', keyResults: [{ title: 'Bra', type: 'increase', start: 0, target: 10 }, second] });
        expectProblem(res, status, field, { fields: [field], only: true });
        expect((await admin.get(`/api/v1/objectives?unit=${unitId}&limit=500`)).body.items).toHaveLength(keyResultsBefore);
      };
      await refuse({ title: 'Flat', type: 'increase', start: 3, target: 3 }, 422, 'keyResults.1.target');
      await refuse({ title: 'Ukjent eier', type: 'increase', start: 0, target: 3, ownerId: randomUUID() }, 422, 'keyResults.1.ownerId');
      await refuse({ title: 'Feil vei', type: 'decrease', start: 0, target: 3 }, 400, 'keyResults.1.target');
      await refuse({ title: 'Ny mål-id', type: 'increase', start: 0, target: 3, objectiveId: created.body.id }, 400, 'keyResults.1.objectiveId');
      // No key result was written either: the unit's only key results are the first objective's two.
      const progress = (await admin.get(`/api/v1/objectives?unit=${unitId}&limit=500`)).body.items;
      expect(progress.map((o: { id: string }) => o.id)).toEqual([created.body.id]);
      expect((await admin.get(`/api/v1/objectives/${created.body.id}`)).body.keyResults).toHaveLength(2);
    });

    it('filters by unit and period, and pages through with limit=2 without duplicates or gaps', async () => {
      const unitId = await team('Filterteamet');
      const inCycle = [];
      for (let i = 1; i <= 5; i++) inCycle.push(await objective(unitId, `Syklusmål ${i}`));
      const inNext = [];
      for (let i = 1; i <= 2; i++) inNext.push((await admin.post('/api/v1/objectives', { status: 'active', unitId, periodId: nextId, title: `Neste ${i}`, status: 'draft' })).body);

      const byUnitAndPeriod = (await admin.get(`/api/v1/objectives?unit=${unitId}&period=${cycleId}`)).body;
      expect(ids(byUnitAndPeriod.items)).toEqual(ids(inCycle));
      expect(byUnitAndPeriod.nextCursor).toBeNull();
      expect(ids((await admin.get(`/api/v1/objectives?unit=${unitId}`)).body.items)).toEqual(ids([...inCycle, ...inNext]));
      const byPeriod = (await admin.get(`/api/v1/objectives?period=${nextId}&limit=500`)).body.items;
      expect(byPeriod.every((o: { periodId: string }) => o.periodId === nextId)).toBe(true);
      expect(ids(byPeriod)).toEqual(expect.arrayContaining(ids(inNext)));
      expect(ids(byPeriod)).not.toContain(inCycle[0].id);

      const paged = await allPages(marte, `/api/v1/objectives?unit=${unitId}&period=${cycleId}`, 2);
      expect(paged.pages).toBe(3);
      expect(ids(paged.items)).toEqual(ids(inCycle));

      // The whole organisation, two at a time: the same objectives as in one page, once each.
      const all = (await admin.get('/api/v1/objectives?limit=500')).body.items;
      expect(all.length).toBeGreaterThan(40);
      const everything = await allPages(admin, '/api/v1/objectives', 2);
      expect(new Set(ids(everything.items)).size).toBe(everything.items.length);
      expect(ids(everything.items)).toEqual(ids(all));
      expect(everything.items).toEqual(all);
    });

    it('reads an objective with its key results, in the order they were added', async () => {
      const unitId = await team('Leseteamet');
      const o = await objective(unitId, 'Et mål med to nøkkelresultater', { ownerIds: [marteId], description: 'Hvorfor det betyr noe' });
      const k1 = await keyResult(o.id, 'Først');
      const k2 = await keyResult(o.id, 'Deretter', { type: 'milestone', start: undefined, target: undefined });
      const res = await marte.get(`/api/v1/objectives/${o.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: o.id, title: 'Et mål med to nøkkelresultater', description: 'Hvorfor det betyr noe', ownerIds: [marteId], unitId, periodId: cycleId });
      expect(res.body.keyResults.map((k: { id: string; type: string }) => [k.id, k.type])).toEqual([[k1.id, 'increase'], [k2.id, 'milestone']]);
      expect(res.body.keyResults[1]).toMatchObject({ start: 0, target: 1 });
      // The list shows the objective without its key results.
      const listed = (await marte.get(`/api/v1/objectives?unit=${unitId}`)).body.items[0];
      expect(listed).not.toHaveProperty('keyResults');
      const { keyResults: _krs, ...withoutKeyResults } = res.body;
      expect(listed).toEqual(withoutKeyResults);
    });

    it('shows a team\'s own objectives once each on its page, with all their owners', async () => {
      const unitId = await team('Eierteamet');
      const adminId = (await admin.get('/api/v1/me')).body.person.id;
      const two = await objective(unitId, 'To eiere', { ownerIds: [marteId, adminId] });
      const none = await objective(unitId, 'Ingen eier');
      await keyResult(two.id, 'Første');
      await keyResult(two.id, 'Andre');
      const page = (await marte.get(`/api/v1/units/${unitId}/progress?period=${cycleId}`)).body;
      expect(page.objectives.map((o: { id: string; ownerIds: string[] }) => [o.id, [...o.ownerIds].sort()])).toEqual(
        [[two.id, [marteId, adminId].sort()], [none.id, []]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
      expect(page.objectives.find((o: { id: string }) => o.id === two.id).keyResults).toHaveLength(2);
      expect(page).toMatchObject({ objectiveCount: 2, subtreeObjectiveCount: 2, children: [] });
      const root = (await marte.get(`/api/v1/units/${rootId}/progress?period=${cycleId}`)).body;
      expect(root.children.find((c: { unit: { id: string } }) => c.unit.id === unitId)).toMatchObject({ objectiveCount: 2, subtreeObjectiveCount: 2 });
    });

    it('changes an objective with its version, and deletes it with its key results, check-ins and links', async () => {
      const unitId = await team('Sletteteamet');
      const o = await objective(unitId, 'Skal bort');
      const k1 = await keyResult(o.id, 'KR 1');
      const k2 = await keyResult(o.id, 'KR 2');
      expect((await admin.post(`/api/v1/key-results/${k1.id}/check-ins`, { value: 40, confidence: 6 })).status).toBe(201);
      const changed = await admin.patch(`/api/v1/objectives/${o.id}`, { version: o.version, title: 'Skal fortsatt bort', kind: 'aspirational', ownerIds: [marteId] });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ title: 'Skal fortsatt bort', kind: 'aspirational', ownerIds: [marteId], version: o.version + 1 });
      expect(changed.body.keyResults).toHaveLength(2);
      expectProblem(await admin.patch(`/api/v1/objectives/${o.id}`, { version: o.version, title: 'Utdatert' }), 409, 'stale objective', { fields: ['version'] });

      // Something elsewhere points at it: an initiative moving k1 and another objective aligned to k2 and to o.
      const keeper = await objective(unitId, 'Blir stående');
      const keep = await keyResult(keeper.id, 'Blir stående');
      const initiative = await admin.post('/api/v1/initiatives', { unitId, title: 'Tiltak', keyResultIds: [k1.id, keep.id] });
      const aligned = await objective(unitId, 'Peker dit', { alignments: [{ keyResultId: k2.id }, { objectiveId: o.id }, { objectiveId: keeper.id }] });

      const removed = await admin.del(`/api/v1/objectives/${o.id}`);
      expect(removed.status).toBe(200);
      expect(removed.body).toMatchObject({ kind: 'objective', subjectId: o.id, undoId: expect.any(String) });
      expectProblem(await admin.get(`/api/v1/objectives/${o.id}`), 404, 'deleted objective');
      for (const kr of [k1, k2]) {
        expectProblem(await admin.get(`/api/v1/key-results/${kr.id}`), 404, 'key result of a deleted objective');
        expectProblem(await admin.get(`/api/v1/key-results/${kr.id}/check-ins`), 404, 'check-ins of a deleted objective');
      }
      expect(ids((await admin.get(`/api/v1/objectives?unit=${unitId}`)).body.items)).toEqual([keeper.id, aligned.id]);
      expect((await admin.get(`/api/v1/initiatives?unit=${unitId}`)).body.items[0]).toMatchObject({ id: initiative.body.id, keyResultIds: [keep.id] });
      expect((await admin.get(`/api/v1/objectives/${aligned.id}`)).body.alignments).toEqual([{ objectiveId: keeper.id }]);
      expectProblem(await admin.del(`/api/v1/objectives/${o.id}`), 404, 'deleting twice');
    });
  });

  describe('key results', () => {
    it('changes a key result with its version and deletes it', async () => {
      const unitId = await team('KR-teamet');
      const o = await objective(unitId, 'Mål');
      const kr = await keyResult(o.id, 'Påmeldte', { measure: 'stk', start: 0, target: 200 });
      const other = await keyResult(o.id, 'Blir');
      expect((await admin.post(`/api/v1/key-results/${kr.id}/check-ins`, { value: 50, confidence: 7 })).status).toBe(201);
      expect((await admin.get(`/api/v1/key-results/${kr.id}`)).body).toMatchObject({ current: 50, progress: 0.25 });

      const changed = await admin.patch(`/api/v1/key-results/${kr.id}`, { version: kr.version, title: 'Påmeldte deltakere', target: 100, ownerId: marteId, weight: 3 });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ title: 'Påmeldte deltakere', start: 0, target: 100, ownerId: marteId, weight: 3, current: 50, progress: 0.5, version: kr.version + 1, measure: 'stk' });
      expectProblem(await admin.patch(`/api/v1/key-results/${kr.id}`, { version: kr.version, target: 300 }), 409, 'stale key result', { fields: ['version'] });
      expect((await admin.get(`/api/v1/key-results/${kr.id}`)).body.target).toBe(100);
      // A check-in does not bump the version, so editing after a check-in needs no reload.
      expect((await marte.post(`/api/v1/key-results/${kr.id}/check-ins`, { value: 60, confidence: 7 })).status).toBe(201);
      const toMilestone = await admin.patch(`/api/v1/key-results/${kr.id}`, { version: changed.body.version, type: 'milestone' });
      expect(toMilestone.status).toBe(200);
      expect(toMilestone.body).toMatchObject({ type: 'milestone', start: 0, target: 1 });

      expect((await admin.del(`/api/v1/key-results/${kr.id}`)).status).toBe(200);
      expectProblem(await admin.get(`/api/v1/key-results/${kr.id}`), 404, 'deleted key result');
      expectProblem(await admin.get(`/api/v1/key-results/${kr.id}/check-ins`), 404, 'check-ins of a deleted key result');
      expect((await admin.get(`/api/v1/objectives/${o.id}`)).body.keyResults.map((k: Listed) => k.id)).toEqual([other.id]);
      expectProblem(await admin.del(`/api/v1/key-results/${kr.id}`), 404, 'deleting twice');
    });

    it('refuses an increase or decrease whose target is its start, on create and on change, naming the target', async () => {
      const unitId = await team('Likt-teamet');
      const o = await objective(unitId, 'Mål med flate nøkkelresultater');
      for (const type of ['increase', 'decrease']) {
        const errors = expectProblem(await admin.post('/api/v1/key-results', { objectiveId: o.id, title: 'Flat', type, start: 5, target: 5 }), 422, type, { fields: ['target'], only: true });
        expect(errors.map((e) => e.code)).toEqual(['target_is_start']);
      }
      const kr = await keyResult(o.id, 'Stiger', { start: 5, target: 10 });
      const errors = expectProblem(await admin.patch(`/api/v1/key-results/${kr.id}`, { version: kr.version, target: 5 }), 422, 'change to a flat target', { fields: ['target'], only: true });
      expect(errors.map((e) => e.code)).toEqual(['target_is_start']);
      expectProblem(await admin.patch(`/api/v1/key-results/${kr.id}`, { version: kr.version, start: 10 }), 422, 'change to a flat start', { fields: ['target'], only: true });
      expect((await admin.get(`/api/v1/objectives/${o.id}`)).body.keyResults).toHaveLength(1);
      // A threshold may well start at its line: it is met exactly while it stays there.
      expect((await admin.post('/api/v1/key-results', { objectiveId: o.id, title: 'Terskel', type: 'above', start: 5, target: 5 })).status).toBe(201);
    });
  });

  describe('check-ins', () => {
    it('tells a milestone check-in without a choice to choose done or not done, not to write a number', async () => {
      const unitId = await team('Milepælteamet');
      const o = await objective(unitId, 'Milepæler');
      const milestone = await keyResult(o.id, 'Vedtatt', { type: 'milestone', start: undefined, target: undefined });
      const refused = expectProblem(await admin.post(`/api/v1/key-results/${milestone.id}/check-ins`, { confidence: 7 }), 400, 'milestone without a choice', { fields: ['value'], only: true });
      expect(refused[0]!.message).toMatch(/1 \(done\) or 0 \(not done\)/);
      const wrong = expectProblem(await admin.post(`/api/v1/key-results/${milestone.id}/check-ins`, { value: 0.5, confidence: 7 }), 422, 'milestone half done', { fields: ['value'], only: true });
      expect(wrong.map((e) => e.code)).toEqual(['milestone']);
      expect((await admin.get(`/api/v1/key-results/${milestone.id}/check-ins`)).body.items).toEqual([]);
    });

    it('writes the check-ins sent at once that may be written, and refuses each of the others on its own', async () => {
      const unitId = await team('Samtidigteamet');
      const o = await objective(unitId, 'Mange på en gang');
      const krs = [];
      for (const title of ['Første', 'Andre', 'Tredje']) krs.push(await keyResult(o.id, title));
      const milestone = await keyResult(o.id, 'Milepæl', { type: 'milestone', start: undefined, target: undefined });
      const closedCycle = (await admin.get('/api/v1/periods?kind=cycle&state=closed')).body.items[0].id;
      // Not the demo's archived project team's: its refusal would be the archive's.
      const archived = new Set((await admin.get('/api/v1/units?limit=500')).body.items.filter((u: { archivedAt: string | null }) => u.archivedAt).map((u: { id: string }) => u.id));
      const closedObjective = (await admin.get(`/api/v1/objectives?period=${closedCycle}`)).body.items.find((o: { unitId: string }) => !archived.has(o.unitId)).id;
      const closedKr = (await admin.get(`/api/v1/objectives/${closedObjective}`)).body.keyResults[0];
      const before = (await admin.get(`/api/v1/key-results/${closedKr.id}`)).body;

      // Sent together, so that on PostgreSQL they are written as one batch.
      const answers = await Promise.all([
        ...krs.map((k, i) => admin.post(`/api/v1/key-results/${k.id}/check-ins`, { value: 10 * (i + 1), confidence: 7 })),
        admin.post(`/api/v1/key-results/${milestone.id}/check-ins`, { value: 5, confidence: 7 }),
        marte.post(`/api/v1/key-results/${krs[0].id}/check-ins`, { value: 99, confidence: 2 }),
        admin.post(`/api/v1/key-results/${randomUUID()}/check-ins`, { value: 1, confidence: 7 }),
        admin.post(`/api/v1/key-results/${closedKr.id}/check-ins`, { value: 1, confidence: 7 }),
      ]);
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 422, 403, 404, 422]);
      expect(answers[3]!.body.errors).toEqual([expect.objectContaining({ field: 'value', code: 'milestone' })]);
      expect(answers[6]!.body.errors).toEqual([expect.objectContaining({ code: 'closed' })]);
      for (const [i, k] of krs.entries()) {
        expect((await admin.get(`/api/v1/key-results/${k.id}`)).body).toMatchObject({ current: 10 * (i + 1) });
        expect((await admin.get(`/api/v1/key-results/${k.id}/check-ins`)).body.items.map((c: { value: number }) => c.value)).toEqual([10 * (i + 1)]);
      }
      expect((await admin.get(`/api/v1/key-results/${milestone.id}/check-ins`)).body.items).toEqual([]);
      expect((await admin.get(`/api/v1/key-results/${closedKr.id}`)).body).toEqual(before);
      const page = (await admin.get(`/api/v1/units/${unitId}/progress?period=${cycleId}`)).body;
      expect(page.objectives[0].progress).toBeCloseTo((0.1 + 0.2 + 0.3 + 0) / 4, 10);
    });

    it('lists check-ins newest first, page by page, and the key result shows the latest', async () => {
      const unitId = await team('Innsjekkteamet', [{ personId: marteId, role: 'member' }]);
      const o = await objective(unitId, 'Mål');
      const kr = await keyResult(o.id, 'Verdi', { start: 0, target: 100 });
      const made = [];
      for (const [i, value] of [10, 20, 35, 50, 45].entries()) {
        t.clock.set(new Date(Date.parse('2026-11-02T09:00:00Z') + i * 7 * 86_400_000));
        const res = await marte.post(`/api/v1/key-results/${kr.id}/check-ins`, { value, confidence: 5 + i, comment: `Uke ${i + 1}`, blockers: i === 4 ? 'Sykdom i teamet' : null });
        expect(res.status).toBe(201);
        expect(res.body).toMatchObject({ keyResultId: kr.id, value, authorId: marteId, createdAt: t.clock.now().toISOString() });
        made.push(res.body);
      }
      t.clock.set('2026-11-25T10:00:00Z');

      const newestFirst = [...made].reverse();
      const first = await admin.get(`/api/v1/key-results/${kr.id}/check-ins?limit=2`);
      expect(first.body.items).toEqual(newestFirst.slice(0, 2));
      expect(first.body.nextCursor).toBe(newestFirst[1].id);
      const paged = await allPages<Listed & { createdAt: string }>(admin, `/api/v1/key-results/${kr.id}/check-ins`, 2);
      expect(paged.pages).toBe(3);
      expect(paged.items).toEqual(newestFirst);
      const times = paged.items.map((c) => c.createdAt);
      expect(times).toEqual([...times].sort().reverse());
      expect((await admin.get(`/api/v1/key-results/${kr.id}`)).body).toMatchObject({ current: 45, confidence: 9, currentAt: made[4].createdAt });
    });
  });

  describe('initiatives', () => {
    it('adds initiatives, filters them by unit, period, key result and owner, and changes them with their version', async () => {
      const unitId = await team('Tiltaksteamet');
      const otherUnit = await team('Naboteamet');
      const o = await objective(unitId, 'Mål');
      const k1 = await keyResult(o.id, 'K1');
      const k2 = await keyResult(o.id, 'K2');
      const k3 = await keyResult((await objective(unitId, 'Neste mål', { periodId: nextId })).id, 'K3');
      const make = async (body: Record<string, unknown>) => {
        const res = await admin.post('/api/v1/initiatives', body);
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        return res.body;
      };
      const a = await make({ unitId, periodId: cycleId, title: 'A', ownerId: marteId, keyResultIds: [k1.id] });
      const b = await make({ unitId, periodId: nextId, title: 'B', status: 'in-progress', keyResultIds: [k3.id] });
      const c = await make({ unitId: otherUnit, title: 'C', description: 'Uten periode', ownerId: marteId });
      expect(a).toMatchObject({ unitId, periodId: cycleId, ownerId: marteId, status: 'planned', description: '', keyResultIds: [k1.id], version: 1 });
      expect(c).toMatchObject({ periodId: null, keyResultIds: [] });
      expect(b.keyResultIds).toEqual([k3.id]);

      const list = async (query: string) => ids((await marte.get(`/api/v1/initiatives?${query}&limit=500`)).body.items);
      expect(await list(`unit=${unitId}`)).toEqual([a.id, b.id]);
      expect(await list(`unit=${unitId}&period=${nextId}`)).toEqual([b.id]);
      expect(await list(`keyResult=${k1.id}`)).toEqual([a.id]);
      expect(await list(`keyResult=${k3.id}`)).toEqual([b.id]);
      const marteOwns = await list(`owner=${marteId}`);
      expect(marteOwns).toEqual(expect.arrayContaining([a.id, c.id]));
      expect(marteOwns).not.toContain(b.id);
      expect(await list(`owner=${marteId}&unit=${otherUnit}`)).toEqual([c.id]);
      const paged = await allPages(admin, `/api/v1/initiatives?unit=${unitId}`, 1);
      expect(ids(paged.items)).toEqual([a.id, b.id]);

      const changed = await admin.patch(`/api/v1/initiatives/${b.id}`, { version: b.version, status: 'blocked', keyResultIds: [k2.id], periodId: null, ownerId: marteId });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ status: 'blocked', keyResultIds: [k2.id], periodId: null, ownerId: marteId, version: b.version + 1, title: 'B' });
      expect(await list(`keyResult=${k3.id}`)).toEqual([]);
      expect(await list(`keyResult=${k2.id}`)).toEqual([b.id]);
      expectProblem(await admin.patch(`/api/v1/initiatives/${b.id}`, { version: b.version, status: 'done' }), 409, 'stale initiative', { fields: ['version'] });
      // Its owner may change it without being a member of the unit.
      const byOwner = await marte.patch(`/api/v1/initiatives/${b.id}`, { version: changed.body.version, status: 'done' });
      expect(byOwner.status).toBe(200);
      expect(byOwner.body).toMatchObject({ status: 'done', keyResultIds: [k2.id] });
    });
  });

  describe('initiatives and their key results', () => {
    it("holds demo initiatives that obey the rule as seeded", async () => {
      const { db } = t.deps.store;
      const links = await db.selectFrom('initiative_key_results as l').innerJoin('initiatives as i', 'i.id', 'l.initiative_id')
        .innerJoin('key_results as k', 'k.id', 'l.key_result_id').innerJoin('objectives as o', 'o.id', 'k.objective_id')
        .select(['i.title', 'i.unit_id', 'i.period_id', 'o.unit_id as kr_unit', 'o.period_id as kr_period']).execute();
      expect(links.length).toBeGreaterThan(10);
      for (const l of links) expect([l.kr_unit, l.kr_period], l.title).toEqual([l.unit_id, l.period_id ?? l.kr_period]);
    });

    it("links only key results of its unit's objectives in its period, and any period's when it has none", async () => {
      const unitId = await team('Egne tiltak');
      const neighbour = await team('Nabotiltak');
      const ours = await keyResult((await objective(unitId, 'Vårt mål')).id, 'Vårt');
      const oursLater = await keyResult((await objective(unitId, 'Vårt neste mål', { periodId: nextId })).id, 'Vårt neste');
      const theirs = await keyResult((await objective(neighbour, 'Deres mål')).id, 'Deres');
      const initiatives = async () => (await admin.get(`/api/v1/initiatives?unit=${unitId}&limit=500`)).body.items;
      const elsewhere = (res: Answer, field: string, label: string) =>
        expect(expectProblem(res, 422, label, { fields: [field], only: true }).map((e) => e.code)).toEqual(['key_result_elsewhere']);

      elsewhere(await admin.post('/api/v1/initiatives', { unitId, periodId: cycleId, title: 'Naboens', keyResultIds: [ours.id, theirs.id] }), 'keyResultIds.1', "another unit's key result");
      elsewhere(await admin.post('/api/v1/initiatives', { unitId, periodId: cycleId, title: 'Senere', keyResultIds: [oursLater.id] }), 'keyResultIds.0', "another period's key result");
      elsewhere(await admin.post('/api/v1/initiatives', { unitId, title: 'Uten periode', keyResultIds: [theirs.id] }), 'keyResultIds.0', "another unit's, without a period");
      expect(await initiatives()).toEqual([]);

      const open = await admin.post('/api/v1/initiatives', { unitId, title: 'Løpende', keyResultIds: [ours.id, oursLater.id] });
      expect(open.status, JSON.stringify(open.body)).toBe(201);
      const now = await admin.post('/api/v1/initiatives', { unitId, periodId: cycleId, title: 'Nå', keyResultIds: [ours.id] });
      expect(now.status, JSON.stringify(now.body)).toBe(201);

      elsewhere(await admin.patch(`/api/v1/initiatives/${now.body.id}`, { version: 1, keyResultIds: [theirs.id] }), 'keyResultIds.0', "changed to another unit's key result");
      // Moved to the next period, its key results of this one no longer fit: the list as a whole is named.
      elsewhere(await admin.patch(`/api/v1/initiatives/${now.body.id}`, { version: 1, periodId: nextId }), 'keyResultIds', 'moved away from its key results');
      // Given a period, the one without no longer fits its key results of the other period.
      elsewhere(await admin.patch(`/api/v1/initiatives/${open.body.id}`, { version: 1, periodId: cycleId }), 'keyResultIds', 'given a period');
      expect((await initiatives()).map((i: { version: number }) => i.version)).toEqual([1, 1]);

      const moved = await admin.patch(`/api/v1/initiatives/${now.body.id}`, { version: 1, periodId: nextId, keyResultIds: [oursLater.id] });
      expect(moved.body).toMatchObject({ periodId: nextId, keyResultIds: [oursLater.id], version: 2 });
      const unbound = await admin.patch(`/api/v1/initiatives/${now.body.id}`, { version: 2, periodId: null });
      expect(unbound.body).toMatchObject({ periodId: null, keyResultIds: [oursLater.id], version: 3 });
    });

    it('refuses to move an objective to another period while initiatives of the old one move its key results', async () => {
      const unitId = await team('Flyttelaget');
      const o = await objective(unitId, 'Skal flyttes');
      const kr = await keyResult(o.id, 'Flyttbart');
      const bound = await admin.post('/api/v1/initiatives', { unitId, periodId: cycleId, title: 'Bundet', keyResultIds: [kr.id] });
      const open = await admin.post('/api/v1/initiatives', { unitId, title: 'Uten periode', keyResultIds: [kr.id] });
      expect([bound.status, open.status]).toEqual([201, 201]);
      const refused = expectProblem(await admin.patch(`/api/v1/objectives/${o.id}`, { version: o.version, periodId: nextId }), 422, 'moved away from its initiative', { fields: ['periodId'], only: true });
      expect(refused[0]!.code).toBe('initiatives_left_behind');
      expect(refused[0]!.message).toContain('«Bundet»');
      expect(refused[0]!.message).not.toContain('Uten periode');
      expect((await admin.get(`/api/v1/objectives/${o.id}`)).body).toMatchObject({ periodId: cycleId, version: o.version });
      // Once the initiative is unlinked, the objective moves; the one without a period stays linked.
      expect((await admin.patch(`/api/v1/initiatives/${bound.body.id}`, { version: 1, keyResultIds: [] })).status).toBe(200);
      const moved = await admin.patch(`/api/v1/objectives/${o.id}`, { version: o.version, periodId: nextId });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body.periodId).toBe(nextId);
      expect((await admin.get(`/api/v1/initiatives?keyResult=${kr.id}`)).body.items.map((i: { id: string }) => i.id)).toEqual([open.body.id]);
    });
  });

  describe('alignment', () => {
    it('aligns an objective to a Moal, to an objective of another unit and to a key result, and not to itself', async () => {
      const objectives = (await admin.get('/api/v1/objectives?limit=500')).body.items;
      const moal = objectives.find((o: { unitId: string; periodId: string }) => o.unitId === rootId && o.periodId === yearId);
      const elsewhere = objectives.find((o: { unitId: string; periodId: string }) => o.unitId !== rootId && o.periodId === cycleId);
      const elsewhereKr = (await admin.get(`/api/v1/objectives/${elsewhere.id}`)).body.keyResults[0];
      expect([moal, elsewhere, elsewhereKr].every(Boolean)).toBe(true);

      const unitId = await team('Justeringsteamet', [{ personId: marteId, role: 'member' }]);
      const created = await marte.post('/api/v1/objectives', { status: 'active',
        unitId, periodId: cycleId, title: 'Betaler inn til flere',
        alignments: [{ objectiveId: moal.id }, { objectiveId: elsewhere.id }, { keyResultId: elsewhereKr.id }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const expected = [{ objectiveId: moal.id }, { objectiveId: elsewhere.id }, { keyResultId: elsewhereKr.id }];
      expect(created.body.alignments).toEqual(expect.arrayContaining(expected));
      expect(created.body.alignments).toHaveLength(3);
      const own = await keyResult(created.body.id, 'Eget nøkkelresultat');

      const self = await marte.patch(`/api/v1/objectives/${created.body.id}`, { version: created.body.version, alignments: [{ objectiveId: created.body.id }] });
      expectProblem(self, 422, 'aligned to itself', { fields: ['alignments.0.objectiveId'], only: true });
      const ownKr = await marte.patch(`/api/v1/objectives/${created.body.id}`, { version: created.body.version, alignments: [{ objectiveId: moal.id }, { keyResultId: own.id }] });
      expectProblem(ownKr, 422, 'aligned to its own key result', { fields: ['alignments.1.keyResultId'], only: true });
      expect((await marte.get(`/api/v1/objectives/${created.body.id}`)).body.alignments).toEqual(expect.arrayContaining(expected));

      const narrowed = await marte.patch(`/api/v1/objectives/${created.body.id}`, { version: created.body.version, alignments: [{ keyResultId: elsewhereKr.id }] });
      expect(narrowed.status).toBe(200);
      expect(narrowed.body.alignments).toEqual([{ keyResultId: elsewhereKr.id }]);
      const cleared = await marte.patch(`/api/v1/objectives/${created.body.id}`, { version: narrowed.body.version, alignments: [] });
      expect(cleared.body.alignments).toEqual([]);
    });
  });

  describe('signing out', () => {
    it('ends the session: the cookie answers 401 afterwards, other sessions live on', async () => {
      const session = await t.signIn('marte@demo.varde.no', 'varde-demo');
      expect((await session.get('/api/v1/me')).status).toBe(200);
      const out = await session.post('/api/v1/auth/logout');
      expect(out.status).toBe(204);
      expect(String(out.headers['set-cookie'])).toMatch(/varde_session=;/);
      expectProblem(await session.get('/api/v1/me'), 401, 'after signing out');
      expectProblem(await session.post('/api/v1/objectives', { status: 'active', unitId: rootId, periodId: cycleId, title: 'Etter utlogging' }), 401, 'writing after signing out');
      expect((await t.anonymous.get('/api/v1/setup')).body).toMatchObject({ signedIn: false });
      // Signing out again is harmless; the other session of the same person still works.
      expect((await session.post('/api/v1/auth/logout')).status).toBe(204);
      expect((await marte.get('/api/v1/me')).status).toBe(200);
    });
  });
});
