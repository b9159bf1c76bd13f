// KPIs (issue 15) through the API on every store: create, read, list by unit, subtree and status,
// change with a stale version refused, delete; validation naming the fields; who may write (the
// unit's members and admins; the owner only checks in); check-ins with their times; a KPI going
// stale when its cadence passes without a value; promoting a key result copies every check-in with
// its time and author, links the key result, and refuses a second promotion; an objective paying
// into a KPI, and the KPI offered as an alignment target.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { listEvents } from '../store/events.js';

const PASSWORD = 'correct horse battery';

describe.each(storeKinds())('KPIs on %s', (kind) => {
  let t: TestApp;
  let admin: Client; let mia: Client; let ola: Client; let per: Client;
  const ids = {} as Record<'org' | 'root' | 'alfa' | 'beta' | 'cycle' | 'mia' | 'ola' | 'per' | 'kr' | 'objective' | 'kpi' | 'promoted', string>;

  async function moveTo(instant: string): Promise<void> {
    t.clock.set(instant);
    [admin, mia, ola, per] = await Promise.all(['kari', 'mia', 'ola', 'per'].map((p) => t.signIn(`${p}@example.no`, PASSWORD)));
  }

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-10-02T08:00:00.000Z');
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Måletallene', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    const person = async (name: string, email: string) => (await admin.post('/api/v1/people', { name, email, password: PASSWORD })).body.id as string;
    ids.mia = await person('Mia Alfa', 'mia@example.no');
    ids.ola = await person('Ola Eier', 'ola@example.no');
    ids.per = await person('Per Beta', 'per@example.no');
    ids.root = (await admin.get('/api/v1/units')).body.items[0].id;
    const unit = async (name: string, members: string[]) => {
      const res = await admin.post('/api/v1/units', { parentId: ids.root, name, kind: 'team', members: members.map((personId) => ({ personId, role: 'member' })) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    ids.alfa = await unit('Alfa', [ids.mia]);
    ids.beta = await unit('Beta', [ids.per]);
    ids.cycle = ((await admin.get('/api/v1/periods')).body.items as Array<{ id: string; kind: string }>).find((p) => p.kind === 'cycle')!.id;
    const o = await admin.post('/api/v1/objectives', { unitId: ids.alfa, periodId: ids.cycle, title: 'Fornøyde givere', status: 'active',
      keyResults: [{ title: 'Givertilfredshet', type: 'increase', start: 60, target: 80, measure: '%', ownerId: ids.ola }] });
    expect(o.status, JSON.stringify(o.body)).toBe(201);
    ids.objective = o.body.id;
    ids.kr = o.body.keyResults[0].id;
    ids.org = (await admin.get('/api/v1/organisation')).body.id;
    [mia, ola, per] = await Promise.all(['mia', 'ola', 'per'].map((p) => t.signIn(`${p}@example.no`, PASSWORD)));
  });
  afterAll(async () => { await t?.close(); });

  it('creates a KPI for a member, refuses bad input naming the field, and refuses a member of another unit', async () => {
    const body = { unitId: ids.alfa, title: 'Svartid på henvendelser', measure: 'timer', direction: 'below', high: 24, cadence: 'weekly', ownerId: ids.ola };
    expectProblem(await mia.post('/api/v1/kpis', { ...body, high: undefined }), 400, 'below needs high', { fields: ['high'] });
    expectProblem(await mia.post('/api/v1/kpis', { ...body, direction: 'between', low: 30 }), 400, 'between needs low ≤ high', { fields: ['high'] });
    expectProblem(await mia.post('/api/v1/kpis', { ...body, cadence: 'daily' }), 400, 'unknown cadence', { fields: ['cadence'] });
    expectProblem(await mia.post('/api/v1/kpis', { ...body, title: '' }), 400, 'empty title', { fields: ['title'] });
    expectProblem(await mia.post('/api/v1/kpis', { ...body, ownerId: '00000000-0000-7000-8000-000000000000' }), 422, 'unknown owner', { fields: ['ownerId'] });
    expectProblem(await mia.post('/api/v1/kpis', { ...body, unitId: '00000000-0000-7000-8000-000000000000' }), 422, 'unknown unit', { fields: ['unitId'] });
    expectProblem(await per.post('/api/v1/kpis', body), 403, 'a member of Beta');
    expect((await admin.get(`/api/v1/kpis?unit=${ids.alfa}`)).body.items).toEqual([]);

    const res = await mia.post('/api/v1/kpis', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ unitId: ids.alfa, unitName: 'Alfa', title: 'Svartid på henvendelser', direction: 'below', low: null, high: 24, cadence: 'weekly',
      ownerId: ids.ola, current: null, status: 'stale', recent: [], promotedFromKeyResultId: null, version: 1, can: { edit: true, delete: true, checkIn: true } });
    ids.kpi = res.body.id;
    expect((await per.get(`/api/v1/kpis/${ids.kpi}`)).body.can).toEqual({ edit: false, delete: false, checkIn: false });
    expect((await ola.get(`/api/v1/kpis/${ids.kpi}`)).body.can).toEqual({ edit: false, delete: false, checkIn: true });
  });

  it('takes check-ins from the owner and members, never in the future, and reads healthy or unhealthy by the range', async () => {
    expectProblem(await per.post(`/api/v1/kpis/${ids.kpi}/check-ins`, { value: 10 }), 403, 'not a member nor the owner');
    expectProblem(await ola.post(`/api/v1/kpis/${ids.kpi}/check-ins`, { value: 'ten' }), 400, 'value not a number', { fields: ['value'] });
    expectProblem(await ola.post(`/api/v1/kpis/${ids.kpi}/check-ins`, { value: 10, at: '2026-10-03T08:00:00.000Z' }), 422, 'in the future', { fields: ['at'] });
    const first = await ola.post(`/api/v1/kpis/${ids.kpi}/check-ins`, { value: 30, comment: 'Ferietid', at: '2026-09-28T08:00:00.000Z' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ kpiId: ids.kpi, value: 30, comment: 'Ferietid', at: '2026-09-28T08:00:00.000Z', by: { id: ids.ola, name: 'Ola Eier' }, fromKeyResultId: null });
    expect((await admin.get(`/api/v1/kpis/${ids.kpi}`)).body).toMatchObject({ current: 30, status: 'unhealthy' });
    expect((await mia.post(`/api/v1/kpis/${ids.kpi}/check-ins`, { value: 20 })).status).toBe(201);
    // A value written down later for an earlier time does not replace the newer one.
    expect((await mia.post(`/api/v1/kpis/${ids.kpi}/check-ins`, { value: 50, at: '2026-09-20T08:00:00.000Z' })).status).toBe(201);
    const kpi = (await admin.get(`/api/v1/kpis/${ids.kpi}`)).body;
    expect(kpi).toMatchObject({ current: 20, currentAt: '2026-10-02T08:00:00.000Z', status: 'healthy' });
    expect(kpi.recent.map((r: { value: number }) => r.value)).toEqual([50, 30, 20]);
    const list = (await per.get(`/api/v1/kpis/${ids.kpi}/check-ins?limit=2`)).body;
    expect(list.items.map((c: { value: number }) => c.value)).toEqual([20, 30]);
    const rest = (await per.get(`/api/v1/kpis/${ids.kpi}/check-ins?limit=2&cursor=${list.nextCursor}`)).body;
    expect(rest).toMatchObject({ items: [{ value: 50 }], nextCursor: null });
    expectProblem(await per.get(`/api/v1/kpis/${ids.kpi}/check-ins?cursor=nonsense`), 400, 'bad cursor', { fields: ['cursor'] });
  });

  it('goes stale once its cadence passes without a value, and lists by status, unit and subtree', async () => {
    await moveTo('2026-10-09T08:00:00.000Z');
    expect((await admin.get(`/api/v1/kpis/${ids.kpi}`)).body.status).toBe('healthy');
    await moveTo('2026-10-09T08:00:01.000Z');
    expect((await admin.get(`/api/v1/kpis/${ids.kpi}`)).body.status).toBe('stale');
    const monthly = await per.post('/api/v1/kpis', { unitId: ids.beta, title: 'Medlemmer', direction: 'above', low: 100, cadence: 'monthly' });
    expect(monthly.status, JSON.stringify(monthly.body)).toBe(201);
    await per.post(`/api/v1/kpis/${monthly.body.id}/check-ins`, { value: 120 });
    const titles = async (q: string) => ((await per.get(`/api/v1/kpis${q}`)).body.items as Array<{ title: string }>).map((k) => k.title).sort();
    expect(await titles('')).toEqual(['Medlemmer', 'Svartid på henvendelser']);
    expect(await titles('?status=stale')).toEqual(['Svartid på henvendelser']);
    expect(await titles('?status=healthy')).toEqual(['Medlemmer']);
    expect(await titles('?status=unhealthy')).toEqual([]);
    expect(await titles(`?unit=${ids.beta}`)).toEqual(['Medlemmer']);
    expect(await titles(`?under=${ids.root}`)).toEqual(['Medlemmer', 'Svartid på henvendelser']);
    expect(await titles(`?under=${ids.alfa}`)).toEqual(['Svartid på henvendelser']);
    const first = (await per.get('/api/v1/kpis?limit=1')).body;
    expect(first.items).toHaveLength(1);
    const second = (await per.get(`/api/v1/kpis?limit=1&cursor=${first.nextCursor}`)).body;
    expect(second.items).toHaveLength(1);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expectProblem(await per.get('/api/v1/kpis?status=sleepy'), 400, 'unknown status', { fields: ['status'] });
  });

  it('changes with the version, checks the range as it would be after, and refuses a stale version', async () => {
    const before = (await mia.get(`/api/v1/kpis/${ids.kpi}`)).body;
    expectProblem(await mia.patch(`/api/v1/kpis/${ids.kpi}`, { version: before.version, direction: 'between' }), 422, 'between without low', { fields: ['low'] });
    expectProblem(await ola.patch(`/api/v1/kpis/${ids.kpi}`, { version: before.version, title: 'Eierens tittel' }), 403, 'the owner only checks in');
    const res = await mia.patch(`/api/v1/kpis/${ids.kpi}`, { version: before.version, direction: 'between', low: 4, cadence: 'monthly' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ direction: 'between', low: 4, high: 24, cadence: 'monthly', status: 'healthy', version: before.version + 1 });
    expectProblem(await admin.patch(`/api/v1/kpis/${ids.kpi}`, { version: before.version, title: 'For sent' }), 409, 'stale version', { fields: ['version'] });
    expect((await admin.get(`/api/v1/kpis/${ids.kpi}`)).body.title).toBe('Svartid på henvendelser');
  });

  it('promotes a key result with every check-in, their times and authors, and refuses a second promotion', async () => {
    await moveTo('2026-10-12T08:00:00.000Z');
    await ola.post(`/api/v1/key-results/${ids.kr}/check-ins`, { value: 64, confidence: 6, comment: 'God start' });
    await moveTo('2026-10-19T08:00:00.000Z');
    await mia.post(`/api/v1/key-results/${ids.kr}/check-ins`, { value: 70, confidence: 7 });
    expectProblem(await mia.post(`/api/v1/key-results/${ids.kr}/promote`, { direction: 'above', cadence: 'monthly' }), 400, 'above needs low', { fields: ['low'] });
    expectProblem(await per.post(`/api/v1/key-results/${ids.kr}/promote`, { direction: 'above', low: 75, cadence: 'monthly' }), 403, 'a member of Beta');
    expectProblem(await mia.post('/api/v1/key-results/00000000-0000-7000-8000-000000000000/promote', { direction: 'above', low: 75, cadence: 'monthly' }), 404, 'no such key result');

    const res = await mia.post(`/api/v1/key-results/${ids.kr}/promote`, { direction: 'above', low: 75, cadence: 'monthly' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ unitId: ids.alfa, title: 'Givertilfredshet', measure: '%', ownerId: ids.ola, direction: 'above', low: 75, cadence: 'monthly',
      current: 70, currentAt: '2026-10-19T08:00:00.000Z', status: 'unhealthy', promotedFromKeyResultId: ids.kr });
    ids.promoted = res.body.id;
    const history = (await per.get(`/api/v1/kpis/${ids.promoted}/check-ins`)).body.items;
    expect(history).toEqual([
      expect.objectContaining({ value: 70, at: '2026-10-19T08:00:00.000Z', by: { id: ids.mia, name: 'Mia Alfa' }, fromKeyResultId: ids.kr, comment: '' }),
      expect.objectContaining({ value: 64, at: '2026-10-12T08:00:00.000Z', by: { id: ids.ola, name: 'Ola Eier' }, fromKeyResultId: ids.kr, comment: 'God start' }),
    ]);
    const krCheckIns = (await per.get(`/api/v1/key-results/${ids.kr}/check-ins`)).body.items;
    expect(history).toHaveLength(krCheckIns.length);
    expect((await per.get(`/api/v1/key-results/${ids.kr}`)).body.kpiId).toBe(ids.promoted);
    const again = await mia.post(`/api/v1/key-results/${ids.kr}/promote`, { direction: 'above', low: 75, cadence: 'monthly' });
    expectProblem(again, 409, 'promoted twice', { fields: ['id'] });
    expect(again.body.errors[0].code).toBe('already_promoted');
    expect((await per.get(`/api/v1/kpis?unit=${ids.alfa}`)).body.items).toHaveLength(2);

    const events = await listEvents(t.deps.store.db, ids.org, {}, 200);
    const types = events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['kpi.created', 'kpi.changed', 'kpi.checkedIn', 'keyResult.promoted']));
    const promoted = events.find((e) => e.type === 'keyResult.promoted')!;
    expect(promoted.subject).toMatchObject({ kind: 'keyResult', id: ids.kr });
    expect(promoted.changes).toEqual([{ field: 'kpiId', before: null, after: ids.promoted }]);
  });

  it('lets an objective pay into a KPI, offers KPIs as alignment targets, and refuses an unknown one', async () => {
    const targets = (await mia.get(`/api/v1/alignment-targets?period=${ids.cycle}&q=medlem`)).body.items as Array<{ kind: string; id: string; unitName: string }>;
    const medlemmer = targets.find((x) => x.kind === 'kpi');
    expect(medlemmer).toMatchObject({ kind: 'kpi', unitName: 'Beta', objectiveId: null, periodId: null });
    const o = (await mia.get(`/api/v1/objectives/${ids.objective}`)).body;
    expectProblem(await mia.patch(`/api/v1/objectives/${ids.objective}`, { version: o.version, alignments: [{ kpiId: '00000000-0000-7000-8000-000000000000' }] }),
      422, 'unknown KPI', { fields: ['alignments.0.kpiId'] });
    const res = await mia.patch(`/api/v1/objectives/${ids.objective}`, { version: o.version, alignments: [{ kpiId: medlemmer!.id }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.alignments).toEqual([{ kpiId: medlemmer!.id }]);
    expect(res.body.alignedTo).toEqual([expect.objectContaining({ kind: 'kpi', id: medlemmer!.id, title: 'Medlemmer', unitName: 'Beta' })]);
  });

  it('deletes a KPI with its check-ins and the links paying into it, for members and admins only; the key result is free again', async () => {
    expectProblem(await ola.del(`/api/v1/kpis/${ids.promoted}`), 403, 'the owner may not delete');
    expect((await mia.del(`/api/v1/kpis/${ids.promoted}`)).status).toBe(204);
    expectProblem(await mia.get(`/api/v1/kpis/${ids.promoted}`), 404, 'gone');
    expectProblem(await mia.get(`/api/v1/kpis/${ids.promoted}/check-ins`), 404, 'gone with its check-ins');
    expect((await mia.get(`/api/v1/key-results/${ids.kr}`)).body.kpiId).toBeNull();
    const beta = (await per.get(`/api/v1/kpis?unit=${ids.beta}`)).body.items[0];
    expect((await admin.del(`/api/v1/kpis/${beta.id}`)).status).toBe(204);
    expect((await mia.get(`/api/v1/objectives/${ids.objective}`)).body.alignments).toEqual([]);
    const deleted = (await listEvents(t.deps.store.db, ids.org, {}, 5)).find((e) => e.type === 'kpi.deleted');
    expect(deleted?.subject).toMatchObject({ kind: 'kpi', id: beta.id, name: 'Medlemmer' });
  });
});
