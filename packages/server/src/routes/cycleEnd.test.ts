// The end of a cycle whole (issue 15), through the API on every store, as team Alfa lives it:
// the cycle moves to review; the review proposes scores for a decrease key result, a milestone and a
// threshold; one is set by hand with a reason; closing with an undecided item is refused naming it;
// two items are carried over, one parked, one key result promoted to a KPI that holds its whole
// history; the review closes and is read-only; the next cycle's workshop holds the carried drafts
// (starting where they stopped), the backlog copy, the retrospective's open actions and the review's
// lessons; three members vote their mood once each; the organisation closes the cycle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';

const PASSWORD = 'correct horse battery';
const at = (date: string, time = '08:00') => `${date}T${time}:00.000Z`;

describe.each(storeKinds())('the end of a cycle on %s', (kind) => {
  let t: TestApp;
  let admin: Client; let mia: Client; let ola: Client; let per: Client;
  const ids = {} as Record<'alfa' | 'beta' | 'moal' | 'betaObjective' | 'q3' | 'q4' | 'mia' | 'ola' | 'per' | 'o1' | 'o2' | 'o3' | 'svartid' | 'rutine' | 'oppmote' | 'frivillige' | 'kurs' | 'kpi', string>;

  async function moveTo(instant: string): Promise<void> {
    t.clock.set(instant);
    [admin, mia, ola, per] = await Promise.all(['kari', 'mia', 'ola', 'per'].map((p) => t.signIn(`${p}@example.no`, PASSWORD)));
  }
  const ok = (res: { status: number; body: unknown }, status = 200) => { expect(res.status, JSON.stringify(res.body)).toBe(status); return res.body as any; };
  const review = () => mia.get(`/api/v1/units/${ids.alfa}/reviews/${ids.q3}`).then((r) => ok(r));
  const period = async (id: string) => ok(await admin.get(`/api/v1/periods/${id}`));
  const moveCycle = async (id: string, state: string, extra: object = {}) => admin.patch(`/api/v1/periods/${id}`, { state, version: (await period(id)).version, ...extra });

  beforeAll(async () => {
    t = await startTestApp(kind, at('2026-07-01', '07:00'));
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Syklusslutt', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    const person = async (name: string, email: string) => ok(await admin.post('/api/v1/people', { name, email, password: PASSWORD }), 201).id as string;
    ids.mia = await person('Mia Leder', 'mia@example.no');
    ids.ola = await person('Ola Medlem', 'ola@example.no');
    ids.per = await person('Per Medlem', 'per@example.no');
    const root = (await admin.get('/api/v1/units')).body.items[0].id as string;
    const unit = async (name: string, members: string[]) => ok(await admin.post('/api/v1/units', { parentId: root, name, kind: 'team', members: members.map((personId) => ({ personId, role: 'member' })) }), 201).id as string;
    ids.alfa = await unit('Alfa', [ids.mia, ids.ola, ids.per]);
    ids.beta = await unit('Beta', []);
    ids.q3 = ((await admin.get('/api/v1/periods')).body.items as Array<{ id: string; kind: string }>).find((p) => p.kind === 'cycle')!.id;
    expect((await period(ids.q3)).startDate).toBe('2026-07-01');
    ids.q4 = ok(await admin.post('/api/v1/periods', { kind: 'cycle', name: 'Q4 2026', startDate: '2026-10-01', endDate: '2026-12-31' }), 201).id;
    await moveTo(at('2026-07-01'));
    const objective = async (unitId: string, title: string, kindOf: string, keyResults: object[], extra: object = {}) => {
      const o = ok(await admin.post('/api/v1/objectives', { unitId, periodId: ids.q3, title, kind: kindOf, status: 'active', keyResults, ...extra }), 201);
      return { id: o.id as string, krs: (o.keyResults as Array<{ id: string }>).map((k) => k.id) };
    };
    const year = ((await admin.get('/api/v1/periods')).body.items as Array<{ id: string; kind: string }>).find((p) => p.kind === 'year')!.id;
    ids.moal = ok(await admin.post('/api/v1/objectives', { unitId: root, periodId: year, title: 'Medlemmene får hjelp når de trenger den', status: 'active', keyResults: [] }), 201).id;
    const beta = await objective(ids.beta, 'Betas mål', 'committed', [{ title: 'Betas tall', type: 'increase', start: 0, target: 10 }]);
    ids.betaObjective = beta.id;
    // A Moal outlives the cycle, Beta's objective of the quarter does not: only the first link is carried.
    const o1 = await objective(ids.alfa, 'Raskere svar til medlemmene', 'committed', [
      { title: 'Svartid', type: 'decrease', start: 10, target: 2, measure: 'dager', ownerId: ids.mia },
      { title: 'Ny rutine for henvendelser', type: 'milestone', start: 0, target: 1, ownerId: ids.ola },
    ], { alignments: [{ objectiveId: ids.moal }, { objectiveId: ids.betaObjective }] });
    const o2 = await objective(ids.alfa, 'Flere aktive frivillige', 'aspirational', [
      { title: 'Oppmøte på møtene', type: 'above', start: 0, target: 80, measure: '%', ownerId: ids.per },
      { title: 'Nye frivillige', type: 'increase', start: 0, target: 50, measure: 'frivillige', ownerId: ids.per },
    ]);
    const o3 = await objective(ids.alfa, 'Kurs for tillitsvalgte', 'aspirational', [
      { title: 'Kurs holdt', type: 'increase', start: 0, target: 4, measure: 'kurs', ownerId: ids.mia },
    ]);
    ids.o1 = o1.id; ids.o2 = o2.id; ids.o3 = o3.id;
    [ids.svartid, ids.rutine] = o1.krs as [string, string];
    [ids.oppmote, ids.frivillige] = o2.krs as [string, string];
    [ids.kurs] = o3.krs as [string];
    const checkIn = async (who: Client, kr: string, value: number) => ok(await who.post(`/api/v1/key-results/${kr}/check-ins`, { value, confidence: 6 }), 201);
    await checkIn(per, ids.oppmote, 85);
    await checkIn(mia, ids.svartid, 8);
    await moveTo(at('2026-08-15', '12:00'));
    await checkIn(per, ids.oppmote, 60);
    await checkIn(mia, ids.svartid, 6);
    await checkIn(ola, ids.rutine, 1);
    await checkIn(per, ids.frivillige, 20);
    await checkIn(mia, ids.kurs, 1);
  });
  afterAll(async () => { await t?.close(); });

  it('opens the review only once the cycle is in review', async () => {
    const early = await mia.patch(`/api/v1/units/${ids.alfa}/reviews/${ids.q3}`, { version: 0, answers: { achieved: 'x' } });
    expect(early.status).toBeGreaterThanOrEqual(400);
    await moveTo(at('2026-10-01'));
    ok(await moveCycle(ids.q3, 'review'));
    expect((await review()).state).toBe('open');
  });

  it('proposes scores from the results: a decrease, a milestone and a threshold', async () => {
    const r = await review();
    const score = (id: string) => r.keyResults.find((k: { keyResultId: string }) => k.keyResultId === id);
    expect(score(ids.svartid).proposedScore).toBe(0.5); // 10 → 6 of 10 → 2
    expect(score(ids.rutine).proposedScore).toBe(1);
    // 85 ≥ 80 held from 1 July 08:00 to 15 August 12:00, 45 of the quarter's 92 days
    expect(score(ids.oppmote).proposedScore).toBe(0.5);
    expect(score(ids.frivillige).proposedScore).toBe(0.4);
    const o1 = r.objectives.find((o: { objectiveId: string }) => o.objectiveId === ids.o1);
    expect(o1).toMatchObject({ kind: 'committed', successAt: 1, succeeded: false });
    expect(r.objectives.find((o: { objectiveId: string }) => o.objectiveId === ids.o2).successAt).toBe(0.7);
    expect(r.nextPeriod?.id).toBe(ids.q4);
  });

  it('takes a score set by hand only with a reason, and keeps the reason beside the proposal', async () => {
    const before = await review();
    const refused = await mia.patch(`/api/v1/units/${ids.alfa}/reviews/${ids.q3}`, { version: before.version, scores: [{ keyResultId: ids.frivillige, score: 0.6 }] });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain('scores.0.reason');
    expect((await review()).version).toBe(before.version);
    ok(await mia.patch(`/api/v1/units/${ids.alfa}/reviews/${ids.q3}`, {
      version: before.version, scores: [{ keyResultId: ids.frivillige, score: 0.6, reason: 'Ti til er på vei inn via studentlaget' }],
      answers: { achieved: 'Svartiden er nesten halvert.', stillOpen: 'Frivillige og kurs.', lessons: 'Sjekk inn hver uke, ikke hver måned.' },
    }));
    const kr = (await review()).keyResults.find((k: { keyResultId: string }) => k.keyResultId === ids.frivillige);
    expect(kr).toMatchObject({ proposedScore: 0.4, score: 0.6, reason: 'Ti til er på vei inn via studentlaget' });
  });

  it('refuses to close while an item lacks a decision, naming it', async () => {
    const r = await review();
    ok(await mia.patch(`/api/v1/units/${ids.alfa}/reviews/${ids.q3}`, { version: r.version, decisions: [{ objectiveId: ids.o1, decision: 'carryOver' }] }));
    const refused = await mia.post(`/api/v1/units/${ids.alfa}/reviews/${ids.q3}/close`, { version: (await review()).version });
    expect(refused.status).toBe(422);
    const said = JSON.stringify(refused.body);
    for (const id of [ids.o2, ids.o3]) expect(said).toContain(id);
    expect(said).not.toContain(ids.o1);
    expect((await review()).state).toBe('open');
  });

  it('refuses to make a KPI of a key result already kept as one', async () => {
    // Promoted by hand during the review: deciding it promoteToKpi is refused at once, naming it.
    ok(await mia.post(`/api/v1/key-results/${ids.kurs}/promote`, { direction: 'above', low: 1, cadence: 'quarterly' }), 201);
    const refused = await mia.patch(`/api/v1/units/${ids.alfa}/reviews/${ids.q3}`, {
      version: (await review()).version, decisions: [{ keyResultId: ids.kurs, decision: 'promoteToKpi', kpi: { direction: 'above', low: 1, cadence: 'quarterly' } }],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'decisions.0.keyResultId', code: 'already_promoted' })]);
  });

  it('closes with every decision applied at once, then is read-only', async () => {
    const r = await review();
    ok(await mia.patch(`/api/v1/units/${ids.alfa}/reviews/${ids.q3}`, {
      version: r.version,
      decisions: [
        { keyResultId: ids.frivillige, decision: 'carryOver' },
        { keyResultId: ids.oppmote, decision: 'promoteToKpi', kpi: { direction: 'above', low: 80, cadence: 'monthly' } },
        { objectiveId: ids.o3, decision: 'backlog' },
      ],
    }));
    expect((await review()).undecided).toEqual([]);
    const closed = ok(await mia.post(`/api/v1/units/${ids.alfa}/reviews/${ids.q3}/close`, { version: (await review()).version }));
    expect(closed.state).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    const again = await mia.patch(`/api/v1/units/${ids.alfa}/reviews/${ids.q3}`, { version: closed.version, answers: { lessons: 'for sent' } });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect((await review()).answers.lessons).toBe('Sjekk inn hver uke, ikke hver måned.');
  });

  it('promoted the key result to a KPI that holds its whole history', async () => {
    const kr = ok(await mia.get(`/api/v1/key-results/${ids.oppmote}`));
    expect(kr.kpiId).toBeTruthy();
    ids.kpi = kr.kpiId;
    const kpi = ok(await mia.get(`/api/v1/kpis/${ids.kpi}`));
    expect(kpi).toMatchObject({ unitId: ids.alfa, direction: 'above', low: 80, cadence: 'monthly', current: 60, promotedFromKeyResultId: ids.oppmote });
    const history = ok(await mia.get(`/api/v1/kpis/${ids.kpi}/check-ins`));
    const values = (history.items as Array<{ value: number; at: string }>).map((c) => c.value).sort((a, b) => a - b);
    expect(values).toEqual([60, 85]);
  });

  it("gives the next cycle's workshop the carried drafts, starting where they stopped, and the backlog copy", async () => {
    const plan = ok(await mia.get(`/api/v1/units/${ids.alfa}/plans/${ids.q4}`));
    const carried = (plan.objectives as Array<any>).filter((o) => o.carriedFromId);
    expect(carried.map((o) => o.carriedFromId).sort()).toEqual([ids.o1, ids.o2].sort());
    for (const o of carried) expect(o.status).toBe('draft');
    const fromO1 = carried.find((o) => o.carriedFromId === ids.o1);
    // The reached milestone stays behind; the response time goes on from 6 days.
    expect(fromO1.keyResults.map((k: any) => [k.title, k.start, k.target])).toEqual([['Svartid', 6, 2]]);
    expect(fromO1.alignments).toEqual([{ objectiveId: ids.moal }]);
    const fromO2 = carried.find((o) => o.carriedFromId === ids.o2);
    expect(fromO2.keyResults.map((k: any) => [k.title, k.start, k.target])).toEqual([['Nye frivillige', 20, 50]]);
    const parked = (plan.backlog as Array<any>).find((o) => o.carriedFromId === ids.o3);
    expect(parked?.title).toBe('Kurs for tillitsvalgte');
    expect(plan.previousCycle?.answers.lessons).toBe('Sjekk inn hver uke, ikke hver måned.');
    // The originals keep their cycle and their final scores.
    expect(ok(await mia.get(`/api/v1/objectives/${ids.o1}`)).periodId).toBe(ids.q3);
  });

  it('takes one anonymous mood vote per member and shows the distribution from three votes', async () => {
    const url = `/api/v1/units/${ids.alfa}/retrospectives/${ids.q3}`;
    ok(await mia.post(`${url}/votes`, { mood: 4 }), 201);
    ok(await ola.post(`${url}/votes`, { mood: 2 }), 201);
    expect(ok(await mia.get(url)).mood).toMatchObject({ votes: 2, distribution: null });
    expect((await mia.post(`${url}/votes`, { mood: 5 })).status).toBe(409);
    ok(await per.post(`${url}/votes`, { mood: 4 }), 201);
    expect((await admin.post(`${url}/votes`, { mood: 1 })).status).toBe(403);
    const retro = ok(await per.get(url));
    expect(retro.mood).toMatchObject({ votes: 3, distribution: [0, 1, 0, 2, 0], youVoted: true });
    ok(await mia.patch(url, { version: retro.version, notes: { stop: 'Lange statusrunder' }, actions: [{ text: 'Kortere ukemøter', ownerId: ids.ola, dueDate: '2026-10-15' }] }));
    const plan = ok(await mia.get(`/api/v1/units/${ids.alfa}/plans/${ids.q4}`));
    expect(plan.previousCycle.actions.map((a: { text: string }) => a.text)).toEqual(['Kortere ukemøter']);
    const mine = ok(await ola.get('/api/v1/me/work'));
    expect(mine.retrospectiveActions.map((a: { text: string }) => a.text)).toEqual(['Kortere ukemøter']);
    // The unit's trend over its cycles: the closed review's score beside the mood, (4 + 2 + 4) / 3.
    const trend = ok(await mia.get(`/api/v1/units/${ids.alfa}/cycle-trend`));
    expect(trend.cycles).toEqual([expect.objectContaining({ period: expect.objectContaining({ id: ids.q3 }), mood: 3.3, votes: 3 })]);
    expect(trend.cycles[0].score).toBeGreaterThan(0);
  });

  it('finds no way through the API to tell who voted what', async () => {
    const url = `/api/v1/units/${ids.alfa}/retrospectives/${ids.q3}`;
    const seen = await Promise.all([mia, ola, per, admin].map(async (c) => ok(await c.get(url)).mood));
    // Everyone reads the same count and distribution; only whether they voted themselves differs.
    for (const m of seen) expect({ ...m, youVoted: undefined }).toEqual({ ...seen[0], youVoted: undefined });
    const audit = JSON.stringify(ok(await admin.get('/api/v1/audit?type=retrospective.voted')));
    for (const mood of ['"mood"', '"after":4', '"after":2']) expect(audit).not.toContain(mood);
  });

  it("closes the cycle for the organisation only with every unit's review closed or an admin's confirmation", async () => {
    const refused = await moveCycle(ids.q3, 'closed');
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('Beta');
    expect(JSON.stringify(refused.body)).not.toContain('"Alfa"');
    const view = ok(await admin.get(`/api/v1/periods/${ids.q3}/reviews`));
    expect(view.notClosed.map((u: { name: string }) => u.name)).toEqual(['Beta']);
    ok(await moveCycle(ids.q3, 'closed', { confirm: true }));
    expect((await period(ids.q3)).state).toBe('closed');
  });
});
