// Dependencies between units, end to end through the API: raised by the raising unit's members,
// answered by the asked unit's members, resolved by either side, refused (403) to a member of a
// third unit; the flow's wrong steps refused naming the state, a decline without its reason naming
// the reply; a week unanswered marked; every step recorded with who and when, and as an event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { coordinationOrg, PASSWORD, type CoordinationOrg } from '../testing/coordination.js';
import { listEvents } from '../store/events.js';

describe.each(storeKinds())('dependencies on %s', (kind) => {
  let t: TestApp;
  let o: CoordinationOrg;
  const raise = (body: object, as = () => o.mia) => as().post('/api/v1/dependencies', {
    fromUnitId: o.ids.campaign, toUnitId: o.ids.analysis, keyResultId: o.ids.campaignKr, description: 'Ventetidstall per fylke til kampanjesidene', neededBy: '2026-12-15', ...body,
  });

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    o = await coordinationOrg(t);
  });
  afterAll(async () => { await t?.close(); });

  it("is raised by the raising unit's member for one of its key results, with who and when", async () => {
    const res = await raise({});
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      state: 'requested', version: 1, description: 'Ventetidstall per fylke til kampanjesidene', neededBy: '2026-12-15',
      fromUnit: { id: o.ids.campaign, name: 'Kampanjeteamet' }, toUnit: { id: o.ids.analysis, name: 'Analyse' },
      keyResult: { id: o.ids.campaignKr, title: 'Nye faste givere' },
      objective: { id: o.ids.campaignObjective, title: 'Gjøre oppropet til en folkebevegelse' },
      raisedBy: { id: o.ids.mia, name: 'Mia Medlem' }, raisedAt: '2026-11-25T10:00:00.000Z', reply: null, unanswered: false,
      steps: [{ state: 'requested', by: { id: o.ids.mia, name: 'Mia Medlem' }, at: '2026-11-25T10:00:00.000Z', note: null }],
      can: { acknowledge: false, decline: false, resolve: false },
    });
    // The asked unit's member sees what they may do with it.
    const seen = await o.ola.get(`/api/v1/dependencies/${res.body.id}`);
    expect(seen.body.can).toEqual({ acknowledge: true, decline: true, resolve: false });
  });

  it('is refused to a member of another unit (403), and taken from an admin', async () => {
    expectProblem(await raise({}, () => o.per), 403, 'a member of a third unit');
    expectProblem(await raise({}, () => o.ola), 403, 'a member of the asked unit');
    const byAdmin = await raise({ keyResultId: undefined, objectiveId: o.ids.campaignObjective }, () => o.admin);
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body).toMatchObject({ keyResult: null, objective: { id: o.ids.campaignObjective } });
  });

  it('names the field of a request that does not fit', async () => {
    expectProblem(await raise({ toUnitId: o.ids.campaign }), 422, 'on itself', { fields: ['toUnitId'], only: true });
    expectProblem(await raise({ toUnitId: '019a0000-0000-7000-8000-000000000000' }), 422, 'an unknown unit', { fields: ['toUnitId'], only: true });
    expectProblem(await raise({ fromUnitId: '019a0000-0000-7000-8000-000000000000' }), 422, 'an unknown raising unit', { fields: ['fromUnitId'], only: true });
    expectProblem(await raise({ keyResultId: o.ids.analysisKr }), 422, "another unit's key result", { fields: ['keyResultId'], only: true });
    expectProblem(await raise({ keyResultId: undefined, objectiveId: o.ids.analysisObjective }), 422, "another unit's objective", { fields: ['objectiveId'], only: true });
    expectProblem(await raise({ description: '  ' }), 400, 'no description', { fields: ['description'], only: true });
    expectProblem(await raise({ neededBy: '2026-02-30' }), 400, 'no such date', { fields: ['neededBy'], only: true });
    expectProblem(await raise({ urgent: true }), 400, 'an unknown field', { fields: ['urgent'], only: true });
  });

  it('walks requested → acknowledged → resolved, each step by its side, with who and when', async () => {
    const d = (await raise({})).body;
    t.clock.advance(3_600_000);
    expectProblem(await o.mia.patch(`/api/v1/dependencies/${d.id}`, { version: 1, state: 'acknowledged' }), 403, 'the raising side acknowledging');
    expectProblem(await o.per.patch(`/api/v1/dependencies/${d.id}`, { version: 1, state: 'acknowledged' }), 403, 'a third unit acknowledging');
    expectProblem(await o.per.patch(`/api/v1/dependencies/${d.id}`, { version: 1, state: 'resolved' }), 403, 'a third unit resolving');
    expect((await o.mia.get(`/api/v1/dependencies/${d.id}`)).body).toMatchObject({ state: 'requested', version: 1, steps: [{ state: 'requested' }] });

    const acknowledged = await o.ola.patch(`/api/v1/dependencies/${d.id}`, { version: 1, state: 'acknowledged', reply: ' Vi leverer tallene innen 10. desember ' });
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(200);
    expect(acknowledged.body).toMatchObject({ state: 'acknowledged', version: 2, reply: 'Vi leverer tallene innen 10. desember', can: { acknowledge: false, decline: false, resolve: true } });
    expect(acknowledged.body.steps[1]).toEqual({ state: 'acknowledged', by: { id: o.ids.ola, name: 'Ola Annen' }, at: '2026-11-25T11:00:00.000Z', note: 'Vi leverer tallene innen 10. desember' });
    expectProblem(await o.ola.patch(`/api/v1/dependencies/${d.id}`, { version: 1, state: 'resolved' }), 409, 'a stale version', { fields: ['version'], only: true });
    expectProblem(await o.ola.patch(`/api/v1/dependencies/${d.id}`, { version: 2, state: 'acknowledged' }), 409, 'acknowledged twice', { fields: ['state'], only: true });
    expectProblem(await o.ola.patch(`/api/v1/dependencies/${d.id}`, { version: 2, state: 'declined', reply: 'Likevel ikke' }), 409, 'declined once acknowledged', { fields: ['state'], only: true });

    t.clock.advance(3_600_000);
    const resolved = await o.mia.patch(`/api/v1/dependencies/${d.id}`, { version: 2, state: 'resolved', reply: 'Tallene er på plass' });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ state: 'resolved', version: 3, reply: 'Vi leverer tallene innen 10. desember', can: { acknowledge: false, decline: false, resolve: false } });
    expect(resolved.body.steps.map((s: { state: string; by: { name: string }; at: string }) => [s.state, s.by.name, s.at])).toEqual([
      ['requested', 'Mia Medlem', '2026-11-25T10:00:00.000Z'], ['acknowledged', 'Ola Annen', '2026-11-25T11:00:00.000Z'], ['resolved', 'Mia Medlem', '2026-11-25T12:00:00.000Z'],
    ]);
    expectProblem(await o.mia.patch(`/api/v1/dependencies/${d.id}`, { version: 3, state: 'requested' }), 409, 'back to requested', { fields: ['state'], only: true });
    expectProblem(await o.mia.patch(`/api/v1/dependencies/${d.id}`, { version: 3, state: 'waiting' }), 400, 'no such state', { fields: ['state'], only: true });

    const events = (await listEvents(t.deps.store.db, o.ids.orgId, { subjectId: d.id }, 10)).reverse();
    expect(events.map((e) => [e.type, e.actor?.name])).toEqual([
      ['dependency.requested', 'Mia Medlem'], ['dependency.acknowledged', 'Ola Annen'], ['dependency.resolved', 'Mia Medlem'],
    ]);
    expect(events[0]!.subject).toMatchObject({ kind: 'dependency', unitId: o.ids.campaign, objectiveId: o.ids.campaignObjective, keyResultId: o.ids.campaignKr });
    expect(events[1]!.changes).toEqual([{ field: 'state', before: 'requested', after: 'acknowledged' }, { field: 'reply', before: null, after: 'Vi leverer tallene innen 10. desember' }]);
    expect(events[2]!.changes).toEqual([{ field: 'state', before: 'acknowledged', after: 'resolved' }]);
  });

  it('is declined only with its reason, and the asked side may resolve it too', async () => {
    const d = (await raise({})).body;
    expectProblem(await o.mia.patch(`/api/v1/dependencies/${d.id}`, { version: 1, state: 'resolved' }), 409, 'resolved before an answer', { fields: ['state'], only: true });
    expectProblem(await o.ola.patch(`/api/v1/dependencies/${d.id}`, { version: 1, state: 'declined' }), 422, 'a decline without a reason', { fields: ['reply'], only: true });
    expectProblem(await o.ola.patch(`/api/v1/dependencies/${d.id}`, { version: 1, state: 'declined', reply: '   ' }), 422, 'a blank reason', { fields: ['reply'], only: true });
    const declined = await o.ola.patch(`/api/v1/dependencies/${d.id}`, { version: 1, state: 'declined', reply: 'Vi har ikke kapasitet før i mars' });
    expect(declined.body).toMatchObject({ state: 'declined', reply: 'Vi har ikke kapasitet før i mars', can: { resolve: true } });
    const resolved = await o.ola.patch(`/api/v1/dependencies/${d.id}`, { version: 2, state: 'resolved' });
    expect(resolved.body).toMatchObject({ state: 'resolved', steps: [{ state: 'requested' }, { state: 'declined' }, { state: 'resolved', by: { name: 'Ola Annen' }, note: null }] });
  });

  it('lists both directions of a unit, by state, a page at a time', async () => {
    const back = await o.ola.post('/api/v1/dependencies', { fromUnitId: o.ids.analysis, toUnitId: o.ids.campaign, description: 'Historier fra pasientene' });
    expect(back.status).toBe(201);
    const ofAnalysis = (await o.per.get(`/api/v1/dependencies?unit=${o.ids.analysis}`)).body.items as Array<{ id: string; fromUnit: { id: string }; toUnit: { id: string } }>;
    expect(ofAnalysis.every((d) => d.fromUnit.id === o.ids.analysis || d.toUnit.id === o.ids.analysis)).toBe(true);
    expect(ofAnalysis.map((d) => d.id)).toContain(back.body.id);
    expect(ofAnalysis.some((d) => d.toUnit.id === o.ids.analysis)).toBe(true);
    expect((await o.per.get(`/api/v1/dependencies?unit=${o.ids.third}`)).body.items).toEqual([]);
    const open = (await o.per.get(`/api/v1/dependencies?unit=${o.ids.campaign}&state=open`)).body.items as Array<{ state: string }>;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((d) => d.state !== 'resolved')).toBe(true);
    const resolved = (await o.per.get(`/api/v1/dependencies?unit=${o.ids.campaign}&state=resolved`)).body.items as Array<{ state: string }>;
    expect(resolved.map((d) => d.state)).toEqual(['resolved', 'resolved']);
    const first = await o.per.get(`/api/v1/dependencies?unit=${o.ids.campaign}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    const second = await o.per.get(`/api/v1/dependencies?unit=${o.ids.campaign}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id > first.body.items[1].id).toBe(true);
    expectProblem(await o.per.get('/api/v1/dependencies?unitId=x'), 400, 'a misspelt filter', { fields: ['unitId'] });
    expectProblem(await o.per.get('/api/v1/dependencies?state=waiting'), 400, 'no such state', { fields: ['state'] });
    expectProblem(await o.per.get('/api/v1/dependencies/019a0000-0000-7000-8000-000000000000'), 404, 'no such dependency');
    expectProblem(await o.ola.patch('/api/v1/dependencies/019a0000-0000-7000-8000-000000000000', { version: 1, state: 'acknowledged' }), 404, 'no such dependency');
  });

  it('is not raised from an archived unit', async () => {
    const unit = (await o.admin.post('/api/v1/units', { parentId: o.ids.root, name: 'Prosjekt', members: [{ personId: o.ids.mia, role: 'member' }] })).body;
    expect((await o.admin.patch(`/api/v1/units/${unit.id}`, { version: unit.version, archived: true })).status).toBe(200);
    expectProblem(await raise({ fromUnitId: unit.id, keyResultId: undefined }), 409, 'from an archived unit', { fields: ['fromUnitId'], only: true });
    expectProblem(await raise({ toUnitId: unit.id }), 422, 'on an archived unit', { fields: ['toUnitId'], only: true });
  });

  it('is marked once it has waited a week for an answer (last: the week ends the sessions)', async () => {
    const d = (await raise({})).body;
    // A week ends every session: the asked member signs in again.
    t.clock.advance(7 * 86_400_000 - 1);
    const ola = await t.signIn('ola@example.no', PASSWORD);
    expect((await ola.get(`/api/v1/dependencies/${d.id}`)).body.unanswered).toBe(false);
    t.clock.advance(1);
    expect((await ola.get(`/api/v1/dependencies/${d.id}`)).body.unanswered).toBe(true);
    expect((await ola.get(`/api/v1/dependencies?unit=${o.ids.analysis}&state=requested`)).body.items.find((x: { id: string }) => x.id === d.id).unanswered).toBe(true);
    const answered = await ola.patch(`/api/v1/dependencies/${d.id}`, { version: 1, state: 'acknowledged' });
    expect(answered.body).toMatchObject({ unanswered: false, reply: null });
  });
});
