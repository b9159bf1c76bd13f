// Team activity: a unit's page lists what happened on its OKRs, newest first; Mine lists what
// others did on my units since I last marked it seen, and the mark only moves forward.
//
// Check-ins record their events today; the test marked «edits» waits on the other write use cases
// recording theirs (issue 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { insertOtherOrganisation, type OtherOrganisation } from '../testing/otherOrganisation.js';
import { appendEvents } from '../store/events.js';
import { newId } from '../store/ids.js';

const PASSWORD = 'correct horse battery';

describe.each(storeKinds())('team activity on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let marte: Client;
  let jonas: Client;
  let per: Client;
  let marteId: string;
  let jonasId: string;
  let teamId: string;
  let otherTeamId: string;
  let cycleId: string;
  let krId: string;
  let otherKrId: string;
  let x: OtherOrganisation;

  const person = async (name: string, email: string) => {
    const res = await admin.post('/api/v1/people', { name, email, password: PASSWORD });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, client: await t.signIn(email, PASSWORD) };
  };
  const checkIn = async (client: Client, id: string, body: object) => {
    t.clock.advance(60_000);
    const res = await client.post(`/api/v1/key-results/${id}/check-ins`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const read = async (client: Client, url: string) => {
    const res = await client.get(url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-03T09:00:00Z', { sessionIdleSeconds: 90 * 86_400, sessionMaxSeconds: 90 * 86_400 });
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Aktivitetslaget', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    const m = await person('Marte Haugen', 'marte@example.no');
    const j = await person('Jonas Bakke', 'jonas@example.no');
    const p = await person('Per Annen', 'per@example.no');
    [marte, jonas, per, marteId, jonasId] = [m.client, j.client, p.client, m.id, j.id];
    const rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    teamId = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Pasientteamet', kind: 'team', members: [{ personId: marteId, role: 'lead' }, { personId: jonasId, role: 'member' }] })).body.id;
    otherTeamId = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Andre', kind: 'team', members: [{ personId: p.id, role: 'member' }, { personId: jonasId, role: 'member' }] })).body.id;
    cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    krId = (await admin.post('/api/v1/objectives', { unitId: teamId, periodId: cycleId, title: 'Tryggere oppfølging', keyResults: [{ title: 'Pasientopprop', type: 'increase', start: 0, target: 60000, measure: 'samtaler' }] })).body.keyResults[0].id;
    otherKrId = (await admin.post('/api/v1/objectives', { unitId: otherTeamId, periodId: cycleId, title: 'Andres mål', keyResults: [{ title: 'Andres resultat', type: 'increase', start: 0, target: 5 }] })).body.keyResults[0].id;
    x = await insertOtherOrganisation(t.deps.store.db, '2026-11-03T09:00:01.000Z', { start: '2026-09-01', end: '2026-12-31' });
    await appendEvents(t.deps.store.db, x.orgId, [{
      id: newId(), type: 'keyResult.checkedIn', actorId: x.memberId, at: '2026-11-03T09:00:01.000Z',
      subject: { kind: 'checkIn', id: x.checkInId, name: 'Annenorgs resultat', unitId: x.teamId, objectiveId: x.objectiveId, keyResultId: x.keyResultId },
      changes: [{ field: 'value', before: null, after: 40 }],
    }]);
  });
  afterAll(async () => { await t?.close(); });

  it("lists what happened on the unit's OKRs, newest first, to everyone signed in", async () => {
    await checkIn(jonas, krId, { value: 45000, confidence: 7 });
    await checkIn(jonas, krId, { value: 56450, confidence: 8, comment: 'Rekordmåned' });
    await checkIn(per, otherKrId, { value: 2, confidence: 6 });
    const page = await read(per, `/api/v1/units/${teamId}/activity`);
    const checkIns = page.items.filter((e: any) => e.type === 'keyResult.checkedIn');
    expect(checkIns.map((e: any) => e.changes.find((c: any) => c.field === 'value'))).toEqual([
      { field: 'value', before: 45000, after: 56450 }, { field: 'value', before: null, after: 45000 },
    ]);
    expect(checkIns[0]).toMatchObject({ actor: { id: jonasId, name: 'Jonas Bakke' }, subject: { name: 'Pasientopprop', unitId: teamId } });
    expect(page.items.every((e: any) => e.subject.unitId === teamId && ['objective', 'keyResult', 'checkIn', 'initiative'].includes(e.subject.kind))).toBe(true);
    expect((await read(per, `/api/v1/units/${otherTeamId}/activity`)).items.map((e: any) => e.subject.name)).toContain('Andres resultat');
  });

  it('pages by seq and refuses bad paging', async () => {
    for (let i = 0; i < 3; i++) await checkIn(marte, krId, { value: 57000 + i, confidence: 8 });
    const whole = (await read(admin, `/api/v1/units/${teamId}/activity?limit=500`)).items.map((e: any) => e.seq);
    const first = await read(admin, `/api/v1/units/${teamId}/activity?limit=3`);
    expect(first.nextCursor).toBe(String(first.items[2].seq));
    const second = await read(admin, `/api/v1/units/${teamId}/activity?limit=3&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((e: any) => e.seq)).toEqual(whole.slice(0, first.items.length + second.items.length));
    expectProblem(await admin.get(`/api/v1/units/${teamId}/activity?cursor=x`), 400, 'a made-up cursor', { fields: ['cursor'] });
    expectProblem(await admin.get(`/api/v1/units/${teamId}/activity?limit=-1`), 400, 'limit -1', { fields: ['limit'] });
  });

  it("answers 404 for another organisation's unit as for one that exists nowhere", async () => {
    expectProblem(await admin.get(`/api/v1/units/${x.teamId}/activity`), 404, 'their unit');
    expectProblem(await admin.get('/api/v1/units/nowhere/activity'), 404, 'no unit');
    expectProblem(await t.anonymous.get(`/api/v1/units/${teamId}/activity`), 401, 'without a session');
  });

  it("shows on Mine what others did on my units since my last visit, and not my own", async () => {
    const before = await read(marte, '/api/v1/me/activity');
    expect(before).toMatchObject({ seenSeq: 0, seenAt: null });
    expect(before.lastSeq).toBeGreaterThan(0);
    // Jonas's check-ins on Marte's team; her own are no news to her; Per's team is not hers.
    expect(before.items.length).toBeGreaterThan(0);
    expect(before.items.every((e: any) => e.actor?.id !== marteId && e.subject.unitId === teamId)).toBe(true);
    expect(before.items.map((e: any) => e.actor.name)).toContain('Jonas Bakke');

    t.clock.set('2026-11-05T08:00:00Z');
    expect((await marte.post('/api/v1/me/activity/seen', { seq: before.lastSeq })).status).toBe(204);
    const after = await read(marte, '/api/v1/me/activity');
    expect(after).toMatchObject({ items: [], nextCursor: null, seenSeq: before.lastSeq, seenAt: '2026-11-05T08:00:00.000Z' });

    await checkIn(marte, krId, { value: 58000, confidence: 8 });
    await checkIn(per, otherKrId, { value: 3, confidence: 6 });
    expect((await read(marte, '/api/v1/me/activity')).items).toEqual([]);
    const jonasNew = await checkIn(jonas, krId, { value: 59000, confidence: 9 });
    const next = await read(marte, '/api/v1/me/activity');
    expect(next.items.map((e: any) => e.subject.id)).toEqual([jonasNew.id]);
    // Jonas is in both teams: he sees Marte's check-in and Per's.
    const jonasSees = await read(jonas, '/api/v1/me/activity?limit=500');
    expect(jonasSees.items.map((e: any) => e.actor.name)).toEqual(expect.arrayContaining(['Marte Haugen', 'Per Annen']));
    expect(jonasSees.items.some((e: any) => e.actor.id === jonasId)).toBe(false);
  });

  it('never moves the mark back, and refuses a mark beyond the newest event', async () => {
    const now = await read(marte, '/api/v1/me/activity');
    expect((await marte.post('/api/v1/me/activity/seen', { seq: now.lastSeq })).status).toBe(204);
    expect((await marte.post('/api/v1/me/activity/seen', { seq: 1 })).status).toBe(204);
    expect(await read(marte, '/api/v1/me/activity')).toMatchObject({ items: [], seenSeq: now.lastSeq });
    expectProblem(await marte.post('/api/v1/me/activity/seen', { seq: now.lastSeq + 1 }), 422, 'beyond the newest', { fields: ['seq'] });
    expectProblem(await marte.post('/api/v1/me/activity/seen', { seq: -1 }), 400, 'negative', { fields: ['seq'] });
    expectProblem(await marte.post('/api/v1/me/activity/seen', { seq: 'all' }), 400, 'not a number', { fields: ['seq'] });
    expectProblem(await marte.post('/api/v1/me/activity/seen', {}), 400, 'no seq', { fields: ['seq'] });
    expectProblem(await t.anonymous.post('/api/v1/me/activity/seen', { seq: 1 }), 401, 'without a session');
    // Marking is Marte's own: Jonas still has everything before him.
    expect((await read(jonas, '/api/v1/me/activity')).seenSeq).toBe(0);
  });

  it('pages Mine too, each entry once', async () => {
    const all = (await read(jonas, '/api/v1/me/activity?limit=500')).items.map((e: any) => e.seq);
    expect(all.length).toBeGreaterThan(3);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await read(jonas, `/api/v1/me/activity?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((e: any) => e.seq));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('«edits» lists the new objective on the unit, and leaves the unit\'s administration out', async () => {
    const unit = (await admin.get(`/api/v1/units/${teamId}`)).body;
    expect((await admin.patch(`/api/v1/units/${teamId}`, { version: unit.version, name: 'Pasientteamet Øst' })).status).toBe(200);
    const created = await admin.post('/api/v1/objectives', { unitId: teamId, periodId: cycleId, title: 'Flere frivillige' });
    expect(created.status).toBe(201);
    const page = await read(marte, `/api/v1/units/${teamId}/activity`);
    expect(page.items[0]).toMatchObject({ type: 'objective.created', subject: { kind: 'objective', id: created.body.id, name: 'Flere frivillige' } });
    expect(page.items.some((e: any) => e.type.startsWith('unit.'))).toBe(false);
  });
});
