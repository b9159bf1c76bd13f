// Every change is recorded as an event in its own transaction: the type, the subject and where it
// sits, the actor, and each changed field before and after; the seq counts up per organisation
// without gaps; and a refused change records nothing. Read straight from the events table, so the
// recording is tested apart from the endpoints that show it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEntry } from '@varde/core';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { sql } from 'kysely';
import { listEvents } from '../store/events.js';
import { checkIn } from '../app/checkIn.js';

const PASSWORD = 'correct horse battery';

describe.each(storeKinds())('recorded events on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let orgId: string;
  let adminId: string;
  let rootId: string;
  let cycleId: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Lag', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    admin = await t.signIn('kari@example.no', PASSWORD);
    const me = (await admin.get('/api/v1/me')).body;
    [orgId, adminId] = [me.person.orgId ?? (await admin.get('/api/v1/organisation')).body.id, me.person.id];
    rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
  });
  afterAll(async () => { await t?.close(); });

  /** The organisation's events, oldest first. */
  const all = async (): Promise<EventEntry[]> => (await listEvents(t.deps.store.db, orgId, {}, 10_000)).reverse();
  const since = async (seq: number) => (await all()).filter((e) => e.seq > seq);
  const last = async () => (await all()).at(-1)?.seq ?? 0;

  it('records the set-up and the sign-in, numbered from 1 without gaps', async () => {
    const events = await all();
    expect(events.slice(0, 2).map((e) => e.type)).toEqual(['organisation.created', 'session.signedIn']);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events[0]!.changes).toContainEqual({ field: 'name', before: null, after: 'Lag' });
    expect(events[1]!.actor).toEqual({ id: adminId, name: 'Kari Nordmann' });
  });

  it('records an objective created with its key results, changed field by field, deleted whole and restored', async () => {
    const from = await last();
    const team = await admin.post('/api/v1/units', { parentId: rootId, name: 'Teamet', kind: 'team', members: [] });
    const created = await admin.post('/api/v1/objectives', { unitId: team.body.id, periodId: cycleId, title: 'Flere medlemmer', kind: 'committed', keyResults: [
      { title: 'Nye medlemmer', type: 'increase', start: 0, target: 40, measure: 'medlemmer' },
    ] });
    expect(created.status).toBe(201);
    const o = created.body;
    const kr = o.keyResults[0];
    expect((await admin.patch(`/api/v1/key-results/${kr.id}`, { version: kr.version, target: 45 })).status).toBe(200);
    expect((await admin.patch(`/api/v1/objectives/${o.id}`, { version: o.version, title: 'Mange flere medlemmer', description: '' })).status).toBe(200);
    const deleted = await admin.del(`/api/v1/objectives/${o.id}`);
    expect(deleted.status).toBe(200);
    expect((await admin.post(`/api/v1/trash/${deleted.body.undoId}/restore`)).status).toBe(200);

    const events = await since(from);
    expect(events.map((e) => e.type)).toEqual([
      'unit.created', 'objective.created', 'keyResult.created', 'keyResult.changed', 'objective.changed',
      'objective.deleted', 'keyResult.deleted', 'objective.restored', 'keyResult.restored',
    ]);
    const byType = (type: string) => events.find((e) => e.type === type)!;
    expect(byType('objective.created').subject).toEqual({ kind: 'objective', id: o.id, name: 'Flere medlemmer', unitId: team.body.id, objectiveId: o.id, keyResultId: null });
    expect(byType('objective.created').changes).toContainEqual({ field: 'title', before: null, after: 'Flere medlemmer' });
    expect(byType('keyResult.changed').changes).toEqual([{ field: 'target', before: 40, after: 45 }]);
    expect(byType('keyResult.changed').subject).toMatchObject({ kind: 'keyResult', id: kr.id, objectiveId: o.id, unitId: team.body.id });
    // Only what changed: the description sent unchanged is not in it.
    expect(byType('objective.changed').changes).toEqual([{ field: 'title', before: 'Flere medlemmer', after: 'Mange flere medlemmer' }]);
    expect(byType('objective.deleted').changes).toContainEqual({ field: 'title', before: 'Mange flere medlemmer', after: null });
    expect(byType('keyResult.restored').changes).toContainEqual({ field: 'target', before: null, after: 45 });
    for (const e of events) expect(e.actor).toEqual({ id: adminId, name: 'Kari Nordmann' });
  });

  it('records a check-in with the value and confidence it moved from, and its edit and removal', async () => {
    const o = (await admin.post('/api/v1/objectives', { unitId: rootId, periodId: cycleId, title: 'Synlighet', kind: 'committed', keyResults: [
      { title: 'Leserinnlegg', type: 'increase', start: 0, target: 10, measure: 'innlegg' },
    ] })).body;
    const krId = o.keyResults[0].id;
    const from = await last();
    const first = (await admin.post(`/api/v1/key-results/${krId}/check-ins`, { value: 3, confidence: 7, comment: 'God start' })).body;
    const second = (await admin.post(`/api/v1/key-results/${krId}/check-ins`, { value: 5, confidence: 6 })).body;
    expect((await admin.patch(`/api/v1/check-ins/${second.id}`, { version: second.version, value: 6 })).status).toBe(200);
    expect((await admin.del(`/api/v1/check-ins/${second.id}`)).status).toBe(204);
    const events = await since(from);
    expect(events.map((e) => e.type)).toEqual(['keyResult.checkedIn', 'keyResult.checkedIn', 'checkIn.changed', 'checkIn.deleted']);
    expect(events[0]!.subject).toEqual({ kind: 'checkIn', id: first.id, name: 'Leserinnlegg', unitId: rootId, objectiveId: o.id, keyResultId: krId });
    expect(events[0]!.changes).toEqual([
      { field: 'value', before: null, after: 3 }, { field: 'confidence', before: null, after: 7 }, { field: 'comment', before: null, after: 'God start' },
    ]);
    expect(events[1]!.changes.slice(0, 2)).toEqual([{ field: 'value', before: 3, after: 5 }, { field: 'confidence', before: 7, after: 6 }]);
    expect(events[2]!.changes).toEqual([{ field: 'value', before: 5, after: 6 }]);
    expect(events[3]!.changes).toContainEqual({ field: 'value', before: 6, after: null });
  });

  it('records people, units, periods and the organisation, never a password', async () => {
    const from = await last();
    const person = (await admin.post('/api/v1/people', { name: 'Marte', email: 'marte@example.no', password: PASSWORD })).body;
    expect((await admin.patch(`/api/v1/people/${person.id}`, { version: person.version, name: 'Marte Medlem' })).status).toBe(200);
    expect((await admin.post(`/api/v1/people/${person.id}/password-reset`)).status).toBe(200);
    const org = (await admin.get('/api/v1/organisation')).body;
    expect((await admin.patch('/api/v1/organisation', { version: org.version, name: 'Laget' })).status).toBe(200);
    const unit = (await admin.post('/api/v1/units', { parentId: rootId, name: 'Gruppa', kind: 'team', members: [] })).body;
    expect((await admin.patch(`/api/v1/units/${unit.id}`, { version: unit.version, archived: true })).status).toBe(200);
    const events = await since(from);
    expect(events.map((e) => e.type)).toEqual(['person.created', 'person.changed', 'person.oneTimePasswordSet', 'organisation.changed', 'unit.created', 'unit.archived']);
    expect(events[1]!.changes).toEqual([{ field: 'name', before: 'Marte', after: 'Marte Medlem' }]);
    expect(events[3]!.changes).toEqual([{ field: 'name', before: 'Lag', after: 'Laget' }]);
    expect(events[5]!.changes.map((c) => c.field)).toEqual(['archivedAt']);
    expect(JSON.stringify(events)).not.toMatch(/password_hash|passwordHash|argon|scrypt/i);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it('records nothing for a refused change, and nothing for a save that changed nothing', async () => {
    const o = (await admin.post('/api/v1/objectives', { unitId: rootId, periodId: cycleId, title: 'Uendret', kind: 'committed', keyResults: [] })).body;
    const from = await last();
    expect((await admin.patch(`/api/v1/objectives/${o.id}`, { version: o.version + 5, title: 'Nei' })).status).toBe(409);
    expect((await admin.patch(`/api/v1/objectives/${o.id}`, { version: o.version, periodId: 'not-a-period' })).status).toBe(422);
    expect((await admin.patch(`/api/v1/objectives/${o.id}`, { version: o.version, title: 'Uendret' })).status).toBe(200);
    expect(await since(from)).toEqual([]);
  });

  it('numbers concurrent check-ins without gaps or repeats', async () => {
    const o = (await admin.post('/api/v1/objectives', { unitId: rootId, periodId: cycleId, title: 'Mange', kind: 'committed', keyResults: [
      { title: 'A', type: 'increase', start: 0, target: 100, measure: 'x' }, { title: 'B', type: 'increase', start: 0, target: 100, measure: 'x' },
    ] })).body;
    const from = await last();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => admin.post(`/api/v1/key-results/${o.keyResults[i % 2].id}/check-ins`, { value: i, confidence: 5 })));
    expect(answers.every((a) => a.status === 201)).toBe(true);
    const events = await since(from);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 40 }, (_, i) => from + 1 + i));
    expect(new Set(events.map((e) => e.subject.id))).toEqual(new Set(answers.map((a) => a.body.id)));
  });
  it('writes a batch of check-ins with one event each in the same transaction, or none of it', async () => {
    const o = (await admin.post('/api/v1/objectives', { unitId: rootId, periodId: cycleId, title: 'Sammen', kind: 'committed', keyResults: [
      { title: 'A', type: 'increase', start: 0, target: 100, measure: 'x' }, { title: 'B', type: 'increase', start: 0, target: 100, measure: 'x' },
    ] })).body;
    const [a, b] = o.keyResults as Array<{ id: string }>;
    const from = await last();
    // The database itself refuses the event of a check-in on B, after the batch has written its
    // check-ins, moved its key results and taken its seqs.
    const db = t.deps.store.db;
    if (kind === 'sqlite') {
      await sql.raw(`create trigger refuse_b before insert on events when new.key_result_id = '${b!.id}' begin select raise(abort, 'refused by the test'); end`).execute(db);
    } else {
      await sql.raw(`create function refuse_b() returns trigger language plpgsql as $$ begin if new.key_result_id = '${b!.id}' then raise exception 'refused by the test'; end if; return new; end $$`).execute(db);
      await sql.raw('create trigger refuse_b before insert on events for each row execute function refuse_b()').execute(db);
    }
    try {
      // Submitted in the same turn of the event loop, so all eight are one batch.
      const actor = { personId: adminId, orgId, isAdmin: true, name: 'Kari Nordmann', passwordChangeRequired: false };
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => checkIn(t.deps, actor, (i === 3 ? b : a)!.id, { value: i, confidence: 5, comment: null, blockers: null })));
      expect(outcomes.map((x) => x.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
      const written = outcomes.flatMap((x) => (x.status === 'fulfilled' ? [x.value.id] : []));
      // The batch failed whole: B's check-in, its move and the seqs it took went with its event;
      // alone, each of the others landed with exactly one event, numbered on without a gap.
      const rows = await db.selectFrom('check_ins').select(['id', 'key_result_id']).where('key_result_id', 'in', [a!.id, b!.id]).execute();
      expect(rows.map((r) => r.id).sort()).toEqual([...written].sort());
      expect((await db.selectFrom('key_results').select('current_value').where('id', '=', b!.id).executeTakeFirstOrThrow()).current_value).toBeNull();
      const events = await since(from);
      expect(events.map((e) => e.seq)).toEqual(written.map((_, i) => from + 1 + i));
      expect(events.every((e) => e.type === 'keyResult.checkedIn' && e.subject.keyResultId === a!.id)).toBe(true);
      expect(events.map((e) => e.subject.id).sort()).toEqual([...written].sort());
    } finally {
      await sql.raw(kind === 'sqlite' ? 'drop trigger refuse_b' : 'drop trigger refuse_b on events; drop function refuse_b()').execute(db);
    }
  });
});
