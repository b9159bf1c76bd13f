// The retrospective of a unit for a cycle (issue 15), through the API on every store: closed to
// writes until the cycle is in review; notes and the whole list of actions with ids kept, a stale
// version refused, bad input named by field; the mood vote once per member (409 the second time,
// 403 for an admin who is no member), no distribution below three votes; the vote's anonymity
// proved on the database itself (two teams whose same three members voted the same moods, each
// person differently, leave rows that cannot be told apart), on the events and the live stream;
// and the actions, still editable once the cycle is closed, on their owner's Mine until done.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { listEvents } from '../store/events.js';
import { LiveClient } from '../testing/liveClient.js';

const PASSWORD = 'correct horse battery';

describe.each(storeKinds())('the retrospective on %s', (kind) => {
  let t: TestApp;
  let kari: Client; let mia: Client; let ola: Client; let per: Client; let lise: Client;
  const ids = {} as Record<'org' | 'root' | 'alfa' | 'twinA' | 'twinB' | 'gamma' | 'cycle' | 'mia' | 'ola' | 'per' | 'lise' | 'kari', string>;
  const url = (unit: string) => `/api/v1/units/${unit}/retrospectives/${ids.cycle}`;

  async function moveCycle(state: string) {
    const p = (await kari.get(`/api/v1/periods/${ids.cycle}`)).body;
    const res = await kari.patch(`/api/v1/periods/${ids.cycle}`, { version: p.version, state });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-12-01T09:00:00.000Z');
    const setup = await t.anonymous.post('/api/v1/setup', { organisationName: 'Retro', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Admin', email: 'kari@example.no', password: PASSWORD } });
    ids.kari = setup.body.personId;
    kari = await t.signIn('kari@example.no', PASSWORD);
    ids.org = (await kari.get('/api/v1/organisation')).body.id;
    const person = async (name: string, email: string) => (await kari.post('/api/v1/people', { name, email, password: PASSWORD })).body.id as string;
    ids.mia = await person('Mia Medlem', 'mia@example.no');
    ids.ola = await person('Ola Medlem', 'ola@example.no');
    ids.per = await person('Per Medlem', 'per@example.no');
    ids.lise = await person('Lise Gamma', 'lise@example.no');
    ids.root = (await kari.get('/api/v1/units')).body.items[0].id;
    const unit = async (name: string, members: string[]) => {
      const res = await kari.post('/api/v1/units', { parentId: ids.root, name, kind: 'team', members: members.map((personId) => ({ personId, role: 'member' })) });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as string;
    };
    const trio = [ids.mia, ids.ola, ids.per];
    ids.alfa = await unit('Alfa', trio);
    ids.twinA = await unit('Tvilling-en', trio);
    ids.twinB = await unit('Tvilling-to', trio);
    ids.gamma = await unit('Gamma', [ids.lise]);
    ids.cycle = ((await kari.get('/api/v1/periods?kind=cycle')).body.items[0]).id;
    [mia, ola, per, lise] = await Promise.all(['mia', 'ola', 'per', 'lise'].map((p) => t.signIn(`${p}@example.no`, PASSWORD)));
  });
  afterAll(async () => { await t?.close(); });

  it('is closed to notes and votes while the cycle is active, and reads empty', async () => {
    const r = await mia.get(url(ids.alfa));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ open: false, version: 0, actions: [], can: { edit: false, vote: false }, mood: { votes: 0, members: 3, distribution: null, mean: null, youVoted: false } });
    expect(r.body.notes).toEqual({ mood: '', reachingGoals: '', inclusion: '', support: '', method: '', stop: '' });
    expectProblem(await mia.patch(url(ids.alfa), { version: 0, notes: { mood: 'Tidlig' } }), 409, 'a note before review', { fields: ['periodId'] });
    expectProblem(await mia.post(`${url(ids.alfa)}/votes`, { mood: 3 }), 409, 'a vote before review', { fields: ['periodId'] });
    await moveCycle('review');
    expect((await mia.get(url(ids.alfa))).body).toMatchObject({ open: true, can: { edit: true, vote: true } });
  });

  it('keeps notes per question and the whole list of actions with their ids, and records what changed', async () => {
    const res = await mia.patch(url(ids.alfa), { version: 0, notes: { mood: 'God stemning', stop: 'Lange statusmøter' }, actions: [
      { text: 'Kortere ukemøter', ownerId: ids.ola, dueDate: '2027-01-15' },
      { text: 'Felles lunsj', ownerId: ids.mia },
    ] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: 1, notes: { mood: 'God stemning', stop: 'Lange statusmøter', reachingGoals: '' } });
    expect(res.body.actions).toMatchObject([
      { text: 'Kortere ukemøter', ownerId: ids.ola, ownerName: 'Ola Medlem', dueDate: '2027-01-15', done: false },
      { text: 'Felles lunsj', ownerId: ids.mia, dueDate: null, done: false },
    ]);
    const [first, second] = res.body.actions as Array<{ id: string }>;
    // The first kept and changed, the second left out (removed), a new one added.
    const next = await mia.patch(url(ids.alfa), { version: 1, notes: { method: 'Ukemøtene hjalp' }, actions: [
      { id: first!.id, text: 'Ukemøter på 15 minutter', ownerId: ids.ola, dueDate: '2027-01-15' },
      { text: 'Ny rutine for innsjekk', ownerId: ids.per, dueDate: '2027-02-01' },
    ] });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(next.body.notes).toMatchObject({ mood: 'God stemning', method: 'Ukemøtene hjalp' });
    expect(next.body.actions.map((a: { id: string }) => a.id)).toContain(first!.id);
    expect(next.body.actions.map((a: { id: string }) => a.id)).not.toContain(second!.id);
    expect(next.body.actions).toHaveLength(2);
    const events = await listEvents(t.deps.store.db, ids.org, { types: ['retrospective.changed'] }, 10);
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.subject.kind === 'retrospective' && e.subject.unitId === ids.alfa)).toBe(true);
    expect(events.flatMap((e) => e.changes.map((c) => c.field)).sort()).toEqual(['actions', 'actions', 'notes', 'notes']);
  });

  it('refuses a stale version with 409 and bad input naming the field, changing nothing', async () => {
    const before = (await mia.get(url(ids.alfa))).body;
    expectProblem(await mia.patch(url(ids.alfa), { version: 0, notes: { mood: 'Gammel' } }), 409, 'a stale version', { fields: ['version'] });
    expectProblem(await mia.patch(url(ids.alfa), { version: before.version, notes: { stop: 'x'.repeat(4001) } }), 400, 'a note too long', { fields: ['notes.stop'] });
    expectProblem(await mia.patch(url(ids.alfa), { version: before.version, notes: { feelings: 'Ukjent' } }), 400, 'an unknown question', { fields: ['notes.feelings'] });
    expectProblem(await mia.patch(url(ids.alfa), { version: before.version, actions: [{ text: '  ' }] }), 400, 'an empty action', { fields: ['actions.0.text'] });
    expectProblem(await mia.patch(url(ids.alfa), { version: before.version, actions: [{ text: 'Noe', dueDate: '2027-02-30' }] }), 400, 'a date that is none', { fields: ['actions.0.dueDate'] });
    expectProblem(await mia.patch(url(ids.alfa), { version: before.version, actions: [{ text: 'Noe', ownerId: ids.lise }] }), 422, 'an owner from another unit', { fields: ['actions.0.ownerId'] });
    expectProblem(await mia.patch(url(ids.alfa), { version: before.version, actions: [{ id: ids.alfa, text: 'Noe' }] }), 422, 'an action of no retrospective', { fields: ['actions.0.id'] });
    expectProblem(await mia.post(`${url(ids.alfa)}/votes`, { mood: 6 }), 400, 'a mood above five', { fields: ['mood'] });
    expectProblem(await mia.post(`${url(ids.alfa)}/votes`, { mood: 2.5 }), 400, 'a mood between', { fields: ['mood'] });
    expect((await mia.get(url(ids.alfa))).body).toEqual(before);
  });

  it('lets members and admins write, and nobody else', async () => {
    const before = (await mia.get(url(ids.alfa))).body;
    expectProblem(await lise.patch(url(ids.alfa), { version: before.version, notes: { support: 'Fra Gamma' } }), 403, 'a member of another unit');
    const byAdmin = await kari.patch(url(ids.alfa), { version: before.version, notes: { support: 'Vi fikk hjelp av økonomi' } });
    expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(200);
    expect(byAdmin.body.can).toEqual({ edit: true, vote: false });
    expect((await lise.get(url(ids.alfa))).body).toMatchObject({ notes: { support: 'Vi fikk hjelp av økonomi' }, can: { edit: false, vote: false } });
  });

  it('takes one vote per member, refuses others, and shows no distribution below three votes', async () => {
    const first = await mia.post(`${url(ids.alfa)}/votes`, { mood: 2 });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.mood).toEqual({ votes: 1, members: 3, distribution: null, mean: null, youVoted: true });
    expect(first.body.can.vote).toBe(false);
    expectProblem(await mia.post(`${url(ids.alfa)}/votes`, { mood: 5 }), 409, 'a second vote', { fields: ['mood'] });
    expectProblem(await kari.post(`${url(ids.alfa)}/votes`, { mood: 5 }), 403, 'an admin who is no member');
    expectProblem(await lise.post(`${url(ids.alfa)}/votes`, { mood: 5 }), 403, 'a member of another unit');
    const second = await ola.post(`${url(ids.alfa)}/votes`, { mood: 4 });
    expect(second.body.mood).toMatchObject({ votes: 2, distribution: null, mean: null });
    expect((await lise.get(url(ids.alfa))).body.mood).toMatchObject({ votes: 2, distribution: null, mean: null, youVoted: false });
    const third = await per.post(`${url(ids.alfa)}/votes`, { mood: 5 });
    expect(third.body.mood).toEqual({ votes: 3, members: 3, distribution: [0, 1, 0, 1, 1], mean: 3.7, youVoted: true });
    // The same for everyone: what each says is only whether they voted.
    for (const who of [mia, ola, per, lise, kari]) {
      const { mood } = (await who.get(url(ids.alfa))).body;
      expect(mood).toMatchObject({ votes: 3, distribution: [0, 1, 0, 1, 1], mean: 3.7 });
    }
    // The version is the notes' and actions': a vote does not make an editor's copy stale.
    expect(third.body.version).toBe(first.body.version);
  });

  it('keeps nothing that tells who voted what: not in any table, not in the events, not on the live stream', async () => {
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const live = await LiveClient.open(base, { cookie: kari.cookie });
    try {
      await live.until(() => live.ids.length > 0, 2000, 'the first id');
      // Two teams of the same three people vote the same three moods, each person differently.
      const twins: Array<[string, Array<[Client, number]>]> = [
        [ids.twinA, [[mia, 1], [ola, 3], [per, 5]]],
        [ids.twinB, [[mia, 5], [ola, 1], [per, 3]]],
      ];
      for (const [unit, votes] of twins) {
        for (const [who, mood] of votes) expect((await who.post(`${url(unit)}/votes`, { mood })).status).toBe(201);
      }
      const voted = await live.until(() => live.named('retrospective.voted').length >= 6 && live.named('retrospective.voted'), 3000, 'six votes');
      for (const m of voted) {
        const data = JSON.parse(m.data);
        expect(data.changes).toEqual([]);
        expect(m.data).not.toMatch(/mood|votes/i);
      }
    } finally {
      live.close();
    }

    const retroA = (await kari.get(url(ids.twinA))).body;
    const retroB = (await kari.get(url(ids.twinB))).body;
    expect(retroA.mood.distribution).toEqual([1, 0, 1, 0, 1]);
    expect(retroB.mood.distribution).toEqual(retroA.mood.distribution);

    // Every row of every table, with each twin's own ids and names put as one placeholder and the
    // events' own id and sequence left out. If anything tied a person to a mood, the twins' rows
    // would differ, since each person voted differently in them.
    const db = t.deps.store.db;
    const tables = kind === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(db)).rows.map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['retrospectives', 'retrospective_voters', 'retrospective_moods', 'events']));
    const retroIds = (await db.selectFrom('retrospectives').select(['id', 'unit_id']).where('unit_id', 'in', [ids.twinA, ids.twinB]).execute());
    const own = { A: [ids.twinA, 'Tvilling-en', ...retroIds.filter((r) => r.unit_id === ids.twinA).map((r) => r.id)], B: [ids.twinB, 'Tvilling-to', ...retroIds.filter((r) => r.unit_id === ids.twinB).map((r) => r.id)] };
    const rowsOf = { A: [] as string[], B: [] as string[] };
    for (const table of tables) {
      const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db)).rows;
      for (const row of rows) {
        const { id: _id, seq: _seq, ...rest } = row;
        let text = JSON.stringify(table === 'events' || table === 'event_counters' ? rest : row);
        for (const side of ['A', 'B'] as const) {
          if (!own[side].some((x) => text.includes(x))) continue;
          for (const x of own[side]) text = text.split(x).join('<twin>');
          rowsOf[side].push(`${table} ${text}`);
        }
      }
    }
    expect(rowsOf.A.some((r) => r.startsWith('retrospective_voters'))).toBe(true);
    expect(rowsOf.A.some((r) => r.startsWith('retrospective_moods'))).toBe(true);
    expect(rowsOf.A.filter((r) => r.startsWith('events')).length).toBeGreaterThanOrEqual(4);
    expect(rowsOf.A.sort()).toEqual(rowsOf.B.sort());

    // The votes' events say that a vote came, and neither who nor what.
    for (const e of await listEvents(db, ids.org, { types: ['retrospective.voted'] }, 50)) {
      expect(e.changes).toEqual([]);
      expect(e.actor).toBeNull();
    }
    // The audit and the unit's activity are made of those events.
    const audit = await kari.get('/api/v1/audit?limit=200');
    expect(audit.status).toBe(200);
    const votedInAudit = (audit.body.items as Array<{ type: string; changes: unknown[] }>).filter((e) => e.type === 'retrospective.voted');
    expect(votedInAudit.length).toBeGreaterThanOrEqual(9);
    expect(votedInAudit.every((e) => e.changes.length === 0)).toBe(true);

    if (kind === 'postgres') {
      // PostgreSQL stamps each row version with the transaction that wrote it: since a vote rewrites
      // all five counts, they all carry the last vote's transaction, which tells nothing of its mood.
      const stamps = await sql<{ xmin: string }>`select xmin::text as xmin from retrospective_moods where retrospective_id = ${retroIds[0]!.id}`.execute(db);
      expect(stamps.rows).toHaveLength(5);
      expect(new Set(stamps.rows.map((r) => r.xmin)).size).toBe(1);
    }
  });

  it('stays open once the cycle is closed; an action is done from its owner\'s Mine', async () => {
    await moveCycle('closed');
    const r = (await mia.get(url(ids.alfa))).body;
    expect(r).toMatchObject({ open: true, can: { edit: true } });
    const mine = (await ola.get('/api/v1/me/work')).body;
    const action = r.actions.find((a: { ownerId: string }) => a.ownerId === ids.ola);
    expect(mine.retrospectiveActions).toEqual([expect.objectContaining({ id: action.id, text: 'Ukemøter på 15 minutter', unitId: ids.alfa, unitName: 'Alfa', periodId: ids.cycle, done: false })]);
    expect((await per.get('/api/v1/me/work')).body.retrospectiveActions).toHaveLength(1);
    expectProblem(await lise.post(`/api/v1/retrospective-actions/${action.id}/done`, {}), 403, 'someone else marking it done');
    const done = await ola.post(`/api/v1/retrospective-actions/${action.id}/done`, {});
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.actions.find((a: { id: string }) => a.id === action.id).done).toBe(true);
    expect(done.body.version).toBe(r.version + 1);
    expect((await ola.get('/api/v1/me/work')).body.retrospectiveActions).toEqual([]);
    const [event] = await listEvents(t.deps.store.db, ids.org, { types: ['retrospective.actionDone'] }, 5);
    expect(event).toMatchObject({ actor: { id: ids.ola }, subject: { kind: 'retrospective', unitId: ids.alfa } });
    expect(event!.changes).toEqual([{ field: 'actionId', before: null, after: action.id }, { field: 'text', before: null, after: 'Ukemøter på 15 minutter' }]);
    // Done in the whole list too: the other action, by the retrospective's own PATCH.
    const other = done.body.actions.find((a: { ownerId: string }) => a.ownerId === ids.per);
    const viaPatch = await mia.patch(url(ids.alfa), { version: done.body.version, actions: done.body.actions.map((a: Record<string, unknown>) => ({ id: a.id, text: a.text, ownerId: a.ownerId, dueDate: a.dueDate, done: true })) });
    expect(viaPatch.status, JSON.stringify(viaPatch.body)).toBe(200);
    expect((await per.get('/api/v1/me/work')).body.retrospectiveActions).toEqual([]);
    expect((await listEvents(t.deps.store.db, ids.org, { types: ['retrospective.actionDone'] }, 5)).map((e) => e.changes[0]!.after)).toContain(other.id);
  });
});
