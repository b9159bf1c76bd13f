// The history of an objective and of a key result: every recorded change about it, newest first,
// with who made it and each field before and after; readable by everyone signed in in its
// organisation, a 404 for another organisation's, paged by seq like every list.
//
// Check-ins record their events today. The edits of objectives and key results record theirs once
// every write use case goes through the unit of work (issue 12): the tests marked «edits» wait on it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { insertOtherOrganisation, type OtherOrganisation } from '../testing/otherOrganisation.js';
import { appendEvents } from '../store/events.js';
import { newId } from '../store/ids.js';

const PASSWORD = 'correct horse battery';

describe.each(storeKinds())('objective and key result histories on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let marte: Client;
  let per: Client;
  let marteId: string;
  let perId: string;
  let objectiveId: string;
  let otherObjectiveId: string;
  let krId: string;
  let secondKrId: string;
  let x: OtherOrganisation;

  const person = async (name: string, email: string) => {
    const res = await admin.post('/api/v1/people', { name, email, password: PASSWORD });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, client: await t.signIn(email, PASSWORD) };
  };
  const checkIn = async (client: Client, id: string, body: object) => {
    const res = await client.post(`/api/v1/key-results/${id}/check-ins`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-03T09:00:00Z', { sessionIdleSeconds: 90 * 86_400, sessionMaxSeconds: 90 * 86_400 });
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Historielaget', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    const m = await person('Marte Haugen', 'marte@example.no');
    const p = await person('Per Annen', 'per@example.no');
    [marte, per, marteId, perId] = [m.client, p.client, m.id, p.id];
    const rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    const team = await admin.post('/api/v1/units', { parentId: rootId, name: 'Pasientteamet', kind: 'team', members: [{ personId: marteId, role: 'member' }] });
    const other = await admin.post('/api/v1/units', { parentId: rootId, name: 'Andre', kind: 'team', members: [{ personId: perId, role: 'member' }] });
    const cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    const objective = await admin.post('/api/v1/objectives', { unitId: team.body.id, periodId: cycleId, title: 'Tryggere oppfølging', kind: 'committed', keyResults: [
      { title: 'Pasientopprop', type: 'increase', start: 0, target: 40, measure: 'samtaler', ownerId: marteId },
      { title: 'Ventetid', type: 'decrease', start: 30, target: 10, measure: 'dager' },
    ] });
    expect(objective.status).toBe(201);
    objectiveId = objective.body.id;
    [krId, secondKrId] = objective.body.keyResults.map((k: { id: string }) => k.id);
    otherObjectiveId = (await admin.post('/api/v1/objectives', { unitId: other.body.id, periodId: cycleId, title: 'Andres mål', keyResults: [{ title: 'Andres resultat', type: 'increase', start: 0, target: 5 }] })).body.id;
    x = await insertOtherOrganisation(t.deps.store.db, '2026-11-03T09:00:01.000Z', { start: '2026-09-01', end: '2026-12-31' });
    // The other organisation has a history of its own, about its key result.
    await appendEvents(t.deps.store.db, x.orgId, [{
      id: newId(), type: 'keyResult.checkedIn', actorId: x.memberId, at: '2026-11-03T09:00:01.000Z',
      subject: { kind: 'checkIn', id: x.checkInId, name: 'Annenorgs resultat', unitId: x.teamId, objectiveId: x.objectiveId, keyResultId: x.keyResultId },
      changes: [{ field: 'value', before: null, after: 40 }],
    }]);
  });
  afterAll(async () => { await t?.close(); });

  const history = async (client: Client, url: string) => {
    const res = await client.get(url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: any[]; nextCursor: string | null; names: Record<string, string> };
  };

  it("lists a key result's check-ins newest first, each with its author and its values before and after", async () => {
    t.clock.set('2026-11-03T09:00:00Z');
    const first = await checkIn(marte, krId, { value: 12, confidence: 7 });
    t.clock.set('2026-11-10T09:00:00Z');
    const second = await checkIn(admin, krId, { value: 20, confidence: 8, comment: 'Godt i gang', blockers: 'Mangler telefonliste' });
    const page = await history(per, `/api/v1/key-results/${krId}/history`);
    const checkIns = page.items.filter((e) => e.type === 'keyResult.checkedIn');
    expect(checkIns.map((e) => e.subject.id)).toEqual([second.id, first.id]);
    expect(checkIns[0]).toMatchObject({
      at: '2026-11-10T09:00:00.000Z', actor: { name: 'Kari Nordmann' },
      subject: { kind: 'checkIn', name: 'Pasientopprop', keyResultId: krId, objectiveId },
      changes: [
        { field: 'value', before: 12, after: 20 }, { field: 'confidence', before: 7, after: 8 },
        { field: 'comment', before: null, after: 'Godt i gang' }, { field: 'blockers', before: null, after: 'Mangler telefonliste' },
      ],
    });
    expect(checkIns[1]).toMatchObject({ actor: { id: marteId, name: 'Marte Haugen' }, changes: [{ field: 'value', before: null, after: 12 }, { field: 'confidence', before: null, after: 7 }] });
    expect(checkIns[0].seq).toBeGreaterThan(checkIns[1].seq);
  });

  it("tells the objective's whole story: its key results' check-ins, none of another objective's", async () => {
    await checkIn(marte, secondKrId, { value: 25, confidence: 6 });
    await checkIn(per, (await admin.get(`/api/v1/objectives/${otherObjectiveId}`)).body.keyResults[0].id, { value: 1, confidence: 5 });
    const page = await history(marte, `/api/v1/objectives/${objectiveId}/history`);
    const checkIns = page.items.filter((e) => e.type === 'keyResult.checkedIn');
    expect(checkIns.map((e) => [e.subject.name, e.changes[0].after])).toEqual([['Ventetid', 25], ['Pasientopprop', 20], ['Pasientopprop', 12]]);
    expect(page.items.every((e) => e.subject.objectiveId === objectiveId)).toBe(true);
    const krPage = await history(marte, `/api/v1/key-results/${krId}/history`);
    expect(krPage.items.every((e) => e.subject.keyResultId === krId)).toBe(true);
    expect(krPage.items.some((e) => e.subject.name === 'Ventetid')).toBe(false);
  });

  it('pages by seq, each entry once, and refuses a cursor it did not hand out', async () => {
    for (let i = 1; i <= 5; i++) { t.clock.advance(60_000); await checkIn(marte, secondKrId, { value: 25 - i, confidence: 6 }); }
    const whole = await history(admin, `/api/v1/key-results/${secondKrId}/history?limit=500`);
    expect(whole.nextCursor).toBeNull();
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await history(admin, `/api/v1/key-results/${secondKrId}/history?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.seq));
      if (page.nextCursor) expect(page.nextCursor).toBe(String(page.items[page.items.length - 1].seq));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(whole.items.map((e) => e.seq));
    expect(seen.length).toBeGreaterThanOrEqual(6);
    expect(pages).toBe(Math.ceil(seen.length / 2));
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    for (const bad of ['abc', '-1', '0', '1.5', '01a232fe-f7c3-7365-98e5-cc661ae1bd15']) {
      expectProblem(await admin.get(`/api/v1/key-results/${secondKrId}/history?cursor=${bad}`), 400, `cursor ${bad}`, { fields: ['cursor'] });
    }
    expectProblem(await admin.get(`/api/v1/objectives/${objectiveId}/history?limit=0`), 400, 'limit 0', { fields: ['limit'] });
    expectProblem(await admin.get(`/api/v1/objectives/${objectiveId}/history?limit=501`), 400, 'limit 501', { fields: ['limit'] });
    expectProblem(await admin.get(`/api/v1/objectives/${objectiveId}/history?unit=x`), 400, 'an unknown filter', { fields: ['unit'] });
  });

  it("answers 404 for another organisation's objects as for ones that exist nowhere, and 401 without a session", async () => {
    for (const url of [`/api/v1/objectives/${x.objectiveId}/history`, `/api/v1/key-results/${x.keyResultId}/history`, '/api/v1/objectives/nowhere/history', '/api/v1/key-results/nowhere/history']) {
      expectProblem(await admin.get(url), 404, url);
    }
    // An objective's id is no key result's, and the other way round.
    expectProblem(await admin.get(`/api/v1/key-results/${objectiveId}/history`), 404, 'an objective as a key result');
    expectProblem(await admin.get(`/api/v1/objectives/${krId}/history`), 404, 'a key result as an objective');
    expectProblem(await t.anonymous.get(`/api/v1/objectives/${objectiveId}/history`), 401, 'without a session');
  });

  // «edits»: these wait on the write use cases recording their events.
  it('«edits» records a change of the target, before and after, in the key result\'s and the objective\'s history', async () => {
    const kr = (await admin.get(`/api/v1/key-results/${krId}`)).body;
    expect((await marte.patch(`/api/v1/key-results/${krId}`, { version: kr.version, target: 45 })).status).toBe(200);
    const krPage = await history(per, `/api/v1/key-results/${krId}/history`);
    expect(krPage.items[0]).toMatchObject({ type: 'keyResult.changed', actor: { id: marteId, name: 'Marte Haugen' }, subject: { kind: 'keyResult', id: krId, name: 'Pasientopprop' }, changes: [{ field: 'target', before: 40, after: 45 }] });
    expect((await history(per, `/api/v1/objectives/${objectiveId}/history`)).items[0]).toMatchObject({ type: 'keyResult.changed', changes: [{ field: 'target', before: 40, after: 45 }] });
  });

  it('«edits» names the people and periods the changes refer to by id', async () => {
    const o = (await admin.get(`/api/v1/objectives/${objectiveId}`)).body;
    expect((await admin.patch(`/api/v1/objectives/${objectiveId}`, { version: o.version, title: 'Trygg oppfølging', ownerIds: [marteId, perId] })).status).toBe(200);
    const page = await history(marte, `/api/v1/objectives/${objectiveId}/history`);
    const changed = page.items.find((e) => e.type === 'objective.changed');
    expect(changed).toMatchObject({ subject: { kind: 'objective', id: objectiveId } });
    expect(changed.changes).toEqual(expect.arrayContaining([
      { field: 'title', before: 'Tryggere oppfølging', after: 'Trygg oppfølging' },
      { field: 'ownerIds', before: [], after: [marteId, perId] },
    ]));
    expect(page.names).toMatchObject({ [marteId]: 'Marte Haugen', [perId]: 'Per Annen' });
    // The objective's change is not the key result's.
    expect((await history(marte, `/api/v1/key-results/${krId}/history`)).items.some((e) => e.type === 'objective.changed')).toBe(false);
  });
});
