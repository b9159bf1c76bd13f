// The audit trail for admins: the organisation's every recorded change, filtered by actor,
// subject, type and time (a date is a day in the organisation's time zone), paged; and all of it
// as CSV, streamed a page at a time, quoted so that no cell breaks a row or runs as a formula.
//
// Check-ins record their events today; the test marked «edits» waits on the other write use cases
// recording theirs (issue 12).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditQuery, EVENT_TYPES } from '@varde/core';
import { auditCsv } from '../app/audit.js';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem, send } from '../testing/apiChecks.js';
import { insertOtherOrganisation, type OtherOrganisation } from '../testing/otherOrganisation.js';
import { parseCsv } from '../testing/csv.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { newId } from '../store/ids.js';

const PASSWORD = 'correct horse battery';
const HEADER = ['seq', 'at', 'type', 'actor_id', 'actor_name', 'subject_kind', 'subject_id', 'subject_name', 'field', 'before', 'after'];

describe.each(storeKinds())('the audit trail on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let jonas: Client;
  let adminId: string;
  let jonasId: string;
  let orgId: string;
  let krId: string;
  let x: OtherOrganisation;
  const made: Record<string, { id: string; seq?: number }> = {};

  const checkIn = async (client: Client, at: string, body: object) => {
    t.clock.set(at);
    const res = await client.post(`/api/v1/key-results/${krId}/check-ins`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string };
  };
  const audit = async (query = '') => {
    const res = await admin.get(`/api/v1/audit${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: any[]; nextCursor: string | null; names: Record<string, string> };
  };
  const csv = async (query: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/audit${query}`, headers: { cookie: admin.cookie, ...headers } });
    expect(res.statusCode, res.body).toBe(200);
    return res;
  };

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-01T09:00:00Z', { sessionIdleSeconds: 90 * 86_400, sessionMaxSeconds: 90 * 86_400 });
    const setup = await t.anonymous.post('/api/v1/setup', { organisationName: 'Revisjonslaget', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    adminId = setup.body.personId;
    admin = await t.signIn('kari@example.no', PASSWORD);
    orgId = (await admin.get('/api/v1/me')).body.organisation.id;
    const j = await admin.post('/api/v1/people', { name: 'Jonas Bakke', email: 'jonas@example.no', password: PASSWORD });
    jonasId = j.body.id;
    jonas = await t.signIn('jonas@example.no', PASSWORD);
    const rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    const teamId = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Pasientteamet', kind: 'team', members: [{ personId: jonasId, role: 'member' }] })).body.id;
    const cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    krId = (await admin.post('/api/v1/objectives', { unitId: teamId, periodId: cycleId, title: 'Tryggere oppfølging', keyResults: [{ title: 'Pasientopprop', type: 'increase', start: 0, target: 60000 }] })).body.keyResults[0].id;
    // 23:30 on 2 November and 00:30 on 3 November in Oslo (UTC+1).
    made.lateOn2nd = await checkIn(jonas, '2026-11-02T22:30:00Z', { value: 45000, confidence: 7 });
    made.earlyOn3rd = await checkIn(admin, '2026-11-02T23:30:00Z', { value: 46000, confidence: 7, comment: 'Etter møtet, med "sitat"' });
    made.formula = await checkIn(jonas, '2026-11-10T10:00:00Z', { value: -5, confidence: 3, comment: '=HYPERLINK("http://evil.example","klikk")', blockers: 'Linje én\r\nlinje to, med komma' });
    x = await insertOtherOrganisation(t.deps.store.db, '2026-11-10T10:00:01.000Z', { start: '2026-09-01', end: '2026-12-31' });
    await appendEvents(t.deps.store.db, x.orgId, [{
      id: newId(), type: 'keyResult.checkedIn', actorId: x.memberId, at: '2026-11-03T09:00:01.000Z',
      subject: { kind: 'checkIn', id: x.checkInId, name: 'Annenorgs resultat', unitId: x.teamId, objectiveId: x.objectiveId, keyResultId: x.keyResultId },
      changes: [{ field: 'comment', before: null, after: 'Annenorgs hemmelighet' }],
    }]);
  });
  afterAll(async () => { await t?.close(); });

  it('is for admins only', async () => {
    expectProblem(await jonas.get('/api/v1/audit'), 403, 'a member');
    expectProblem(await jonas.get('/api/v1/audit?format=csv'), 403, 'a member asking for CSV');
    expectProblem(await t.anonymous.get('/api/v1/audit'), 401, 'without a session');
  });

  it("lists the organisation's trail newest first, with names, and nothing of another organisation", async () => {
    const page = await audit();
    const checkIns = page.items.filter((e) => e.type === 'keyResult.checkedIn');
    expect(checkIns.map((e) => e.subject.id)).toEqual([made.formula!.id, made.earlyOn3rd!.id, made.lateOn2nd!.id]);
    expect(checkIns[0]).toMatchObject({ actor: { id: jonasId, name: 'Jonas Bakke' }, changes: expect.arrayContaining([{ field: 'value', before: 46000, after: -5 }]) });
    expect(JSON.stringify(page)).not.toContain('Annenorg');
    const seqs = page.items.map((e) => e.seq);
    expect([...seqs].sort((a, b) => b - a)).toEqual(seqs);
  });

  it('filters by actor, subject and type', async () => {
    // Signing in is in the trail too; the rest of what Jonas did is his two check-ins.
    const jonas = (await audit(`?actor=${jonasId}`)).items;
    expect(jonas.filter((e) => e.type !== 'session.signedIn').map((e) => e.subject.id)).toEqual([made.formula!.id, made.lateOn2nd!.id]);
    expect(jonas.every((e) => e.actor.id === jonasId)).toBe(true);
    expect((await audit(`?actor=${adminId}&type=keyResult.checkedIn`)).items.map((e) => e.subject.id)).toEqual([made.earlyOn3rd!.id]);
    expect((await audit(`?subject=${made.earlyOn3rd!.id}`)).items.map((e) => e.actor.name)).toEqual(['Kari Nordmann']);
    expect((await audit('?type=keyResult.checkedIn,objective.created')).items.every((e) => ['keyResult.checkedIn', 'objective.created'].includes(e.type))).toBe(true);
    expect((await audit('?type=session.endedEverywhere')).items).toEqual([]);
    // Another organisation's person and object are answered as ones that exist nowhere: nothing.
    expect((await audit(`?actor=${x.memberId}`)).items).toEqual([]);
    expect((await audit(`?subject=${x.checkInId}`)).items).toEqual([]);
  });

  it("takes a date as that day in the organisation's time zone, the end date whole", async () => {
    const ids = async (q: string) => (await audit(`${q}&type=keyResult.checkedIn`)).items.map((e) => e.subject.id);
    expect(await ids('?from=2026-11-03')).toEqual([made.formula!.id, made.earlyOn3rd!.id]);
    expect(await ids('?to=2026-11-02')).toEqual([made.lateOn2nd!.id]);
    expect(await ids('?from=2026-11-03&to=2026-11-03')).toEqual([made.earlyOn3rd!.id]);
    expect(await ids('?from=2026-11-02T23:00:00Z&to=2026-11-10T10:00:00.000Z')).toEqual([made.earlyOn3rd!.id]);
    expect(await ids('?from=2026-11-03T00:00:00%2B01:00')).toEqual([made.formula!.id, made.earlyOn3rd!.id]);
  });

  it('refuses bad filters with a 400 naming the field', async () => {
    const bad: Array<[string, string]> = [
      ['?type=objective.exploded', 'type'], ['?type=keyResult.checkedIn,nope', 'type'], ['?type=', 'type'],
      ['?from=yesterday', 'from'], ['?from=2026-02-30', 'from'], ['?to=2026-11-03T10:00:00', 'to'],
      ['?from=2026-11-10&to=2026-11-03', 'to'], ['?from=2026-11-03T10:00:00Z&to=2026-11-03T10:00:00Z', 'to'],
      ['?actor=not%20an%20id', 'actor'], ['?format=xml', 'format'], ['?cursor=next', 'cursor'], ['?limit=0', 'limit'], ['?unit=1', 'unit'],
    ];
    for (const [query, field] of bad) expectProblem(await admin.get(`/api/v1/audit${query}`), 400, query, { fields: [field] });
    const errors = expectProblem(await admin.get('/api/v1/audit?type=objective.exploded'), 400, 'unknown type');
    expect(errors[0]).toMatchObject({ code: 'unknown_event_type' });
    expect(errors[0]!.message).toContain('keyResult.checkedIn');
    expect(expectProblem(await admin.get('/api/v1/audit?from=1.11.2026'), 400, 'a Norwegian date')[0]).toMatchObject({ code: 'invalid_timestamp' });
    // The same refusals for CSV: a problem document, not a broken download.
    expectProblem(await send(t.app, { method: 'GET', url: '/api/v1/audit?format=csv&from=nope', cookie: admin.cookie }), 400, 'CSV with a bad from', { fields: ['from'] });
  });

  it('pages by seq, each entry once', async () => {
    const all = (await audit('?limit=500')).items.map((e) => e.seq);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await audit(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((e: any) => e.seq));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    // Filters hold across pages.
    const first = await audit(`?actor=${jonasId}&limit=1`);
    expect(first.nextCursor).not.toBeNull();
    expect((await audit(`?actor=${jonasId}&limit=1&cursor=${first.nextCursor}`)).items.map((e) => e.subject.id)).toEqual([made.lateOn2nd!.id]);
  });

  it('streams the trail as CSV, oldest first, one row per changed field, quoted and guarded', async () => {
    for (const res of [await csv('?format=csv&type=keyResult.checkedIn'), await csv('?type=keyResult.checkedIn', { accept: 'text/csv' })]) {
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="varde-audit-2026-11-10.csv"');
      expect(res.headers['content-length'], 'streamed, not measured whole first').toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(res.body.slice(1));
      expect(rows[0]).toEqual(HEADER);
      const byCheckIn = (id: string) => rows.filter((r) => r[6] === id).map((r) => [r[4], r[8], r[9], r[10]]);
      expect(byCheckIn(made.lateOn2nd!.id)).toEqual([['Jonas Bakke', 'value', '', '45000'], ['Jonas Bakke', 'confidence', '', '7']]);
      expect(byCheckIn(made.earlyOn3rd!.id)).toEqual([
        ['Kari Nordmann', 'value', '45000', '46000'], ['Kari Nordmann', 'confidence', '7', '7'], ['Kari Nordmann', 'comment', '', 'Etter møtet, med "sitat"'],
      ]);
      expect(byCheckIn(made.formula!.id)).toEqual([
        ['Jonas Bakke', 'value', '46000', '-5'], ['Jonas Bakke', 'confidence', '7', '3'],
        ['Jonas Bakke', 'comment', '', '\'=HYPERLINK("http://evil.example","klikk")'], ['Jonas Bakke', 'blockers', '', 'Linje én\r\nlinje to, med komma'],
      ]);
      expect(rows.slice(1).every((r) => r.length === HEADER.length && r[2] === 'keyResult.checkedIn' && r[5] === 'checkIn' && r[7] === 'Pasientopprop')).toBe(true);
      const seqs = rows.slice(1).map((r) => Number(r[0]));
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(res.body).not.toContain('Annenorg');
    }
    // The raw text: the quote doubled, the number written as a number, the formula disarmed.
    const raw = (await csv('?format=csv')).body;
    expect(raw).toContain(',"\'=HYPERLINK(""http://evil.example"",""klikk"")"\r\n');
    expect(raw).toContain(',value,46000,-5\r\n');
    // ?format=json wins over Accept, and JSON is the default.
    expect((await csv('?format=json', { accept: 'text/csv' })).headers['content-type']).toMatch(/^application\/json/);
    expect((await csv('', { accept: 'text/html, */*' })).headers['content-type']).toMatch(/^application\/json/);
  });

  it('exports every matching event, read a page at a time, each once, up to the newest when the export began', async () => {
    const events: NewEvent[] = Array.from({ length: 1234 }, (_, i) => ({
      id: newId(), type: 'person.passwordChanged', actorId: adminId, at: new Date(Date.parse('2026-11-20T08:00:00Z') + i * 1000).toISOString(),
      subject: { kind: 'person', id: newId(), name: 'Kari Nordmann' }, changes: [],
    }));
    await appendEvents(t.deps.store.db, orgId, events);
    const rows = parseCsv((await csv('?format=csv&type=person.passwordChanged&limit=1')).body.slice(1)).slice(1);
    expect(rows.length).toBe(1234);
    expect(new Set(rows.map((r) => r[0])).size).toBe(1234);
    expect(rows.map((r) => r[6])).toEqual(events.map((e) => e.subject.id));
    expect(rows.every((r) => r[8] === '' && r[3] === adminId)).toBe(true);
    // What is recorded after the export began is not in it, even in pages read after it was.
    const exporting = await auditCsv(t.deps, { personId: adminId, orgId, isAdmin: true, name: 'Kari Nordmann', passwordChangeRequired: false }, AuditQuery.parse({ format: 'csv', type: 'person.passwordChanged' }));
    await appendEvents(t.deps.store.db, orgId, events.slice(0, 3).map((e) => ({ ...e, id: newId() })));
    let text = '';
    for await (const piece of exporting) text += piece;
    expect(parseCsv(text.slice(1)).length - 1).toBe(1234);
    // Filters apply to the export as to the pages.
    expect(parseCsv((await csv(`?format=csv&actor=${jonasId}&from=2026-11-20`)).body.slice(1)).slice(1)).toEqual([]);
  });

  it('«edits» records an objective\'s creation whole, and its change before and after', async () => {
    const rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    const cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    const o = await admin.post('/api/v1/objectives', { unitId: rootId, periodId: cycleId, title: 'Revidert mål' });
    expect((await admin.patch(`/api/v1/objectives/${o.body.id}`, { version: o.body.version, title: 'Revidert mål, igjen' })).status).toBe(200);
    const page = await audit(`?subject=${o.body.id}`);
    expect(page.items.map((e) => e.type)).toEqual(['objective.changed', 'objective.created']);
    expect(page.items[0].changes).toEqual([{ field: 'title', before: 'Revidert mål', after: 'Revidert mål, igjen' }]);
    expect(page.items[1].changes).toEqual(expect.arrayContaining([{ field: 'title', before: null, after: 'Revidert mål' }]));
    expect(page.items.every((e) => EVENT_TYPES.includes(e.type))).toBe(true);
    const rows = parseCsv((await csv(`?format=csv&subject=${o.body.id}&type=objective.changed`)).body.slice(1)).slice(1);
    expect(rows.map((r) => [r[8], r[9], r[10]])).toEqual([['title', 'Revidert mål', 'Revidert mål, igjen']]);
  });
});
