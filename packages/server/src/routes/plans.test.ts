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
    expect(p).toMatchObject({ unitId: o.ids.campaign, periodId: o.ids.cycle, version: 0, publishedAt: null, publishedBy: null, backlog: [], can: { edit: false, publish: false } });
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
    const active = (await o.per.get(`/api/v1/objectives/${o.ids.analysisObjective}`)).body as Objective;
    expect(active.hints).toEqual([]);
    expect(active.keyResults[0]!.hints).toEqual([]);
  });

  it('names periodId for a period that is not a cycle, or not there', async () => {
    expectProblem(await o.per.get(planUrl(o.ids.campaign, o.ids.year)), 422, 'a year', { fields: ['periodId'], only: true });
    expectProblem(await o.per.get(planUrl(o.ids.campaign, '019a0000-0000-7000-8000-000000000000')), 404, 'no such period', { fields: ['periodId'], only: true });
    expectProblem(await o.per.get(planUrl('019a0000-0000-7000-8000-000000000000')), 404, 'no such unit');
  });
});
