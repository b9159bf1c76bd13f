// A unit's backlog (issue 13), on every store: a draft parked (status backlog, no period) with its
// key results, listed only by status=backlog, out of every period's lists and roll-ups, taking no
// check-ins; pulled back as a draft into a cycle in planning or active; the wrong moves refused
// naming the field; each move recorded as objective.changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { coordinationOrg, type CoordinationOrg } from '../testing/coordination.js';
import { listEvents } from '../store/events.js';

describe.each(storeKinds())('the backlog on %s', (kind) => {
  let t: TestApp;
  let o: CoordinationOrg;
  let parked: { id: string; version: number; keyResults: Array<{ id: string }> };
  let planning: string;
  let closed: string;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    o = await coordinationOrg(t);
    planning = (await o.admin.post('/api/v1/periods', { kind: 'cycle', name: 'Q1 2027', startDate: '2027-01-01', endDate: '2027-03-31' })).body.id;
    closed = (await o.admin.post('/api/v1/periods', { kind: 'cycle', name: 'Q3 2026', startDate: '2026-07-01', endDate: '2026-09-30', state: 'closed' })).body.id;
  });
  afterAll(async () => { await t?.close(); });

  it("parks a draft with its key results: status backlog, no period, in the unit's backlog and no period's list", async () => {
    const draft = (await o.mia.get(`/api/v1/objectives/${o.ids.campaignObjective}`)).body;
    const res = await o.mia.patch(`/api/v1/objectives/${draft.id}`, { version: draft.version, status: 'backlog' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'backlog', periodId: null, keyResults: [{ id: o.ids.campaignKr, title: 'Nye faste givere' }], can: { edit: true, checkIn: false } });
    expect(res.body.keyResults[0].can.checkIn).toBe(false);
    parked = res.body;

    const backlog = (await o.per.get(`/api/v1/objectives?unit=${o.ids.campaign}&status=backlog`)).body.items;
    expect(backlog.map((x: { id: string }) => x.id)).toEqual([parked.id]);
    expect((await o.mia.get(`/api/v1/objectives?unit=${o.ids.campaign}&period=${o.ids.cycle}`)).body.items.map((x: { id: string }) => x.id)).not.toContain(parked.id);
    expect((await o.mia.get(`/api/v1/objectives?unit=${o.ids.campaign}`)).body.items.map((x: { id: string }) => x.id)).not.toContain(parked.id);
    expect((await o.mia.get(`/api/v1/objectives?unit=${o.ids.analysis}&status=backlog`)).body.items).toEqual([]);

    const [event] = await listEvents(t.deps.store.db, o.ids.orgId, { subjectId: parked.id, types: ['objective.changed'] }, 1);
    expect(event!.changes).toEqual([{ field: 'status', before: 'draft', after: 'backlog' }, { field: 'periodId', before: o.ids.cycle, after: null }]);
  });

  it('counts a parked objective in no roll-up and shows it on no progress page; its key result takes no check-in', async () => {
    const kr = (await o.admin.post('/api/v1/key-results', { objectiveId: parked.id, title: 'Halvveis', type: 'increase', start: 0, target: 10, measure: 'stk' })).body;
    expect(kr.can.checkIn).toBe(false);
    const team = (await o.mia.get(`/api/v1/units/${o.ids.campaign}/progress?period=${o.ids.cycle}`)).body;
    expect(team.objectives.map((x: { id: string }) => x.id)).not.toContain(parked.id);
    expect(team).toMatchObject({ objectiveCount: 0, subtreeObjectiveCount: 0 });
    const refused = await o.mia.post(`/api/v1/key-results/${o.ids.campaignKr}/check-ins`, { value: 10, confidence: 7 });
    expect(expectProblem(refused, 422, 'check-in on a parked key result', { fields: ['id'], only: true })[0]!.code).toBe('objective_in_backlog');
    expect((await o.mia.get(`/api/v1/key-results/${o.ids.campaignKr}`)).body).toMatchObject({ current: null, can: { checkIn: false } });
    parked = (await o.mia.get(`/api/v1/objectives/${parked.id}`)).body;
    expect(parked.keyResults).toHaveLength(2);
  });

  it('refuses to park an active objective, a park naming a period, and a parked objective given a period without being pulled', async () => {
    const active = (await o.ola.get(`/api/v1/objectives/${o.ids.analysisObjective}`)).body;
    const notDraft = expectProblem(await o.ola.patch(`/api/v1/objectives/${active.id}`, { version: active.version, status: 'backlog' }), 422, 'active parked', { fields: ['status'], only: true });
    expect(notDraft[0]!.code).toBe('park_drafts_only');
    const draft = (await o.ola.post('/api/v1/objectives', { unitId: o.ids.analysis, periodId: o.ids.cycle, title: 'Senere' })).body;
    expectProblem(await o.ola.patch(`/api/v1/objectives/${draft.id}`, { version: draft.version, status: 'backlog', periodId: planning }), 422, 'park with a period', { fields: ['periodId'], only: true });
    expectProblem(await o.mia.patch(`/api/v1/objectives/${parked.id}`, { version: parked.version, periodId: planning }), 422, 'period without pull', { fields: ['periodId'], only: true });
    expectProblem(await o.admin.post('/api/v1/objectives', { unitId: o.ids.analysis, periodId: o.ids.cycle, title: 'Rett i backlog', status: 'backlog' }), 422, 'created parked', { fields: ['status'], only: true });
    expectProblem(await o.per.patch(`/api/v1/objectives/${draft.id}`, { version: draft.version, status: 'backlog' }), 403, "another unit's member parks");
  });

  it('pulls a parked objective as a draft only into a cycle in planning or active, naming the field', async () => {
    const pull = (body: object) => o.mia.patch(`/api/v1/objectives/${parked.id}`, { version: parked.version, ...body });
    expect(expectProblem(await pull({ status: 'draft' }), 422, 'no period', { fields: ['periodId'], only: true })[0]!.code).toBe('required');
    expect(expectProblem(await pull({ status: 'draft', periodId: closed }), 422, 'closed cycle', { fields: ['periodId'], only: true })[0]!.code).toBe('period_not_open');
    expect(expectProblem(await pull({ status: 'draft', periodId: o.ids.year }), 422, 'a year', { fields: ['periodId'], only: true })[0]!.code).toBe('period_not_open');
    expect(expectProblem(await pull({ status: 'draft', periodId: 'nope' }), 422, 'unknown period', { fields: ['periodId'], only: true })[0]!.code).toBe('unknown_period');
    expect(expectProblem(await pull({ status: 'active', periodId: planning }), 422, 'straight to active', { fields: ['status'], only: true })[0]!.code).toBe('pull_as_draft');

    const pulled = await pull({ status: 'draft', periodId: planning });
    expect(pulled.status, JSON.stringify(pulled.body)).toBe(200);
    expect(pulled.body).toMatchObject({ status: 'draft', periodId: planning, keyResults: [{ id: o.ids.campaignKr }, { title: 'Halvveis' }] });
    expect((await o.mia.get(`/api/v1/objectives?unit=${o.ids.campaign}&status=backlog`)).body.items).toEqual([]);
    expect((await o.mia.get(`/api/v1/objectives?unit=${o.ids.campaign}&period=${planning}`)).body.items.map((x: { id: string }) => x.id)).toEqual([parked.id]);
    const [event] = await listEvents(t.deps.store.db, o.ids.orgId, { subjectId: parked.id, types: ['objective.changed'] }, 1);
    expect(event!.changes).toEqual([{ field: 'status', before: 'backlog', after: 'draft' }, { field: 'periodId', before: null, after: planning }]);
  });

  it('deletes a parked objective into the trash and restores it without a period', async () => {
    const draft = (await o.mia.post('/api/v1/objectives', { unitId: o.ids.campaign, periodId: o.ids.cycle, title: 'Kanskje neste år', keyResults: [{ title: 'Noe', type: 'milestone' }] })).body;
    const gone = (await o.mia.patch(`/api/v1/objectives/${draft.id}`, { version: draft.version, status: 'backlog' })).body;
    const deletion = await o.mia.del(`/api/v1/objectives/${gone.id}`);
    expect(deletion.status, JSON.stringify(deletion.body)).toBe(200);
    const restored = await o.mia.post(`/api/v1/trash/${deletion.body.undoId}/restore`);
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect((await o.mia.get(`/api/v1/objectives/${gone.id}`)).body).toMatchObject({ status: 'backlog', periodId: null, keyResults: [{ title: 'Noe' }] });
  });
});
