// The live stream over real sockets: a check-in reaches an open stream within a second, a stream
// cut off and resumed with Last-Event-ID (the header or ?lastEventId=) gets each missed event
// exactly once even while new ones keep coming, a person reads only what they may, heartbeats
// come, the stream ends with its session and with the server, one read of the events table serves
// every stream of an organisation, and on PostgreSQL a second instance's streams see what the
// first wrote.
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEntry, EventSubject, EventType } from '@varde/core';
import { startSecondInstance, startTestApp, type Client, type Instance, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { LiveClient } from '../testing/liveClient.js';
import { listEvents, lastSeq } from '../store/events.js';
import { unitOfWork } from '../events/unitOfWork.js';
import { expectProblem } from '../testing/apiChecks.js';
import { insertOtherOrganisation } from '../testing/otherOrganisation.js';
import { SESSION_COOKIE } from '../auth/sessionTokens.js';

const PASSWORD = 'correct horse battery';
const HEARTBEAT_MS = 150;

const entryOf = (m: { data: string }) => JSON.parse(m.data) as EventEntry;
const checkedIn = (live: LiveClient) => live.named('keyResult.checkedIn').map(entryOf);

describe.each(storeKinds())('the live stream on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let admin: Client;
  let member: Client;
  let orgId: string;
  let adminId: string;
  let memberId: string;
  let otherId: string;
  let krId: string;
  const streams: LiveClient[] = [];

  const open = async (client: Client, options: { lastEventId?: string; query?: string; at?: string } = {}) => {
    const live = await LiveClient.open(options.at ?? base, { cookie: client.cookie, ...options });
    streams.push(live);
    return live;
  };
  let value = 45_000;
  const checkIn = async (client = admin) => {
    value += 1000;
    const res = await client.post(`/api/v1/key-results/${krId}/check-ins`, { value, confidence: 7, comment: 'fra testen' });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, value, at: performance.now() };
  };
  /** Events recorded through the one write path, as the use cases record theirs. */
  const record = (events: Array<[EventType, EventSubject]>) =>
    unitOfWork(t.deps, { orgId, personId: adminId }, async (uow) => { for (const [type, subject] of events) uow.record(type, subject, [{ field: 'name', before: 'a', after: 'b' }]); });
  const seqsAfter = async (after: number) => (await listEvents(t.deps.store.db, orgId, { afterSeq: after }, 100_000)).map((e) => e.seq);

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z', {}, { live: { heartbeatMs: HEARTBEAT_MS } });
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Sykehuset', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    const me = (await admin.get('/api/v1/me')).body;
    adminId = me.person.id;
    orgId = me.organisation.id;
    memberId = (await admin.post('/api/v1/people', { name: 'Jonas Berg', email: 'jonas@example.no', password: PASSWORD })).body.id;
    otherId = (await admin.post('/api/v1/people', { name: 'Per Annen', email: 'per@example.no', password: PASSWORD })).body.id;
    member = await t.signIn('jonas@example.no', PASSWORD);
    const rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    const teamId = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Akuttmottaket', kind: 'team', members: [{ personId: memberId, role: 'member' }] })).body.id;
    const cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    const objective = await admin.post('/api/v1/objectives', { unitId: teamId, periodId: cycleId, title: 'Raskere mottak', kind: 'committed', keyResults: [
      { title: 'Pasientopprop', type: 'increase', start: 40_000, target: 60_000, measure: 'opprop' },
    ] });
    expect(objective.status).toBe(201);
    krId = objective.body.keyResults[0].id;
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    for (const s of streams) s.close();
    await t?.close();
  });

  it('answers an uncompressed, unbuffered event stream, and a check-in arrives on it within a second', async () => {
    const live = await open(member, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(live.status).toBe(200);
    expect(live.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(live.headers['content-encoding']).toBeUndefined();
    expect(live.headers['x-accel-buffering']).toBe('no');
    expect(live.headers['cache-control']).toBe('no-store');
    // The stream says where a browser would resume before any event comes.
    await live.until(() => live.ids.length > 0, 2000, 'the first id');
    expect(Number(live.ids[0])).toBe(await lastSeq(t.deps.store.db, orgId));
    expect(live.retry).toBeGreaterThan(0);

    const made = await checkIn();
    const [event] = await live.until(() => checkedIn(live).length > 0 && checkedIn(live), 1000, "the check-in's event");
    const message = live.named('keyResult.checkedIn')[0]!;
    expect(message.at - made.at).toBeLessThan(1000);
    expect(event).toMatchObject({
      type: 'keyResult.checkedIn', actor: { id: adminId, name: 'Kari Nordmann' },
      subject: { kind: 'checkIn', id: made.id, name: 'Pasientopprop', keyResultId: krId },
    });
    expect(event!.changes).toContainEqual({ field: 'value', before: null, after: made.value });
    expect(message.id).toBe(String(event!.seq));
  });

  it('starts a new stream at the current end: nothing from before it opened', async () => {
    const before = await checkIn();
    const live = await open(member);
    await live.until(() => live.ids.length > 0, 2000, 'the first id');
    const after = await checkIn();
    await live.until(() => checkedIn(live).some((e) => e.subject.id === after.id), 1000, 'the new check-in');
    expect(checkedIn(live).map((e) => e.subject.id)).toEqual([after.id]);
    expect(checkedIn(live).some((e) => e.subject.id === before.id)).toBe(false);
  });

  it.each([['the Last-Event-ID header', 'header'], ['?lastEventId=', 'query']] as const)(
    'resumes after %s with each missed event once, in order, while new ones keep coming', async (_name, how) => {
      const first = await open(member);
      await checkIn();
      await first.until(() => checkedIn(first).length === 1, 1000, 'a first check-in');
      const resumeFrom = first.messages.at(-1)!.id!;
      first.close();
      // Missed while away: three check-ins and, so the backlog takes several reads, 1,200 other events.
      for (let i = 0; i < 3; i++) await checkIn();
      await record(Array.from({ length: 1200 }, (_, i) => ['objective.changed', { kind: 'objective', id: `o-${i}`, name: `Mål ${i}` }]));
      // More while the stream reconnects and reads its backlog.
      const reconnecting = open(member, how === 'header' ? { lastEventId: resumeFrom } : { query: `?lastEventId=${resumeFrom}` });
      const during = await Promise.all([checkIn(), checkIn(), record([['objective.changed', { kind: 'objective', id: 'o-late', name: 'Sent' }]])]);
      const resumed = await reconnecting;
      const last = await checkIn();
      await resumed.until(() => checkedIn(resumed).some((e) => e.subject.id === last.id), 5000, 'the last check-in');
      const expected = await seqsAfter(Number(resumeFrom));
      const got = resumed.messages.map((m) => Number(m.id));
      expect(got).toEqual(expected);
      expect(new Set(got).size).toBe(got.length);
      expect(checkedIn(resumed)).toHaveLength(3 + 2 + 1);
      expect(during).toHaveLength(3);
    });

  it('starts at the end when Last-Event-ID is beyond any event (another database), and refuses one that is no number', async () => {
    const live = await open(member, { lastEventId: '999999999' });
    await live.until(() => live.ids.length > 0, 2000, 'the first id');
    expect(Number(live.ids[0])).toBe(await lastSeq(t.deps.store.db, orgId));
    const made = await checkIn();
    await live.until(() => checkedIn(live).some((e) => e.subject.id === made.id), 1000, 'the check-in');

    const bad = await open(member, { lastEventId: 'seven' });
    expect(bad.status).toBe(400);
    expect(JSON.parse(await bad.text()).errors[0]).toMatchObject({ field: 'Last-Event-ID' });
    expectProblem(await member.get('/api/v1/live?lastEventId=-1'), 400, 'a negative id', { fields: ['lastEventId'] });
    expectProblem(await member.get('/api/v1/live?since=4'), 400, 'an unknown parameter', { fields: ['since'] });
    const anonymous = await LiveClient.open(base, { cookie: '' });
    expect(anonymous.status).toBe(401);
    await anonymous.text();
  });

  it('sends accounts and sign-ins to admins only, and a person the events about their own account', async () => {
    const asMember = await open(member);
    const asAdmin = await open(admin);
    await Promise.all([asMember, asAdmin].map((s) => s.until(() => s.ids.length > 0, 2000, 'the first id')));
    await record([
      ['person.changed', { kind: 'person', id: otherId, name: 'Per Annen' }],
      ['person.changed', { kind: 'person', id: memberId, name: 'Jonas Berg' }],
      ['session.signedIn', { kind: 'session', id: 'a-session', name: 'Per Annen' }],
      ['unit.changed', { kind: 'unit', id: 'u-1', name: 'Akuttmottaket' }],
    ]);
    const made = await checkIn();
    for (const s of [asMember, asAdmin]) await s.until(() => checkedIn(s).some((e) => e.subject.id === made.id), 1000, 'the check-in');
    const about = (s: LiveClient) => s.messages.map(entryOf).map((e) => `${e.type} ${e.subject.id}`);
    expect(about(asAdmin)).toEqual([`person.changed ${otherId}`, `person.changed ${memberId}`, 'session.signedIn a-session', 'unit.changed u-1', `keyResult.checkedIn ${made.id}`]);
    expect(about(asMember)).toEqual([`person.changed ${memberId}`, 'unit.changed u-1', `keyResult.checkedIn ${made.id}`]);
  });

  it("keeps each organisation's stream to its own events, live and resumed", async () => {
    const x = await insertOtherOrganisation(t.deps.store.db, '2026-11-25T10:00:01.000Z', { start: '2026-09-01', end: '2026-12-31' });
    const theirCookie = `${SESSION_COOKIE}=${x.sessionToken}`;
    const ours = await open(admin);
    const theirs = await LiveClient.open(base, { cookie: theirCookie });
    streams.push(theirs);
    await Promise.all([ours, theirs].map((s) => s.until(() => s.ids.length > 0, 2000, 'the first id')));
    await unitOfWork(t.deps, { orgId: x.orgId, personId: x.adminId }, async (uow) => {
      uow.record('objective.changed', { kind: 'objective', id: x.objectiveId, name: 'Annenorgs mål', unitId: x.teamId }, [{ field: 'title', before: 'a', after: 'b' }]);
    });
    const made = await checkIn();
    await ours.until(() => checkedIn(ours).some((e) => e.subject.id === made.id), 1000, 'our check-in');
    await theirs.until(() => theirs.named('objective.changed').length > 0, 1000, 'their change');
    expect(ours.messages.map(entryOf).map((e) => e.subject.id)).toEqual([made.id]);
    expect(theirs.messages.map(entryOf).map((e) => e.subject.id)).toEqual([x.objectiveId]);
    // From their first event on: their seq 1 is not ours.
    const resumed = await open(admin, { lastEventId: '0' });
    await resumed.until(() => checkedIn(resumed).some((e) => e.subject.id === made.id), 2000, 'our backlog');
    expect(resumed.messages.some((m) => m.data.includes(x.objectiveId) || m.data.includes(x.orgId))).toBe(false);
  });

  it('sends a heartbeat comment on the configured beat', async () => {
    const live = await open(member);
    await live.until(() => live.comments >= 3, HEARTBEAT_MS * 10, 'three heartbeats');
    expect(live.messages).toEqual([]);
  });

  it('reads the events table once per change for all the streams of an organisation', async () => {
    const many = await Promise.all(Array.from({ length: 20 }, () => open(member)));
    await Promise.all(many.map((s) => s.until(() => s.ids.length > 0, 2000, 'the first id')));
    const before = { ...t.deps.live.reads };
    const made = await checkIn();
    await Promise.all(many.map((s) => s.until(() => checkedIn(s).some((e) => e.subject.id === made.id), 1000, 'the check-in')));
    expect(t.deps.live.reads.channels - before.channels).toBe(1);
    expect(t.deps.live.reads.backlogs - before.backlogs).toBe(0);
    for (const s of many) s.close();
  });

  it('ends the stream when its session ends, saying so, so the browser does not reconnect', async () => {
    const person = await t.signIn('per@example.no', PASSWORD);
    const live = await open(person);
    await live.until(() => live.ids.length > 0, 2000, 'the first id');
    const out = await person.post('/api/v1/auth/logout');
    expect(out.status).toBe(204);
    const started = performance.now();
    await live.ended;
    expect(performance.now() - started).toBeLessThan(HEARTBEAT_MS * 4);
    expect(live.messages.at(-1)?.event).toBe('signedOut');
    const again = await LiveClient.open(base, { cookie: person.cookie });
    expect(again.status).toBe(401);
    await again.text();
  });

  it('closes the server promptly with streams open, ending them', async () => {
    const other = await startTestApp(kind);
    await other.anonymous.post('/api/v1/setup', { organisationName: 'Lag', language: 'en', timeZone: 'Europe/Oslo', admin: { name: 'Ada', email: 'ada@example.no', password: PASSWORD } });
    const ada = await other.signIn('ada@example.no', PASSWORD);
    const otherBase = await other.app.listen({ host: '127.0.0.1', port: 0 });
    const open2 = await Promise.all([0, 1].map(() => LiveClient.open(otherBase, { cookie: ada.cookie })));
    await Promise.all(open2.map((s) => s.until(() => s.ids.length > 0, 2000, 'the first id')));
    const started = performance.now();
    await other.close();
    await Promise.all(open2.map((s) => s.ended));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(other.deps.live.size).toBe(0);
  });
});

describe.skipIf(!process.env.DATABASE_URL)('the live stream across two instances on PostgreSQL', () => {
  let a: TestApp;
  let b: Instance;
  let baseB: string;
  let writer: Client;
  let reader: Client;
  let krId: string;
  let orgId: string;

  beforeAll(async () => {
    a = await startTestApp('postgres');
    await a.anonymous.post('/api/v1/setup', { organisationName: 'Sykehuset', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    writer = await a.signIn('kari@example.no', PASSWORD);
    orgId = (await writer.get('/api/v1/me')).body.organisation.id;
    const rootId = (await writer.get('/api/v1/units')).body.items[0].id;
    const cycleId = (await writer.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    const objective = await writer.post('/api/v1/objectives', { unitId: rootId, periodId: cycleId, title: 'Raskere mottak', kind: 'committed', keyResults: [
      { title: 'Pasientopprop', type: 'increase', start: 0, target: 100, measure: 'opprop' },
    ] });
    krId = objective.body.keyResults[0].id;
    b = await startSecondInstance(a);
    baseB = await b.app.listen({ host: '127.0.0.1', port: 0 });
    // The same person signed in through instance B: the session lives in the shared database.
    const login = await b.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'kari@example.no', password: PASSWORD } });
    reader = { ...writer, cookie: String(login.headers['set-cookie']).split(';')[0]! };
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it("delivers a check-in made through A to B's streams within a second, and B resumes from the table", async () => {
    const live = await LiveClient.open(baseB, { cookie: reader.cookie });
    await live.until(() => live.ids.length > 0, 2000, 'the first id');
    let value = 10;
    const post = async () => {
      value += 5;
      const res = await writer.post(`/api/v1/key-results/${krId}/check-ins`, { value, confidence: 6 });
      expect(res.status).toBe(201);
      return { id: res.body.id as string, at: performance.now() };
    };
    const made = await post();
    await live.until(() => checkedIn(live).some((e) => e.subject.id === made.id), 1000, "A's check-in on B");
    expect(live.messages.at(-1)!.at - made.at).toBeLessThan(1000);
    const resumeFrom = live.messages.at(-1)!.id!;
    live.close();

    const missed = [await post(), await post()];
    const resumed = await LiveClient.open(baseB, { cookie: reader.cookie, lastEventId: resumeFrom });
    const later = await post();
    await resumed.until(() => checkedIn(resumed).some((e) => e.subject.id === later.id), 1000, 'the check-in after resuming');
    expect(checkedIn(resumed).map((e) => e.subject.id)).toEqual([...missed.map((m) => m.id), later.id]);
    const expected = (await listEvents(a.deps.store.db, orgId, { afterSeq: Number(resumeFrom) }, 1000)).map((e) => e.seq);
    expect(resumed.messages.map((m) => Number(m.id))).toEqual(expected);
    resumed.close();
  });
});
