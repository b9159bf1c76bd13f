// The review at the end of a cycle (issue 15), driven through the API on every store: team Alfa's
// quarter with a decrease, a milestone, a threshold and an increase key result; the proposed scores;
// an override that needs a reason; refusals that name the field; closing refused while items lack a
// decision and while carried work has no next cycle; a close that fails midway leaving nothing;
// the close that carries two items to the next cycle (starting from their last value), parks one in
// the backlog, promotes one to a KPI with its history and freezes the scores; the review read-only after; the organisation's view, the
// gate on closing the cycle, and the unit's trend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { listEvents } from '../store/events.js';

const PASSWORD = 'correct horse battery';

describe.each(storeKinds())('the review on %s', (kind) => {
  let t: TestApp;
  let admin: Client; let mia: Client; let per: Client;
  const ids = {} as Record<'org' | 'root' | 'alfa' | 'beta' | 'cycle' | 'a' | 'b' | 'c' | 'kDec' | 'kMs' | 'kThr' | 'kInc' | 'kC' | 'mia' | 'per' | 'next', string>;
  const url = () => `/api/v1/units/${ids.alfa}/reviews/${ids.cycle}`;
  const signInAll = async () => { [admin, mia, per] = await Promise.all(['kari', 'mia', 'per'].map((p) => t.signIn(`${p}@example.no`, PASSWORD))); };
  const checkIn = async (kr: string, value: number) => {
    const res = await mia.post(`/api/v1/key-results/${kr}/check-ins`, { value, confidence: 6 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  };
  const review = async () => { const res = await mia.get(url()); expect(res.status, JSON.stringify(res.body)).toBe(200); return res.body; };
  const scoreOf = (r: { keyResults: Array<{ keyResultId: string; proposedScore: number; score: number; reason: string }> }, id: string) => r.keyResults.find((k) => k.keyResultId === id)!;
  const setState = async (state: string, extra: object = {}) => {
    const p = (await admin.get(`/api/v1/periods/${ids.cycle}`)).body;
    return admin.patch(`/api/v1/periods/${ids.cycle}`, { version: p.version, state, ...extra });
  };

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-10-01T08:00:00.000Z');
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Gjennomgangen', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    const person = async (name: string, email: string) => (await admin.post('/api/v1/people', { name, email, password: PASSWORD })).body.id as string;
    ids.mia = await person('Mia Leder', 'mia@example.no');
    ids.per = await person('Per Beta', 'per@example.no');
    ids.root = (await admin.get('/api/v1/units')).body.items[0].id;
    const unit = async (name: string, members: string[]) => (await admin.post('/api/v1/units', { parentId: ids.root, name, kind: 'team', members: members.map((personId) => ({ personId, role: 'member' })) })).body.id as string;
    ids.alfa = await unit('Alfa', [ids.mia]);
    ids.beta = await unit('Beta', [ids.per]);
    const periods = (await admin.get('/api/v1/periods')).body.items as Array<{ id: string; kind: string; state: string; startDate: string }>;
    const cycle = periods.find((p) => p.kind === 'cycle' && p.startDate === '2026-10-01')!;
    ids.cycle = cycle.id;
    if (cycle.state === 'planning') expect((await setState('active')).status).toBe(200);
    const objective = async (unitId: string, title: string, kindOf: string, keyResults: object[]) => {
      const res = await admin.post('/api/v1/objectives', { unitId, periodId: ids.cycle, title, kind: kindOf, status: 'active', keyResults });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return [res.body.id as string, ...(res.body.keyResults as Array<{ id: string }>).map((k) => k.id)];
    };
    [ids.a, ids.kDec, ids.kMs] = await objective(ids.alfa, 'Raskere svar', 'committed', [
      { title: 'Svartid', type: 'decrease', start: 10, target: 2, measure: 'dager', ownerId: ids.mia, weight: 1 },
      { title: 'Ny leverandør', type: 'milestone', start: 0, target: 1, ownerId: ids.mia, weight: 1 },
    ]) as [string, string, string];
    [ids.b, ids.kThr, ids.kInc] = await objective(ids.alfa, 'Stabil drift', 'aspirational', [
      { title: 'Oppetid', type: 'above', start: 99, target: 99, measure: '%', ownerId: ids.mia, weight: 1 },
      { title: 'Nye givere', type: 'increase', start: 0, target: 100, measure: 'givere', ownerId: ids.mia, weight: 1 },
    ]) as [string, string, string];
    [ids.c, ids.kC] = await objective(ids.alfa, 'Ny nettside', 'committed', [{ title: 'Sider skrevet', type: 'increase', start: 0, target: 10, measure: 'sider', ownerId: ids.mia }]) as [string, string];
    await objective(ids.beta, 'Betas mål', 'committed', [{ title: 'Betas tall', type: 'increase', start: 0, target: 10, ownerId: ids.per }]);
    await signInAll();
    // The threshold holds from the cycle's first morning to mid-November: about half the quarter.
    await checkIn(ids.kThr, 99.5);
    t.clock.set('2026-11-15T08:00:00.000Z'); await signInAll();
    await checkIn(ids.kThr, 98);
    await checkIn(ids.kDec, 6);
    await checkIn(ids.kMs, 1);
    await checkIn(ids.kInc, 30);
    await checkIn(ids.kC, 4);
    t.clock.set('2027-01-04T08:00:00.000Z'); await signInAll();
    ids.org = (await admin.get('/api/v1/organisation')).body.id;
  });
  afterAll(async () => { await t?.close(); });

  it('is read-only before the cycle is in review, and proposes scores from the results', async () => {
    const before = await review();
    expect(before).toMatchObject({ state: 'open', version: 0, can: { edit: false } });
    expectProblem(await mia.patch(url(), { version: 0, answers: { achieved: 'x' } }), 409, 'not in review', { fields: ['periodId'] });
    expect((await setState('review')).status).toBe(200);
    const r = await review();
    expect(r.can).toEqual({ edit: true, close: true });
    expect(scoreOf(r, ids.kDec).proposedScore).toBe(0.5);
    expect(scoreOf(r, ids.kMs).proposedScore).toBe(1);
    expect(scoreOf(r, ids.kThr).proposedScore).toBe(0.5);
    expect(scoreOf(r, ids.kInc).proposedScore).toBe(0.3);
    const a = r.objectives.find((o: { objectiveId: string }) => o.objectiveId === ids.a);
    expect(a).toMatchObject({ score: 0.75, successAt: 1, succeeded: false, kind: 'committed' });
    expect(r.objectives.find((o: { objectiveId: string }) => o.objectiveId === ids.b)).toMatchObject({ score: 0.4, successAt: 0.7, succeeded: false });
    expect(r.undecided.map((u: { id: string }) => u.id)).toEqual([ids.a, ids.kDec, ids.b, ids.kThr, ids.kInc, ids.c, ids.kC]);
    expect(r.undecided[0]).toMatchObject({ kind: 'objective', title: 'Raskere svar' });
  });

  it('needs a reason to score by hand, and names what is wrong', async () => {
    const noReason = expectProblem(await mia.patch(url(), { version: 0, scores: [{ keyResultId: ids.kInc, score: 0.4 }] }), 422, 'no reason', { fields: ['scores.0.reason'], only: true });
    expect(noReason[0]!.code).toBe('reason_required');
    const bad = expectProblem(await mia.patch(url(), { version: 0, decisions: [
      { keyResultId: 'nope', decision: 'drop' }, { keyResultId: ids.kThr, decision: 'promoteToKpi' }, { objectiveId: ids.c, decision: 'promoteToKpi' },
      { keyResultId: ids.kThr, decision: 'promoteToKpi', kpi: { direction: 'between', low: 5, cadence: 'weekly' } },
    ] }), 422, 'bad decisions', { fields: ['decisions.0.keyResultId', 'decisions.1.kpi', 'decisions.2.decision', 'decisions.3.kpi.high'], only: true });
    expect(bad.map((e) => e.code)).toEqual(['unknown_key_result', 'required', 'not_for_objective', 'required']);
    expectProblem(await per.patch(url(), { version: 0, answers: { achieved: 'x' } }), 403, 'a member of Beta');
    expect((await review()).version).toBe(0);

    const res = await mia.patch(url(), { version: 0, scores: [{ keyResultId: ids.kInc, score: 0.4, reason: 'Givere fra høstkampanjen telles i januar' }], answers: { achieved: 'Svartiden halvert', lessons: 'Mål oppetid hver uke' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(scoreOf(res.body, ids.kInc)).toMatchObject({ proposedScore: 0.3, score: 0.4, reason: 'Givere fra høstkampanjen telles i januar' });
    expect(res.body.answers).toEqual({ achieved: 'Svartiden halvert', stillOpen: '', lessons: 'Mål oppetid hver uke' });
    expect(res.body.version).toBe(1);
    expectProblem(await mia.patch(url(), { version: 0, answers: { stillOpen: 'x' } }), 409, 'stale', { fields: ['version'] });
  });

  it('refuses to close while items lack a decision, naming each, and while carried work has no next cycle', async () => {
    const undecided = expectProblem(await mia.post(`${url()}/close`, { version: 1 }), 422, 'undecided', { fields: ['decisions'], only: true });
    expect(undecided.map((e) => (e as unknown as { params: { id: string } }).params.id)).toEqual([ids.a, ids.kDec, ids.b, ids.kThr, ids.kInc, ids.c, ids.kC]);
    expect(undecided[0]!.message).toContain('«Raskere svar»');
    const decided = await mia.patch(url(), { version: 1, decisions: [
      { objectiveId: ids.a, decision: 'carryOver' }, { keyResultId: ids.kInc, decision: 'carryOver' }, { keyResultId: ids.kThr, decision: 'backlog' }, { objectiveId: ids.c, decision: 'drop' },
      { keyResultId: ids.kC, decision: 'promoteToKpi', kpi: { direction: 'above', low: 8, cadence: 'monthly' } },
    ] });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.undecided).toEqual([]);
    expect(decided.body.nextPeriod).toBeNull();
    const noNext = expectProblem(await mia.post(`${url()}/close`, { version: 2 }), 422, 'no next cycle', { fields: ['nextPeriod'], only: true });
    expect(noNext[0]!.code).toBe('no_next_cycle');
  });

  it('leaves nothing behind when closing fails midway', async () => {
    const next = await admin.post('/api/v1/periods', { kind: 'cycle', name: 'Q1 2027', startDate: '2027-01-01', endDate: '2027-03-31' });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    ids.next = next.body.id;
    const db = t.deps.store.db;
    if (kind === 'sqlite') await sql`create trigger fail_close before insert on review_objectives when new.objective_id = ${sql.lit(ids.c)} begin select raise(abort, 'closing fails here'); end`.execute(db);
    else {
      await sql`create function fail_close() returns trigger language plpgsql as $$ begin if new.objective_id = ${sql.lit(ids.c)} then raise exception 'closing fails here'; end if; return new; end $$`.execute(db);
      await sql`create trigger fail_close before insert on review_objectives for each row execute function fail_close()`.execute(db);
    }
    const eventsBefore = (await listEvents(db, ids.org, {}, 1000)).length;
    expect((await mia.post(`${url()}/close`, { version: 2 })).status).toBe(500);
    if (kind === 'sqlite') await sql`drop trigger fail_close`.execute(db);
    else { await sql`drop trigger fail_close on review_objectives`.execute(db); await sql`drop function fail_close()`.execute(db); }
    const copies = await db.selectFrom('objectives').select('id').where('carried_from_id', 'is not', null).execute();
    expect(copies).toEqual([]);
    expect(await db.selectFrom('review_objectives').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('kpis').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('review_scores').select('key_result_id').where('proposed', 'is not', null).execute()).toEqual([]);
    expect((await listEvents(db, ids.org, {}, 1000)).length).toBe(eventsBefore);
    expect(await review()).toMatchObject({ state: 'open', version: 2, closedAt: null });
  });

  it('closes in one go: carried drafts start from their last value, parked work lands in the backlog, scores are frozen', async () => {
    const res = await mia.post(`${url()}/close`, { version: 2 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({ state: 'closed', closedBy: { id: ids.mia, name: 'Mia Leder' }, can: { edit: false, close: false }, undecided: [] });
    const a = r.objectives.find((o: { objectiveId: string }) => o.objectiveId === ids.a);
    const b = r.objectives.find((o: { objectiveId: string }) => o.objectiveId === ids.b);
    expect(a.carriedToId).toBeTruthy(); expect(a.parkedAsId).toBeNull();
    expect(b.carriedToId).toBeTruthy(); expect(b.parkedAsId).toBeTruthy();
    expect(r.objectives.find((o: { objectiveId: string }) => o.objectiveId === ids.c)).toMatchObject({ carriedToId: null, parkedAsId: null, score: 0.4 });

    const carriedA = (await mia.get(`/api/v1/objectives/${a.carriedToId}`)).body;
    expect(carriedA).toMatchObject({ status: 'draft', periodId: ids.next, carriedFromId: ids.a, title: 'Raskere svar', kind: 'committed' });
    expect(carriedA.keyResults.map((k: object) => k)).toEqual([expect.objectContaining({ title: 'Svartid', type: 'decrease', start: 6, target: 2, measure: 'dager', ownerId: ids.mia, weight: 1, current: null })]);
    const carriedB = (await mia.get(`/api/v1/objectives/${b.carriedToId}`)).body;
    expect(carriedB).toMatchObject({ status: 'draft', periodId: ids.next, carriedFromId: ids.b, kind: 'aspirational' });
    expect(carriedB.keyResults).toEqual([expect.objectContaining({ title: 'Nye givere', start: 30, target: 100 })]);
    const parked = (await mia.get(`/api/v1/objectives/${b.parkedAsId}`)).body;
    expect(parked).toMatchObject({ status: 'backlog', periodId: null, carriedFromId: ids.b });
    expect(parked.keyResults).toEqual([expect.objectContaining({ title: 'Oppetid', type: 'above', start: 98, target: 99 })]);
    // The promoted key result is a KPI with its whole history.
    const kpiId = r.keyResults.find((k: { keyResultId: string }) => k.keyResultId === ids.kC).kpiId;
    expect(kpiId).toBeTruthy();
    const kpi = (await mia.get(`/api/v1/kpis/${kpiId}`)).body;
    expect(kpi).toMatchObject({ unitId: ids.alfa, title: 'Sider skrevet', direction: 'above', low: 8, cadence: 'monthly', current: 4, promotedFromKeyResultId: ids.kC });
    const history = (await mia.get(`/api/v1/kpis/${kpiId}/check-ins`)).body;
    expect((history.items ?? history).map((c: { value: number }) => c.value)).toEqual([4]);
    // The originals stay in their cycle.
    expect((await mia.get(`/api/v1/objectives/${ids.a}`)).body).toMatchObject({ periodId: ids.cycle, status: 'active', carriedFromId: null });

    const types = (await listEvents(t.deps.store.db, ids.org, {}, 1000)).map((e) => e.type);
    expect(types.filter((x) => x === 'objective.carriedOver')).toHaveLength(3);
    expect(types).toContain('review.closed');
    expect(types).toContain('keyResult.promoted');
    // The team's activity tells of the review and the copies.
    const activity = await per.get(`/api/v1/units/${ids.alfa}/activity`);
    expect(activity.status, JSON.stringify(activity.body)).toBe(200);
    expect(activity.body.items.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['review.closed', 'review.changed', 'objective.carriedOver']));
    expect(types).toContain('review.changed');
  });

  it('is read-only once closed, with its scores frozen', async () => {
    const r = await review();
    expectProblem(await mia.patch(url(), { version: r.version, answers: { achieved: 'Senere' } }), 409, 'closed', { fields: ['closedAt'] });
    expectProblem(await mia.post(`${url()}/close`, { version: r.version }), 409, 'closed twice', { fields: ['closedAt'] });
    // The decrease key result moves after the close: the review does not.
    await t.deps.store.db.updateTable('key_results').set({ current_value: 2 }).where('id', '=', ids.kDec).execute();
    const again = await review();
    expect(scoreOf(again, ids.kDec)).toMatchObject({ proposedScore: 0.5, score: 0.5 });
    expect(scoreOf(again, ids.kInc)).toMatchObject({ proposedScore: 0.3, score: 0.4, reason: 'Givere fra høstkampanjen telles i januar' });
    expect(again.objectives.find((o: { objectiveId: string }) => o.objectiveId === ids.a).score).toBe(0.75);
  });

  it("shows the organisation's view, gates closing the cycle, and keeps the unit's trend", async () => {
    const view = await admin.get(`/api/v1/periods/${ids.cycle}/reviews`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.units).toEqual([
      { unit: { id: ids.alfa, name: 'Alfa' }, state: 'closed', objectiveCount: 3, meanScore: 0.53, succeeded: 0 },
      { unit: { id: ids.beta, name: 'Beta' }, state: 'notStarted', objectiveCount: 1, meanScore: 0, succeeded: 0 },
    ]);
    expect(view.body.distribution.committed.reduce((a: number, b: number) => a + b, 0)).toBe(3);
    expect(view.body.distribution.aspirational[5]).toBe(1);
    expect(view.body.notClosed).toEqual([{ id: ids.beta, name: 'Beta' }]);

    const refused = expectProblem(await setState('closed'), 409, 'Beta has not reviewed', { fields: ['state'] });
    expect(refused[0]!.code).toBe('reviews_not_closed');
    expect((await setState('closed')).body.units).toEqual([{ id: ids.beta, name: 'Beta' }]);
    const closed = await setState('closed', { confirm: true });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.state).toBe('closed');

    const trend = await per.get(`/api/v1/units/${ids.alfa}/cycle-trend`);
    expect(trend.status).toBe(200);
    expect(trend.body.cycles).toEqual([{ period: expect.objectContaining({ id: ids.cycle, endDate: '2026-12-31' }), score: 0.53, mood: null, votes: 0 }]);
  });
});
