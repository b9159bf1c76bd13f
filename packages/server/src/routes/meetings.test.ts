// The weekly check-in meeting (issue 14), driven through the API on every store with the clock
// moved week by week: four Monday meetings of team Alfa (the key results without a check-in at the
// top, check-ins during the meeting moving the agenda, a blocker turned into an initiative and
// another into a dependency, a dependency raised by Beta acknowledged, the record's changes since
// the previous meeting, the next meeting opening with the previous decisions); a member of
// another unit refused; a unit on a two-week cadence not late after one week, in Mine and in
// notCheckedIn; the follow-up per unit and for every unit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { listEvents } from '../store/events.js';
import { LiveClient } from '../testing/liveClient.js';

const PASSWORD = 'correct horse battery';
// The quarter runs from Thursday 1 October 2026; its Mondays are 5, 12, 19 and 26 October.
const MONDAY = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26'];
/** 09:00 in Oslo (07:00 UTC in October, summer time). */
const at = (date: string, time = '07:00') => `${date}T${time}:00.000Z`;

describe.each(storeKinds())('the weekly meeting on %s', (kind) => {
  let t: TestApp;
  let admin: Client; let mia: Client; let ola: Client; let per: Client; let lise: Client;
  const ids = {} as Record<'org' | 'root' | 'alfa' | 'beta' | 'gamma' | 'cycle' | 'year' | 'mia' | 'ola' | 'per' | 'lise' | 'k1' | 'k2' | 'k3' | 'k4' | 'g1' | 'betaAsks', string>;
  const meetings: string[] = [];

  /** Moves the clock and signs everyone in afresh: the sessions of a week ago have ended. */
  async function moveTo(instant: string): Promise<void> {
    t.clock.set(instant);
    [admin, mia, ola, per, lise] = await Promise.all(['kari', 'mia', 'ola', 'per', 'lise'].map((p) => t.signIn(`${p}@example.no`, PASSWORD)));
  }
  const checkIn = async (who: Client, kr: string, body: object) => {
    const res = await who.post(`/api/v1/key-results/${kr}/check-ins`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  const order = (m: { agenda: Array<{ keyResultId: string }> }) => m.agenda.map((a) => a.keyResultId);

  beforeAll(async () => {
    t = await startTestApp(kind, at('2026-10-02'));
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Ukemøtet', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    const person = async (name: string, email: string) => (await admin.post('/api/v1/people', { name, email, password: PASSWORD })).body.id as string;
    ids.mia = await person('Mia Leder', 'mia@example.no');
    ids.ola = await person('Ola Medlem', 'ola@example.no');
    ids.per = await person('Per Beta', 'per@example.no');
    ids.lise = await person('Lise Gamma', 'lise@example.no');
    ids.root = (await admin.get('/api/v1/units')).body.items[0].id;
    const unit = async (name: string, members: string[], extra: object = {}) => {
      const res = await admin.post('/api/v1/units', { parentId: ids.root, name, kind: 'team', members: members.map((personId) => ({ personId, role: 'member' })), ...extra });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    ids.alfa = await unit('Alfa', [ids.mia, ids.ola]);
    ids.beta = await unit('Beta', [ids.per]);
    ids.gamma = await unit('Gamma', [ids.lise], { checkInCadence: 'biweekly' });
    const periods = (await admin.get('/api/v1/periods')).body.items as Array<{ id: string; kind: string }>;
    ids.cycle = periods.find((p) => p.kind === 'cycle')!.id;
    ids.year = periods.find((p) => p.kind === 'year')!.id;
    const objective = async (unitId: string, keyResults: object[]) => {
      const res = await admin.post('/api/v1/objectives', { unitId, periodId: ids.cycle, title: 'Et mål', status: 'active', keyResults });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return (res.body.keyResults as Array<{ id: string }>).map((k) => k.id);
    };
    [ids.k1, ids.k2, ids.k3, ids.k4] = await objective(ids.alfa, [
      { title: 'Ny leverandør', type: 'milestone', start: 0, target: 1, ownerId: ids.mia },
      { title: 'Nye givere', type: 'increase', start: 0, target: 100, measure: 'givere', ownerId: ids.ola },
      { title: 'Svartid', type: 'decrease', start: 10, target: 2, measure: 'dager', ownerId: ids.mia },
      { title: 'Ny nettside', type: 'milestone', start: 0, target: 1, ownerId: ids.ola },
    ]);
    [ids.g1] = await objective(ids.gamma, [{ title: 'Gammas tall', type: 'increase', start: 0, target: 10, ownerId: ids.lise }]);
    ids.org = (await admin.get('/api/v1/organisation')).body.id;
  });
  afterAll(async () => { await t?.close(); });

  it('week 1: starts with the key results without a check-in at the top, and refuses what does not fit', async () => {
    await moveTo(at(MONDAY[0]!, '06:30'));
    // Before the meeting: the supplier milestone is in trouble (off track at confidence 2), the website at risk (5).
    await checkIn(mia, ids.k1, { value: 0, confidence: 2, blockers: 'Leverandøren svarer ikke' });
    await checkIn(ola, ids.k4, { value: 0, confidence: 5 });
    const raised = await per.post('/api/v1/dependencies', { fromUnitId: ids.beta, toUnitId: ids.alfa, description: 'Beta trenger tall fra Alfa' });
    expect(raised.status).toBe(201);
    ids.betaAsks = raised.body.id;
    await moveTo(at(MONDAY[0]!));

    expectProblem(await per.post('/api/v1/meetings', { unitId: ids.alfa, periodId: ids.cycle, kind: 'weekly' }), 403, 'a member of Beta starts Alfa\'s meeting');
    const year = expectProblem(await mia.post('/api/v1/meetings', { unitId: ids.alfa, periodId: ids.year, kind: 'weekly' }), 422, 'the year is no cycle', { fields: ['periodId'], only: true });
    expect(year[0]!.code).toBe('not_active_cycle');

    const started = await mia.post('/api/v1/meetings', { unitId: ids.alfa, periodId: ids.cycle, kind: 'weekly' });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const m = started.body;
    meetings.push(m.id);
    expect(m).toMatchObject({ unitName: 'Alfa', facilitatorId: ids.mia, startedAt: at(MONDAY[0]!), endedAt: null, previousMeetingId: null, version: 1, changes: null, can: { edit: true } });
    expect(m.notCheckedIn.map((n: { keyResultId: string }) => n.keyResultId)).toEqual([ids.k2, ids.k3]);
    expect(m.notCheckedIn[0].owner).toEqual({ id: ids.ola, name: 'Ola Medlem' });
    expect(order(m)).toEqual([ids.k1, ids.k2, ids.k3, ids.k4]);
    expect(m.agenda[0]).toMatchObject({ trackStatus: 'off-track', reasons: ['off-track', 'new-blocker'], checkedInSinceLastMeeting: true, valueNow: 0, confidenceNow: 2, valueBefore: null });
    expect(m.agenda[0].blockers).toEqual([expect.objectContaining({ text: 'Leverandøren svarer ikke', by: { id: ids.mia, name: 'Mia Leder' }, handled: null })]);
    expect(m.agenda[1]).toMatchObject({ reasons: ['not-checked-in'], checkedInSinceLastMeeting: false, valueNow: null });
    expect(m.agenda[3].reasons).toEqual(['at-risk']);
    expect(m.dependencies.map((d: { id: string }) => d.id)).toEqual([ids.betaAsks]);

    const again = expectProblem(await ola.post('/api/v1/meetings', { unitId: ids.alfa, periodId: ids.cycle, kind: 'weekly' }), 409, 'a second open meeting', { fields: ['unitId'], only: true });
    expect(again[0]).toMatchObject({ code: 'meeting_open', params: { meetingId: m.id } });
    expect((await listEvents(t.deps.store.db, ids.org, { subjectId: m.id, types: ['meeting.started'] }, 5))).toHaveLength(1);
  });

  it('week 1: check-ins during the meeting move the agenda, for everyone reading it', async () => {
    await checkIn(ola, ids.k2, { value: 8, confidence: 6, blockers: 'Venter på tall fra Beta' });
    await checkIn(mia, ids.k3, { value: 6, confidence: 8 });
    const m = (await per.get(`/api/v1/meetings/${meetings[0]}`)).body;
    expect(m.notCheckedIn).toEqual([]);
    // Svartid has nothing left to talk about and goes below the website at risk.
    expect(order(m)).toEqual([ids.k1, ids.k2, ids.k4, ids.k3]);
    expect(m.agenda[1].reasons).toEqual(['new-blocker']);
    expect(m.agenda[3]).toMatchObject({ reasons: [], checkedInSinceLastMeeting: true, valueNow: 6 });
    expect(m.can.edit).toBe(false);
  });

  it('week 1: writes notes, attendees, decisions and the item shown; refuses strangers, non-members and stale versions', async () => {
    const m = (await mia.get(`/api/v1/meetings/${meetings[0]}`)).body;
    expectProblem(await per.patch(`/api/v1/meetings/${m.id}`, { version: m.version, notes: 'Fra Beta' }), 403, 'a member of Beta writes');
    const stranger = expectProblem(await mia.patch(`/api/v1/meetings/${m.id}`, { version: m.version, attendeeIds: [ids.mia, ids.per] }), 422, 'Per is no member', { fields: ['attendeeIds'], only: true });
    expect(stranger[0]!.code).toBe('not_a_member');
    const changed = await mia.patch(`/api/v1/meetings/${m.id}`, {
      version: m.version, notes: 'Kort møte', attendeeIds: [ids.mia, ids.ola], currentItem: 1,
      items: [{ keyResultId: ids.k2, note: 'Tall mangler', decisions: ['Be Beta om tallene innen fredag'] }],
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, notes: 'Kort møte', attendeeIds: [ids.mia, ids.ola], currentItem: 1 });
    expect(changed.body.agenda.find((a: { keyResultId: string }) => a.keyResultId === ids.k2)).toMatchObject({ note: 'Tall mangler', decisions: ['Be Beta om tallene innen fredag'] });
    expectProblem(await mia.patch(`/api/v1/meetings/${m.id}`, { version: 1, currentItem: 2 }), 409, 'stale', { fields: ['version'], only: true });
    expectProblem(await mia.patch(`/api/v1/meetings/${m.id}`, { version: 2, currentItem: 9 }), 422, 'past the agenda', { fields: ['currentItem'], only: true });
    // Followers' screens move with the facilitator: the move is an event of its own, the notes another.
    const moved = await listEvents(t.deps.store.db, ids.org, { subjectId: m.id, types: ['meeting.moved'] }, 5);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.changes).toEqual([{ field: 'currentItem', before: 0, after: 1 }]);
    expect(moved[0]!.subject).toMatchObject({ kind: 'meeting', unitId: ids.alfa });
    const notes = await listEvents(t.deps.store.db, ids.org, { subjectId: m.id, types: ['meeting.changed'] }, 5);
    expect(notes[0]!.changes.map((c) => c.field).sort()).toEqual(['attendeeIds', 'items', 'notes']);
  });

  it("week 1: a follower's live stream carries the facilitator's move to the next item", async () => {
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const live = await LiveClient.open(base, { cookie: ola.cookie });
    try {
      await live.until(() => live.ids.length > 0, 2000, 'the first id');
      const m = (await mia.get(`/api/v1/meetings/${meetings[0]}`)).body;
      expect((await mia.patch(`/api/v1/meetings/${m.id}`, { version: m.version, currentItem: 2 })).status).toBe(200);
      const [moved] = await live.until(() => live.named('meeting.moved').length > 0 && live.named('meeting.moved'), 2000, 'the move');
      expect(JSON.parse(moved!.data)).toMatchObject({ type: 'meeting.moved', subject: { kind: 'meeting', id: m.id, unitId: ids.alfa }, changes: [{ field: 'currentItem', before: 1, after: 2 }] });
    } finally {
      live.close();
    }
  });

  it('week 1: turns one blocker into an initiative with an owner and another into a dependency on Beta, and acknowledges Beta\'s', async () => {
    const m = (await mia.get(`/api/v1/meetings/${meetings[0]}`)).body;
    const supplierBlocker = m.agenda.find((a: { keyResultId: string }) => a.keyResultId === ids.k1).blockers[0].checkInId;
    const dataBlocker = m.agenda.find((a: { keyResultId: string }) => a.keyResultId === ids.k2).blockers[0].checkInId;
    expectProblem(await per.post(`/api/v1/meetings/${m.id}/blockers`, { how: 'noted', checkInId: supplierBlocker }), 403, 'Beta handles Alfa\'s blocker');
    const asInitiative = await mia.post(`/api/v1/meetings/${m.id}/blockers`, { how: 'initiative', checkInId: supplierBlocker, title: 'Finne en ny leverandør', ownerId: ids.ola });
    expect(asInitiative.status, JSON.stringify(asInitiative.body)).toBe(200);
    const k1 = asInitiative.body.agenda.find((a: { keyResultId: string }) => a.keyResultId === ids.k1);
    expect(k1.blockers[0].handled).toMatchObject({ how: 'initiative', by: { id: ids.mia, name: 'Mia Leder' } });
    expect(k1.initiatives).toEqual([expect.objectContaining({ id: k1.blockers[0].handled.initiativeId, title: 'Finne en ny leverandør', owner: { id: ids.ola, name: 'Ola Medlem' } })]);
    // Handled, it no longer calls for talk as a new blocker.
    expect(k1.reasons).toEqual(['off-track']);

    const asDependency = await mia.post(`/api/v1/meetings/${m.id}/blockers`, { how: 'dependency', checkInId: dataBlocker, toUnitId: ids.beta, description: 'Givertall fra Beta' });
    expect(asDependency.status, JSON.stringify(asDependency.body)).toBe(200);
    const dependencyId = asDependency.body.agenda.find((a: { keyResultId: string }) => a.keyResultId === ids.k2).blockers[0].handled.dependencyId;
    expect((await per.get(`/api/v1/dependencies/${dependencyId}`)).body).toMatchObject({ fromUnit: { id: ids.alfa }, toUnit: { id: ids.beta }, keyResult: { id: ids.k2 }, state: 'requested' });
    expect(asDependency.body.dependencies.map((d: { id: string }) => d.id).sort()).toEqual([ids.betaAsks, dependencyId].sort());
    const twice = expectProblem(await mia.post(`/api/v1/meetings/${m.id}/blockers`, { how: 'noted', checkInId: dataBlocker }), 409, 'handled twice', { fields: ['checkInId'], only: true });
    expect(twice[0]!.code).toBe('already_handled');
    expect((await listEvents(t.deps.store.db, ids.org, { subjectId: m.id, types: ['meeting.blockerHandled'] }, 5))).toHaveLength(2);
    expect((await listEvents(t.deps.store.db, ids.org, { subjectId: k1.blockers[0].handled.initiativeId, types: ['initiative.created'] }, 5))).toHaveLength(1);

    const betas = asDependency.body.dependencies.find((d: { id: string }) => d.id === ids.betaAsks);
    expect(betas.can.acknowledge).toBe(true);
    const ack = await mia.patch(`/api/v1/dependencies/${ids.betaAsks}`, { version: betas.version, state: 'acknowledged', reply: 'Vi sender tallene' });
    expect(ack.status).toBe(200);
    expect((await mia.get(`/api/v1/meetings/${m.id}`)).body.dependencies.find((d: { id: string }) => d.id === ids.betaAsks).state).toBe('acknowledged');
  });

  it('week 1: ends with its record, which later reads keep as it was', async () => {
    const m = (await mia.get(`/api/v1/meetings/${meetings[0]}`)).body;
    expectProblem(await per.post(`/api/v1/meetings/${m.id}/end`, {}), 403, 'Beta ends Alfa\'s meeting');
    t.clock.set(at(MONDAY[0]!, '07:15'));
    const ended = await mia.post(`/api/v1/meetings/${m.id}/end`, { version: m.version });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.endedAt).toBe(at(MONDAY[0]!, '07:15'));
    const changes = ended.body.changes;
    // The first meeting: every key result with a value is new to the record.
    expect(changes.keyResults.map((k: { keyResultId: string }) => k.keyResultId).sort()).toEqual([ids.k1, ids.k2, ids.k3, ids.k4].sort());
    expect(changes).toMatchObject({ newBlockers: 2, handledBlockers: 2 });
    expect(changes.dependencies).toHaveLength(2);
    expect(ended.body.can.edit).toBe(false);
    expectProblem(await mia.patch(`/api/v1/meetings/${m.id}`, { version: ended.body.version, notes: 'Etterpå' }), 409, 'an ended meeting', { fields: ['endedAt'], only: true });
    expectProblem(await mia.post(`/api/v1/meetings/${m.id}/end`, {}), 409, 'ended twice', { fields: ['endedAt'], only: true });
    // A check-in after the meeting does not change its record.
    t.clock.set(at(MONDAY[0]!, '07:20'));
    await checkIn(ola, ids.k4, { value: 0, confidence: 1 });
    const later = (await per.get(`/api/v1/meetings/${m.id}`)).body;
    expect(later.endedAt).toBe(ended.body.endedAt);
    expect(later.changes).toEqual(changes);
    expect(later.agenda).toEqual(ended.body.agenda);
    expect(later.dependencies.every((d: { can: object }) => Object.values(d.can).every((v) => v === false))).toBe(true);
  });

  it("week 2: opens with the previous decisions and lists what is due by the cadence; a biweekly unit is not late after a week", async () => {
    // Gamma (every other Monday) checked in on its day, 5 October.
    t.clock.set(at(MONDAY[0]!, '08:00'));
    await checkIn(await t.signIn('lise@example.no', PASSWORD), ids.g1, { value: 2, confidence: 7 });
    await moveTo(at(MONDAY[1]!));
    const dueFor = async (who: Client) => new Map(((await who.get('/api/v1/me/work')).body.keyResults as Array<{ id: string; checkInDue: boolean }>).map((k) => [k.id, k.checkInDue]));
    expect((await dueFor(lise)).get(ids.g1)).toBe(false);
    expect((await dueFor(mia)).get(ids.k1)).toBe(true);

    const gamma = await lise.post('/api/v1/meetings', { unitId: ids.gamma, periodId: ids.cycle, kind: 'weekly' });
    expect(gamma.status, JSON.stringify(gamma.body)).toBe(201);
    expect(gamma.body.notCheckedIn).toEqual([]);
    expect((await lise.post(`/api/v1/meetings/${gamma.body.id}/end`, {})).status).toBe(200);

    const started = await mia.post('/api/v1/meetings', { unitId: ids.alfa, periodId: ids.cycle, kind: 'weekly' });
    expect(started.status).toBe(201);
    const m = started.body;
    meetings.push(m.id);
    expect(m.previousMeetingId).toBe(meetings[0]);
    expect(m.previousDecisions).toEqual([{ keyResultId: ids.k2, text: 'Be Beta om tallene innen fredag' }]);
    // A new week: every key result is due again, whatever was checked in last Monday.
    expect(m.notCheckedIn.map((n: { keyResultId: string }) => n.keyResultId).sort()).toEqual([ids.k1, ids.k2, ids.k3, ids.k4].sort());
    // The website's confidence fell from 5 at the last meeting to 1 since; nothing else was checked in.
    const k4 = m.agenda.find((a: { keyResultId: string }) => a.keyResultId === ids.k4);
    expect(k4).toMatchObject({ confidenceBefore: 5, confidenceNow: 1, checkedInSinceLastMeeting: true });
    expect(k4.reasons[0]).toBe('off-track');
    expect(m.agenda.find((a: { keyResultId: string }) => a.keyResultId === ids.k3)).toMatchObject({ checkedInSinceLastMeeting: false, valueBefore: 6, reasons: ['not-checked-in'] });

    await checkIn(mia, ids.k1, { value: 1, confidence: 9 });
    const dependencyId = (await mia.get(`/api/v1/dependencies?unit=${ids.alfa}&state=open`)).body.items.find((d: { fromUnit: { id: string } }) => d.fromUnit.id === ids.alfa);
    expect((await per.patch(`/api/v1/dependencies/${dependencyId.id}`, { version: dependencyId.version, state: 'acknowledged', reply: 'Kommer' })).status).toBe(200);
    t.clock.set(at(MONDAY[1]!, '07:12'));
    const ended = (await mia.post(`/api/v1/meetings/${m.id}/end`, {})).body;
    const k1 = ended.changes.keyResults.find((k: { keyResultId: string }) => k.keyResultId === ids.k1);
    expect(k1).toMatchObject({ valueBefore: 0, valueAfter: 1, confidenceBefore: 2, confidenceAfter: 9, trackBefore: 'off-track', trackAfter: 'on-track' });
    expect(ended.changes.keyResults.map((k: { keyResultId: string }) => k.keyResultId).sort()).toEqual([ids.k1, ids.k4].sort());
    // Beta's was acknowledged during the first meeting, before it ended: only Alfa's moved since.
    expect(ended.changes.dependencies).toEqual([{ id: dependencyId.id, description: 'Givertall fra Beta', stateBefore: 'requested', stateAfter: 'acknowledged' }]);
    expect(ended.changes).toMatchObject({ newBlockers: 0, handledBlockers: 0 });
  });

  it('weeks 3 and 4: the changes are those since the week before', async () => {
    for (const week of [2, 3]) {
      await moveTo(at(MONDAY[week]!));
      const m = (await ola.post('/api/v1/meetings', { unitId: ids.alfa, periodId: ids.cycle, kind: 'weekly' })).body;
      meetings.push(m.id);
      expect(m.previousMeetingId).toBe(meetings[week - 1]);
      expect(m.facilitatorId).toBe(ids.ola);
      await checkIn(ola, ids.k2, { value: 20 * week, confidence: 7 });
      t.clock.set(at(MONDAY[week]!, '07:14'));
      const ended = (await ola.post(`/api/v1/meetings/${m.id}/end`, {})).body;
      expect(ended.changes.keyResults.map((k: { keyResultId: string }) => [k.keyResultId, k.valueBefore, k.valueAfter]))
        .toEqual([[ids.k2, week === 2 ? 8 : 40, 20 * week]]);
    }
  });

  it('lists the meetings newest first, a page at a time', async () => {
    const first = (await per.get(`/api/v1/meetings?unit=${ids.alfa}&limit=3`)).body;
    expect(first.items.map((m: { id: string }) => m.id)).toEqual([meetings[3], meetings[2], meetings[1]]);
    expect(first.items[0]).toMatchObject({ unitId: ids.alfa, periodId: ids.cycle, kind: 'weekly', facilitatorId: ids.ola });
    const second = (await per.get(`/api/v1/meetings?unit=${ids.alfa}&limit=3&cursor=${first.nextCursor}`)).body;
    expect(second.items.map((m: { id: string }) => m.id)).toEqual([meetings[0]]);
    expect(second.nextCursor).toBeNull();
    expect((await per.get(`/api/v1/meetings?unit=${ids.gamma}&period=${ids.cycle}`)).body.items).toHaveLength(1);
  });

  it('counts the follow-up: meetings held against those due, per unit and for every unit at once', async () => {
    await moveTo(at('2026-10-27'));
    const alfa = (await per.get(`/api/v1/units/${ids.alfa}/meetings/follow-up?period=${ids.cycle}`)).body;
    expect(alfa).toEqual({ unitId: ids.alfa, lastMeetingAt: at(MONDAY[3]!), held: 4, due: 4, keepsCadence: true });
    const all = (await per.get(`/api/v1/meetings/follow-up?period=${ids.cycle}`)).body;
    const of = (id: string) => all.items.find((f: { unitId: string }) => f.unitId === id);
    expect(of(ids.alfa)).toEqual(alfa);
    // Gamma meets every other Monday: 5 and 19 October were due, it met on 12 October (not one of its days) and not since.
    expect(of(ids.gamma)).toMatchObject({ held: 1, due: 2, keepsCadence: true });
    expect(of(ids.beta)).toMatchObject({ held: 0, due: 4, lastMeetingAt: null, keepsCadence: false });
    expectProblem(await per.get('/api/v1/meetings/follow-up'), 400, 'no period', { fields: ['period'] });
    // A level at a time, as the organisation page opens its tree: a unit and those directly below it.
    const level = (await per.get(`/api/v1/meetings/follow-up?period=${ids.cycle}&under=${ids.root}`)).body;
    expect(level.items.map((f: { unitId: string }) => f.unitId).sort()).toEqual([ids.root, ids.alfa, ids.beta, ids.gamma].sort());
    expect(level.items.find((f: { unitId: string }) => f.unitId === ids.alfa)).toEqual(alfa);
    const leaf = (await per.get(`/api/v1/meetings/follow-up?period=${ids.cycle}&under=${ids.alfa}`)).body;
    expect(leaf.items.map((f: { unitId: string }) => f.unitId)).toEqual([ids.alfa]);
  });
});
