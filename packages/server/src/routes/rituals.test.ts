// The cycle carries its rituals and the units their check-in rhythm (issue 13), on every store:
// ritual dates set, cleared and refused out of order naming the field; the organisation's weekday
// and cadence, a unit's own or the organisation's (null), and Mine counting the unit's cadence; a
// cycle's activation refused (409) while units have unpublished drafts, naming them, unless confirmed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { coordinationOrg, PASSWORD, type CoordinationOrg } from '../testing/coordination.js';
import { listEvents } from '../store/events.js';

describe.each(storeKinds())('rituals and check-in rhythm on %s', (kind) => {
  let t: TestApp;
  let o: CoordinationOrg;
  let next: { id: string; version: number };

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    o = await coordinationOrg(t);
  });
  afterAll(async () => { await t?.close(); });

  it('adds a cycle with its planning window, review and retrospective, and shows them', async () => {
    const res = await o.admin.post('/api/v1/periods', {
      kind: 'cycle', name: 'Q1 2027', startDate: '2027-01-01', endDate: '2027-03-31',
      planningStartDate: '2026-12-07', planningEndDate: '2026-12-18', reviewDate: '2027-03-29', retrospectiveDate: '2027-03-31',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ state: 'planning', planningStartDate: '2026-12-07', planningEndDate: '2026-12-18', reviewDate: '2027-03-29', retrospectiveDate: '2027-03-31' });
    next = res.body;
    const listed = (await o.mia.get('/api/v1/periods?kind=cycle')).body.items.find((p: { id: string }) => p.id === next.id);
    expect(listed).toMatchObject({ reviewDate: '2027-03-29' });
    const current = (await o.mia.get(`/api/v1/periods/${o.ids.cycle}`)).body;
    expect(current).toMatchObject({ planningStartDate: null, planningEndDate: null, reviewDate: null, retrospectiveDate: null });
  });

  it('refuses ritual dates that are not dates (400) or out of order in the body (400), naming the field', async () => {
    const base = { kind: 'cycle', name: 'Q2 2027', startDate: '2027-04-01', endDate: '2027-06-30' };
    const notDate = expectProblem(await o.admin.post('/api/v1/periods', { ...base, reviewDate: '2027-06-31' }), 400, 'no such day', { fields: ['reviewDate'], only: true });
    expect(notDate[0]!.code).toBe('invalid_date');
    const order = expectProblem(await o.admin.post('/api/v1/periods', { ...base, planningStartDate: '2027-03-20', planningEndDate: '2027-03-10' }), 400, 'window backwards', { fields: ['planningEndDate'], only: true });
    expect(order[0]).toMatchObject({ code: 'too_early', params: { after: 'planningStartDate', date: '2027-03-20' } });
    expectProblem(await o.admin.post('/api/v1/periods', { ...base, reviewDate: '2027-06-28', retrospectiveDate: '2027-06-20' }), 400, 'retro before review', { fields: ['retrospectiveDate'], only: true });
  });

  it('judges a change against the dates it leaves as they were (422), and clears a date with null', async () => {
    const early = await o.admin.patch(`/api/v1/periods/${next.id}`, { version: next.version, retrospectiveDate: '2027-03-01' });
    const errors = expectProblem(early, 422, 'retro before the stored review', { fields: ['retrospectiveDate'], only: true });
    expect(errors[0]).toMatchObject({ code: 'too_early', params: { after: 'reviewDate', date: '2027-03-29' } });
    const later = await o.admin.patch(`/api/v1/periods/${next.id}`, { version: next.version, startDate: '2027-03-30' });
    expectProblem(later, 422, 'cycle starts after its review', { fields: ['reviewDate'], only: true });

    const cleared = await o.admin.patch(`/api/v1/periods/${next.id}`, { version: next.version, retrospectiveDate: null, reviewDate: '2027-03-30' });
    expect(cleared.status, JSON.stringify(cleared.body)).toBe(200);
    expect(cleared.body).toMatchObject({ retrospectiveDate: null, reviewDate: '2027-03-30', planningStartDate: '2026-12-07' });
    next = cleared.body;
    const [event] = await listEvents(t.deps.store.db, o.ids.orgId, { subjectId: next.id, types: ['period.changed'] }, 1);
    expect(event!.changes).toEqual(expect.arrayContaining([
      { field: 'reviewDate', before: '2027-03-29', after: '2027-03-30' },
      { field: 'retrospectiveDate', before: '2027-03-31', after: null },
    ]));
  });

  it("gives the organisation a check-in weekday and cadence, whose days follow the cadence", async () => {
    const org = (await o.admin.get('/api/v1/organisation')).body;
    expect(org).toMatchObject({ checkInWeekday: 1, checkInCadence: 'weekly', checkInCadenceDays: 7 });
    const biweekly = await o.admin.patch('/api/v1/organisation', { version: org.version, checkInCadence: 'biweekly', checkInWeekday: 3 });
    expect(biweekly.body).toMatchObject({ checkInWeekday: 3, checkInCadence: 'biweekly', checkInCadenceDays: 14 });
    const days = await o.admin.patch('/api/v1/organisation', { version: biweekly.body.version, checkInCadenceDays: 7, checkInWeekday: 1 });
    expect(days.body).toMatchObject({ checkInWeekday: 1, checkInCadence: 'weekly', checkInCadenceDays: 7 });
    expectProblem(await o.admin.patch('/api/v1/organisation', { version: days.body.version, checkInWeekday: 8 }), 400, 'weekday 8', { fields: ['checkInWeekday'], only: true });
    expectProblem(await o.admin.patch('/api/v1/organisation', { version: days.body.version, checkInCadence: 'monthly' }), 400, 'monthly', { fields: ['checkInCadence'], only: true });
  });

  it("lets a unit keep its own weekday and cadence, or take the organisation's with null", async () => {
    const unit = (await o.admin.get(`/api/v1/units/${o.ids.campaign}`)).body;
    expect(unit).toMatchObject({ checkInWeekday: null, checkInCadence: null, checkIn: { weekday: 1, cadence: 'weekly', cadenceDays: 7, inherited: true } });
    const own = await o.admin.patch(`/api/v1/units/${o.ids.campaign}`, { version: unit.version, checkInWeekday: 4, checkInCadence: 'biweekly' });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body).toMatchObject({ checkInWeekday: 4, checkInCadence: 'biweekly', checkIn: { weekday: 4, cadence: 'biweekly', cadenceDays: 14, inherited: false } });
    const listed = (await o.mia.get('/api/v1/units')).body.items;
    expect(listed.find((u: { id: string }) => u.id === o.ids.analysis).checkIn).toEqual({ weekday: 1, cadence: 'weekly', cadenceDays: 7, inherited: true });
    const [event] = await listEvents(t.deps.store.db, o.ids.orgId, { subjectId: o.ids.campaign, types: ['unit.changed'] }, 1);
    expect(event!.changes).toEqual(expect.arrayContaining([{ field: 'checkInCadence', before: null, after: 'biweekly' }]));
    expectProblem(await o.admin.patch(`/api/v1/units/${o.ids.campaign}`, { version: own.body.version, checkInWeekday: 0 }), 400, 'weekday 0', { fields: ['checkInWeekday'], only: true });
    expectProblem(await o.mia.patch(`/api/v1/units/${o.ids.campaign}`, { version: own.body.version, checkInWeekday: 2 }), 403, 'a member changes units');

    const made = await o.admin.post('/api/v1/units', { parentId: o.ids.area, name: 'Ukeslaget', checkInWeekday: 5 });
    expect(made.body).toMatchObject({ checkInWeekday: 5, checkInCadence: null, checkIn: { weekday: 5, cadence: 'weekly', inherited: false } });
    const back = await o.admin.patch(`/api/v1/units/${made.body.id}`, { version: made.body.version, checkInWeekday: null });
    expect(back.body.checkIn).toMatchObject({ weekday: 1, inherited: true });
  });

  it("counts a key result due by its unit's cadence and weekday in Mine: biweekly is not late after one week", async () => {
    // Mia owns a key result in Kampanjeteamet (biweekly on Thursdays now: 1 October, the quarter's
    // first day, then every other Thursday: 26 November, 10 December) and one in Analyse (the
    // organisation's weekly Monday). Both are checked in on Thursday 26 November.
    t.clock.set('2026-11-26T10:00:00Z');
    const admin = await t.signIn('kari@example.no', PASSWORD);
    const campaignKr = (await admin.post('/api/v1/key-results', { objectiveId: o.ids.campaignObjective, title: 'Underskrifter', type: 'increase', start: 0, target: 100, measure: 'underskrifter', ownerId: o.ids.mia })).body;
    const analysisKr = (await admin.post('/api/v1/key-results', { objectiveId: o.ids.analysisObjective, title: 'Rapporter', type: 'increase', start: 0, target: 10, measure: 'rapporter', ownerId: o.ids.mia })).body;
    expect((await admin.post(`/api/v1/key-results/${campaignKr.id}/check-ins`, { value: 10, confidence: 7 })).status).toBe(201);
    expect((await admin.post(`/api/v1/key-results/${analysisKr.id}/check-ins`, { value: 1, confidence: 7 })).status).toBe(201);
    t.clock.advance(7 * 86_400_000);
    // A fresh session each time: days later, the old one has ended.
    const due = async () => new Map(((await (await t.signIn('mia@example.no', PASSWORD)).get('/api/v1/me/work')).body.keyResults as Array<{ id: string; checkInDue: boolean }>).map((k) => [k.id, k.checkInDue]));
    let mine = await due();
    expect(mine.get(analysisKr.id)).toBe(true);
    expect(mine.get(campaignKr.id)).toBe(false);
    // Wednesday 9 December: the next check-in day is still to come.
    t.clock.advance(6 * 86_400_000);
    mine = await due();
    expect(mine.get(campaignKr.id)).toBe(false);
    t.clock.advance(1 * 86_400_000);
    mine = await due();
    expect(mine.get(campaignKr.id)).toBe(true);
    t.clock.set('2026-11-25T10:00:00Z');
  });

  it('refuses to make a cycle active while units have unpublished drafts, naming them, and starts it when confirmed', async () => {
    // The running cycle goes to review first: one active cycle at a time.
    const running = (await o.admin.get(`/api/v1/periods/${o.ids.cycle}`)).body;
    expect((await o.admin.patch(`/api/v1/periods/${o.ids.cycle}`, { version: running.version, state: 'review' })).status).toBe(200);
    for (const [unitId, title] of [[o.ids.campaign, 'Flere givere'], [o.ids.campaign, 'Flere frivillige'], [o.ids.analysis, 'Bedre tall']] as const) {
      expect((await o.admin.post('/api/v1/objectives', { unitId, periodId: next.id, title, status: 'draft' })).status).toBe(201);
    }
    expect((await o.admin.post('/api/v1/objectives', { unitId: o.ids.third, periodId: next.id, title: 'Allerede publisert', status: 'active' })).status).toBe(201);
    // An archived unit's drafts cannot be published (its OKRs are read-only), so they do not hold the cycle back.
    expect((await o.admin.post('/api/v1/objectives', { unitId: o.ids.third, periodId: next.id, title: 'Aldri publisert' })).status).toBe(201);
    const third = (await o.admin.get(`/api/v1/units/${o.ids.third}`)).body;
    expect((await o.admin.patch(`/api/v1/units/${o.ids.third}`, { version: third.version, archived: true })).status).toBe(200);

    const stale = expectProblem(await o.admin.patch(`/api/v1/periods/${next.id}`, { version: next.version - 1, state: 'active' }), 409, 'stale activation', { fields: ['version'], only: true });
    expect(stale[0]!.code).toBe('stale');
    const refused = await o.admin.patch(`/api/v1/periods/${next.id}`, { version: next.version, state: 'active' });
    const errors = expectProblem(refused, 409, 'drafts unpublished', { fields: ['state'], only: true });
    expect(errors[0]).toMatchObject({ code: 'unpublished_drafts', params: { count: 2, units: 'Analyse, Kampanjeteamet' } });
    expect(refused.body.units).toEqual([{ id: o.ids.analysis, name: 'Analyse', draftCount: 1 }, { id: o.ids.campaign, name: 'Kampanjeteamet', draftCount: 2 }]);
    expect(refused.body.detail).toContain('Kampanjeteamet (2 drafts)');
    expect((await o.admin.get(`/api/v1/periods/${next.id}`)).body).toMatchObject({ state: 'planning', version: next.version });

    expectProblem(await o.admin.patch(`/api/v1/periods/${next.id}`, { version: next.version, state: 'active', confirm: 'yes' }), 400, 'confirm not a boolean', { fields: ['confirm'], only: true });
    const started = await o.admin.patch(`/api/v1/periods/${next.id}`, { version: next.version, state: 'active', confirm: true });
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.state).toBe('active');
    // The drafts stay drafts: confirming starts the cycle, it publishes nothing.
    const drafts = (await o.admin.get(`/api/v1/objectives?period=${next.id}&status=draft`)).body.items;
    expect(drafts).toHaveLength(4);
  });
});
