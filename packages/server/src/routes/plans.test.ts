// The planning workshop through the API (issue 13): a unit's plan for a cycle read in one answer
// with the coach's hints, what it pays into, its dependencies and proposals; the checklist
// answered and merged by question, a stale version refused; publishing refused while a question
// is unanswered and then turning the drafts active, counted in the roll-up, with its events;
// hints dismissed with a reason and taken back; drafts proposed upward and adopted. Everyone
// reads; only the unit's members and admins write (403 for a member of another unit).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { coordinationOrg, type CoordinationOrg } from '../testing/coordination.js';
import { listEvents } from '../store/events.js';

type Hint = { code: string; severity: string; params: Record<string, string | number>; dismissal: null | { id: string; reason: string; by: { name: string } | null; at: string } };
type Kr = { id: string; title: string; hints: Hint[] };
type Objective = { id: string; title: string; status: string; unitId: string; hints: Hint[]; keyResults: Kr[]; alignments: Array<{ objectiveId?: string }> };

describe.each(storeKinds())('plans on %s', (kind) => {
  let t: TestApp;
  let o: CoordinationOrg;
  /** Kampanjeteamet's second draft: a task-like key result, one without a number. */
  let workshop: Objective;
  const planUrl = (unitId = o.ids.campaign, periodId = o.ids.cycle) => `/api/v1/units/${unitId}/plans/${periodId}`;
  const plan = async (as: Client = o.per, unitId?: string) => {
    const res = await as.get(planUrl(unitId));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    o = await coordinationOrg(t);
    const res = await o.mia.post('/api/v1/objectives', {
      unitId: o.ids.campaign, periodId: o.ids.cycle, title: 'Flere frivillige som blir', ownerIds: [o.ids.mia], alignments: [{ objectiveId: o.ids.areaObjective }],
      keyResults: [
        { title: 'Arrangere fire kurs for nye frivillige', type: 'increase', start: 0, target: 4, measure: 'kurs', ownerId: o.ids.mia },
        { title: 'Frivillige som blir et år', type: 'increase', start: 40, target: 60, measure: '', ownerId: o.ids.mia },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    workshop = res.body;
  });
  afterAll(async () => { await t?.close(); });

  it("is read by anyone in the organisation: the four questions, the drafts with the coach's hints, and what they pay into", async () => {
    const p = await plan(o.per);
    expect(p).toMatchObject({ unitId: o.ids.campaign, periodId: o.ids.cycle, version: 1, publishedAt: null, publishedBy: null, backlog: [], can: { edit: false, publish: false } });
    expect(p.checklist).toEqual([
      { question: 'paysIntoMoals', answer: null, note: '' }, { question: 'ambitiousYetRealistic', answer: null, note: '' },
      { question: 'noContradictions', answer: null, note: '' }, { question: 'dependenciesKnown', answer: null, note: '' },
    ]);
    const objectives = p.objectives as Objective[];
    expect(objectives.map((x) => [x.title, x.status])).toEqual([['Gjøre oppropet til en folkebevegelse', 'draft'], ['Flere frivillige som blir', 'draft']]);
    const [task, noNumber] = objectives[1]!.keyResults;
    expect(task!.hints).toEqual([{ code: 'task-like', severity: 'warning', params: { verb: 'Arrangere' }, dismissal: null }]);
    expect(noNumber!.hints).toEqual([{ code: 'no-number', severity: 'warning', params: {}, dismissal: null }]);
    expect(objectives[1]!.hints).toEqual([]);
    // The first draft has no owner, nor has its key result.
    expect(objectives[0]!.hints.map((h) => h.code)).toEqual(['no-owner']);
    expect(objectives[0]!.keyResults[0]!.hints.map((h) => h.code)).toEqual(['no-owner']);
    // Mia owns no initiative in the cycle.
    expect(p.hints).toEqual([{ code: 'member-without-initiative', severity: 'advice', params: { personId: o.ids.mia, name: 'Mia Medlem' }, dismissal: null }]);
    expect(p.context.moals.map((m: Objective) => m.title).sort()).toEqual(['Et fellesskap som vokser', 'Raskere tilgang til ny behandling']);
    expect(p.context.parentObjectives.map((m: Objective) => m.title).sort()).toEqual(['Bli den mest brukte kilden', 'Legge press på beslutningstakerne']);
    expect(p.context).toMatchObject({ mission: expect.any(String), themes: expect.any(Array) });
    expect((await plan(o.mia)).can).toEqual({ edit: true, publish: true });
    expect((await plan(o.admin)).can).toEqual({ edit: true, publish: true });
  });

  it('carries the same hints wherever the objectives are served, and none on published ones', async () => {
    const one = (await o.per.get(`/api/v1/objectives/${workshop.id}`)).body as Objective;
    expect(one.keyResults.map((k) => k.hints.map((h) => h.code))).toEqual([['task-like'], ['no-number']]);
    const list = (await o.per.get(`/api/v1/objectives?unit=${o.ids.campaign}&period=${o.ids.cycle}`)).body.items as Objective[];
    expect(list.find((x) => x.id === o.ids.campaignObjective)!.hints.map((h) => h.code)).toEqual(['no-owner']);
    const page = (await o.per.get(`/api/v1/units/${o.ids.campaign}/progress?period=${o.ids.cycle}`)).body;
    const onPage = page.objectives.find((x: Objective) => x.id === workshop.id);
    expect(onPage.keyResults.map((k: Kr) => k.hints.map((h) => h.code))).toEqual([['task-like'], ['no-number']]);
    expect((await o.per.get(`/api/v1/key-results/${workshop.keyResults[0]!.id}`)).body.hints.map((h: Hint) => h.code)).toEqual(['task-like']);
    const active = (await o.per.get(`/api/v1/objectives/${o.ids.analysisObjective}`)).body as Objective;
    expect(active.hints).toEqual([]);
    expect(active.keyResults[0]!.hints).toEqual([]);
  });

  it('names periodId for a period that is not a cycle, or not there', async () => {
    expectProblem(await o.per.get(planUrl(o.ids.campaign, o.ids.year)), 422, 'a year', { fields: ['periodId'], only: true });
    expectProblem(await o.per.get(planUrl(o.ids.campaign, '019a0000-0000-7000-8000-000000000000')), 404, 'no such period', { fields: ['periodId'], only: true });
    expectProblem(await o.per.get(planUrl('019a0000-0000-7000-8000-000000000000')), 404, 'no such unit');
  });
  it('takes a dismissal of a hint with its reason, shows it with the hint, and takes it back', async () => {
    const task = workshop.keyResults[0]!;
    const body = { subjectKind: 'keyResult', subjectId: task.id, code: 'task-like', reason: ' Kursene er selve målet i år ' };
    expectProblem(await o.per.post('/api/v1/hints/dismissals', body), 403, 'a member of another unit');
    expectProblem(await o.mia.post('/api/v1/hints/dismissals', { ...body, subjectId: '019a0000-0000-7000-8000-000000000000' }), 422, 'an unknown subject', { fields: ['subjectId'], only: true });
    expectProblem(await o.mia.post('/api/v1/hints/dismissals', { ...body, reason: ' ' }), 400, 'no reason', { fields: ['reason'], only: true });
    const res = await o.mia.post('/api/v1/hints/dismissals', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ subjectKind: 'keyResult', subjectId: task.id, code: 'task-like', reason: 'Kursene er selve målet i år', by: { id: o.ids.mia, name: 'Mia Medlem' }, at: '2026-11-25T10:00:00.000Z' });
    expectProblem(await o.mia.post('/api/v1/hints/dismissals', body), 409, 'dismissed twice', { fields: ['code'], only: true });
    const shown = ((await plan(o.per)).objectives as Objective[]).find((x) => x.id === workshop.id)!.keyResults[0]!.hints;
    expect(shown).toEqual([{ code: 'task-like', severity: 'warning', params: { verb: 'Arrangere' }, dismissal: { id: res.body.id, reason: 'Kursene er selve målet i år', by: { id: o.ids.mia, name: 'Mia Medlem' }, at: '2026-11-25T10:00:00.000Z' } }]);
    // The same on the objective's own read.
    expect((await o.per.get(`/api/v1/objectives/${workshop.id}`)).body.keyResults[0].hints[0].dismissal.reason).toBe('Kursene er selve målet i år');
    // A hint about the plan as a whole, dismissed by an admin.
    // One such hint per member: a dismissal names whom it is about, and leaves the others' alone.
    const unitWideBody = { subjectKind: 'unit', subjectId: o.ids.campaign, code: 'member-without-initiative', reason: 'Mia er ny og får tiltak i januar' };
    expectProblem(await o.admin.post('/api/v1/hints/dismissals', unitWideBody), 422, 'naming no member', { fields: ['about'], only: true });
    const other = await o.admin.post('/api/v1/hints/dismissals', { ...unitWideBody, about: o.ids.per });
    expect(other.status).toBe(201);
    expect((await plan(o.per)).hints[0].dismissal).toBeNull();
    const unitWide = await o.admin.post('/api/v1/hints/dismissals', { ...unitWideBody, about: o.ids.mia });
    expect(unitWide.status).toBe(201);
    expect(unitWide.body.about).toBe(o.ids.mia);
    expect((await plan(o.per)).hints[0].dismissal).toMatchObject({ reason: 'Mia er ny og får tiltak i januar', by: { name: 'Kari Nordmann' } });

    expectProblem(await o.per.del(`/api/v1/hints/dismissals/${res.body.id}`), 403, 'a member of another unit taking it back');
    const back = await o.mia.del(`/api/v1/hints/dismissals/${res.body.id}`);
    expect(back.status).toBe(204);
    expectProblem(await o.mia.del(`/api/v1/hints/dismissals/${res.body.id}`), 404, 'taken back twice');
    expect(((await plan(o.per)).objectives as Objective[]).find((x) => x.id === workshop.id)!.keyResults[0]!.hints[0]!.dismissal).toBeNull();
    const events = (await listEvents(t.deps.store.db, o.ids.orgId, { subjectId: res.body.id }, 10)).reverse();
    expect(events.map((e) => [e.type, e.actor?.name, e.subject.name])).toEqual([
      ['hint.dismissed', 'Mia Medlem', 'Arrangere fire kurs for nye frivillige'], ['hint.reinstated', 'Mia Medlem', 'Arrangere fire kurs for nye frivillige'],
    ]);
    expect(events[0]!.subject).toMatchObject({ kind: 'hint', unitId: o.ids.campaign, objectiveId: workshop.id, keyResultId: task.id });
    expect(events[0]!.changes).toContainEqual({ field: 'reason', before: null, after: 'Kursene er selve målet i år' });
  });

  it('answers the checklist, merged by question, refusing a stale version and a member of another unit', async () => {
    const url = planUrl();
    expectProblem(await o.per.patch(url, { version: 1, checklist: [{ question: 'paysIntoMoals', answer: 'yes' }] }), 403, 'a member of another unit');
    expectProblem(await o.mia.patch(url, { version: 1, checklist: [{ question: 'paysIntoMoals', answer: 'maybe' }] }), 400, 'no such answer', { fields: ['checklist.0.answer'] });
    expectProblem(await o.mia.patch(url, { version: 1, checklist: [{ question: 'isFun', answer: 'yes' }] }), 400, 'no such question', { fields: ['checklist.0.question'] });
    const first = await o.mia.patch(url, { version: 1, checklist: [
      { question: 'paysIntoMoals', answer: 'yes', note: 'Begge betaler inn til pressarbeidet' }, { question: 'ambitiousYetRealistic', answer: 'partly', note: 'Fire kurs er mye' },
    ] });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.version).toBe(2);
    expect(first.body.checklist.map((c: { answer: string | null }) => c.answer)).toEqual(['yes', 'partly', null, null]);
    expectProblem(await o.admin.patch(url, { version: 1, checklist: [{ question: 'noContradictions', answer: 'yes' }] }), 409, 'a stale version', { fields: ['version'], only: true });
    const second = await o.admin.patch(url, { version: 2, checklist: [{ question: 'noContradictions', answer: 'yes' }, { question: 'ambitiousYetRealistic', answer: 'yes', note: 'Vi kutter til tre kurs' }] });
    expect(second.status).toBe(200);
    expect(second.body.checklist).toEqual([
      { question: 'paysIntoMoals', answer: 'yes', note: 'Begge betaler inn til pressarbeidet' }, { question: 'ambitiousYetRealistic', answer: 'yes', note: 'Vi kutter til tre kurs' },
      { question: 'noContradictions', answer: 'yes', note: '' }, { question: 'dependenciesKnown', answer: null, note: '' },
    ]);
    expect((await plan(o.per)).version).toBe(3);
    const events = (await listEvents(t.deps.store.db, o.ids.orgId, { unitIds: [o.ids.campaign] }, 50)).filter((e) => e.type === 'plan.changed').reverse();
    expect(events.map((e) => e.actor?.name)).toEqual(['Mia Medlem', 'Kari Nordmann']);
    expect(events[0]!.changes[0]).toMatchObject({ field: 'checklist' });
  });

  it('takes a draft proposed upward, lists it in the parent\'s plan, and adopts it there as a linked draft', async () => {
    expectProblem(await o.per.post(`/api/v1/objectives/${workshop.id}/proposal`), 403, 'a member of another unit proposing');
    expectProblem(await o.ola.post(`/api/v1/objectives/${o.ids.analysisObjective}/proposal`), 422, 'a published objective', { fields: ['status'], only: true });
    expectProblem(await o.admin.post(`/api/v1/objectives/${o.ids.moal}/proposal`), 422, "the organisation's own", { fields: ['unitId'], only: true });
    const made = await o.mia.post(`/api/v1/objectives/${workshop.id}/proposal`);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({
      state: 'open', fromUnit: { id: o.ids.campaign, name: 'Kampanjeteamet' }, toUnit: { id: o.ids.area, name: 'Politikk' },
      objective: { id: workshop.id, title: 'Flere frivillige som blir' }, proposedBy: { name: 'Mia Medlem' }, adoptedObjectiveId: null,
    });
    expectProblem(await o.mia.post(`/api/v1/objectives/${workshop.id}/proposal`), 409, 'proposed twice', { fields: ['id'], only: true });
    const area = await plan(o.per, o.ids.area);
    expect(area.proposals.received.map((p: { id: string }) => p.id)).toEqual([made.body.id]);
    expect((await plan(o.per)).proposals.sent.map((p: { id: string; state: string }) => [p.id, p.state])).toEqual([[made.body.id, 'open']]);

    expectProblem(await o.per.post(`/api/v1/proposals/${made.body.id}/adopt`), 403, 'a member of another unit adopting');
    expectProblem(await o.mia.post(`/api/v1/proposals/${made.body.id}/adopt`), 403, 'the proposing unit adopting its own');
    const adopted = await o.lise.post(`/api/v1/proposals/${made.body.id}/adopt`);
    expect(adopted.status, JSON.stringify(adopted.body)).toBe(200);
    expect(adopted.body).toMatchObject({ state: 'adopted', adoptedBy: { name: 'Lise Leder' }, adoptedAt: '2026-11-25T10:00:00.000Z' });
    const newId = adopted.body.adoptedObjectiveId as string;
    const created = (await o.per.get(`/api/v1/objectives/${newId}`)).body as Objective;
    expect(created).toMatchObject({ unitId: o.ids.area, status: 'draft', title: 'Flere frivillige som blir' });
    expect(created.keyResults.map((k) => k.title)).toEqual(['Arrangere fire kurs for nye frivillige', 'Frivillige som blir et år']);
    const proposing = (await o.per.get(`/api/v1/objectives/${workshop.id}`)).body as Objective;
    expect(proposing.alignments).toEqual([{ objectiveId: o.ids.areaObjective }, { objectiveId: newId }]);
    const areaAfter = await plan(o.per, o.ids.area);
    expect(areaAfter.proposals.received).toEqual([]);
    expect(areaAfter.objectives.map((x: Objective) => x.id)).toContain(newId);
    expectProblem(await o.lise.post(`/api/v1/proposals/${made.body.id}/adopt`), 409, 'adopted twice', { fields: ['state'], only: true });
    const events = (await listEvents(t.deps.store.db, o.ids.orgId, { subjectId: made.body.id }, 10)).reverse();
    expect(events.map((e) => [e.type, e.actor?.name])).toEqual([['proposal.made', 'Mia Medlem'], ['proposal.adopted', 'Lise Leder']]);

    // Withdrawn while open, by the proposing unit only.
    const other = await o.mia.post(`/api/v1/objectives/${o.ids.campaignObjective}/proposal`);
    expect(other.status).toBe(201);
    expectProblem(await o.per.del(`/api/v1/objectives/${o.ids.campaignObjective}/proposal`), 403, 'a member of another unit withdrawing');
    const withdrawn = await o.mia.del(`/api/v1/objectives/${o.ids.campaignObjective}/proposal`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.state).toBe('withdrawn');
    expectProblem(await o.mia.del(`/api/v1/objectives/${o.ids.campaignObjective}/proposal`), 404, 'withdrawn twice');
    expect((await plan(o.per, o.ids.area)).proposals.received).toEqual([]);
  });

  it('is published only with every question answered, then its drafts are active and count in the roll-up', async () => {
    const url = `${planUrl()}/publish`;
    const progress = async (unitId: string) => (await o.per.get(`/api/v1/units/${unitId}/progress?period=${o.ids.cycle}`)).body;
    expect((await progress(o.ids.campaign)).objectiveCount).toBe(0);
    const areaBefore = (await progress(o.ids.area)).subtreeObjectiveCount;
    expectProblem(await o.per.post(url, { version: 3 }), 403, 'a member of another unit');
    const refused = await o.mia.post(url, { version: 3 });
    expectProblem(refused, 422, 'one question unanswered', { fields: ['checklist'], only: true });
    expect(refused.body.errors[0]).toMatchObject({ field: 'checklist', code: 'unanswered', params: { questions: 'dependenciesKnown', count: 1 } });
    expect(((await plan(o.per)).objectives as Objective[]).map((x) => x.status)).toEqual(['draft', 'draft']);

    const answered = await o.mia.patch(planUrl(), { version: 3, checklist: [{ question: 'dependenciesKnown', answer: 'yes', note: 'Tall fra Analyse' }] });
    expect(answered.body.version).toBe(4);
    expectProblem(await o.mia.post(url, { version: 3 }), 409, 'a stale version', { fields: ['version'], only: true });
    t.clock.advance(60_000);
    const published = await o.mia.post(url, { version: 4 });
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    expect(published.body).toMatchObject({ version: 5, publishedAt: '2026-11-25T10:01:00.000Z', publishedBy: { id: o.ids.mia, name: 'Mia Medlem' } });
    const objectives = published.body.objectives as Objective[];
    expect(objectives.map((x) => x.status)).toEqual(['active', 'active']);
    // Published OKRs carry no hints.
    expect(objectives.flatMap((x) => [...x.hints, ...x.keyResults.flatMap((k) => k.hints)])).toEqual([]);

    const after = await progress(o.ids.campaign);
    expect(after.objectiveCount).toBe(2);
    expect(after.reading).not.toBe('no-okrs');
    expect((await progress(o.ids.area)).subtreeObjectiveCount).toBe(areaBefore + 2);

    const events = (await listEvents(t.deps.store.db, o.ids.orgId, { unitIds: [o.ids.campaign] }, 50)).filter((e) => e.at === '2026-11-25T10:01:00.000Z').reverse();
    expect(events.map((e) => [e.type, e.subject.kind]).sort()).toEqual([['objective.changed', 'objective'], ['objective.changed', 'objective'], ['plan.published', 'plan']]);
    expect(events.find((e) => e.type === 'objective.changed')!.changes).toEqual([{ field: 'status', before: 'draft', after: 'active' }]);
    const publishedEvent = events.find((e) => e.type === 'plan.published')!;
    expect(publishedEvent.actor?.name).toBe('Mia Medlem');
    expect(publishedEvent.changes).toContainEqual({ field: 'publishedAt', before: null, after: '2026-11-25T10:01:00.000Z' });
  });
  it('takes no answers once the cycle is closed, nor on an archived unit', async () => {
    const closed = await o.admin.post('/api/v1/periods', { kind: 'cycle', name: 'Lukket syklus', startDate: '2101-01-01', endDate: '2101-04-30', state: 'closed' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(201);
    const url = planUrl(o.ids.campaign, closed.body.id);
    expect((await plan(o.mia, undefined)).can.edit).toBe(true);
    expect((await o.mia.get(url)).body.can).toEqual({ edit: false, publish: false });
    expectProblem(await o.mia.patch(url, { version: 1, checklist: [{ question: 'paysIntoMoals', answer: 'yes' }] }), 409, 'a closed cycle', { fields: ['periodId'], only: true });
    const unit = (await o.admin.post('/api/v1/units', { parentId: o.ids.root, name: 'Arkivert lag', members: [{ personId: o.ids.mia, role: 'member' }] })).body;
    expect((await o.admin.patch(`/api/v1/units/${unit.id}`, { version: unit.version, archived: true })).status).toBe(200);
    expectProblem(await o.mia.patch(planUrl(unit.id), { version: 1, checklist: [{ question: 'paysIntoMoals', answer: 'yes' }] }), 409, 'an archived unit', { fields: ['id'], only: true });
  });
});
