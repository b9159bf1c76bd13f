// Deleting into the trash and undoing it, on every store: what a restore gives back is what every
// read answered before the deletion; a unit's progress leaves the deleted objective out; a restore
// is refused when it cannot be done (twice, too late, what it hangs on is gone, another
// organisation, no right to change it); and a deletion that fails halfway leaves nothing done.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf, startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { insertOtherOrganisation } from '../testing/otherOrganisation.js';
import { SESSION_COOKIE } from '../auth/sessionTokens.js';
import { createSweeper } from '../jobs/sweeper.js';

describe.each(storeKinds())('the trash on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let outsider: Client;
  let cycleId: string;
  let rootId: string;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z', { sessionIdleSeconds: 60 * 86_400, sessionMaxSeconds: 90 * 86_400 });
    const setup = await t.anonymous.post('/api/v1/setup', { organisationName: 'Rydding', admin: { name: 'Ada Admin', email: 'ada@example.no', password: 'a long enough password' } });
    expect(setup.status).toBe(201);
    admin = await t.signIn('ada@example.no', 'a long enough password');
    rootId = (await admin.get('/api/v1/units')).body.items[0].id;
    cycleId = (await admin.get('/api/v1/periods?kind=cycle')).body.items[0].id;
    expect((await admin.post('/api/v1/people', { name: 'Ola Utenfor', email: 'ola@example.no', password: 'a long enough password' })).status).toBe(201);
    outsider = await t.signIn('ola@example.no', 'a long enough password');
  });
  afterAll(async () => { await t?.close(); });

  const ok = <T = any>(res: { status: number; body: T }, status = 200): T => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body;
  };
  const team = async () => ok(await admin.post('/api/v1/units', { parentId: rootId, name: `Team ${++counter}` }), 201).id as string;
  const objective = async (unitId: string, title: string, extra: object = {}) =>
    ok(await admin.post('/api/v1/objectives', { unitId, periodId: cycleId, title, status: 'active', ...extra }), 201);
  const keyResult = async (objectiveId: string, title: string, target = 100) =>
    ok(await admin.post('/api/v1/key-results', { objectiveId, title, type: 'increase', start: 0, target, measure: 'stk' }), 201);
  const checkIn = async (keyResultId: string, value: number) => {
    t.clock.advance(3_600_000);
    ok(await admin.post(`/api/v1/key-results/${keyResultId}/check-ins`, { value, confidence: 7, comment: `Nå ${value}` }), 201);
  };

  /** An objective with two key results and check-ins, an initiative moving one of them, another
   *  initiative moving one of them and one elsewhere, an objective it pays into, and another that
   *  pays into it and into one of its key results. */
  async function world() {
    const unitId = await team();
    const above = await objective(unitId, 'Over');
    const o = await objective(unitId, 'Skal slettes', { alignments: [{ objectiveId: above.id }] });
    const k1 = await keyResult(o.id, 'Første');
    const k2 = await keyResult(o.id, 'Andre', 10);
    for (const v of [10, 25, 40]) await checkIn(k1.id, v);
    await checkIn(k2.id, 8);
    const keep = await keyResult(above.id, 'Blir');
    const only = ok(await admin.post('/api/v1/initiatives', { unitId, periodId: cycleId, title: 'Bare dette', keyResultIds: [k1.id] }), 201);
    const both = ok(await admin.post('/api/v1/initiatives', { unitId, periodId: cycleId, title: 'Begge', keyResultIds: [k2.id, keep.id] }), 201);
    const below = await objective(unitId, 'Under', { alignments: [{ objectiveId: o.id }, { keyResultId: k2.id }, { objectiveId: above.id }] });
    return { unitId, above, o, k1, k2, keep, only, both, below };
  }

  /** Every read that shows something of the world. */
  async function reads(w: Awaited<ReturnType<typeof world>>) {
    const get = async (url: string) => { const res = await admin.get(url); return { status: res.status, body: res.body }; };
    return {
      objective: await get(`/api/v1/objectives/${w.o.id}`),
      objectives: await get(`/api/v1/objectives?unit=${w.unitId}`),
      k1: await get(`/api/v1/key-results/${w.k1.id}`),
      k2: await get(`/api/v1/key-results/${w.k2.id}`),
      k1CheckIns: await get(`/api/v1/key-results/${w.k1.id}/check-ins`),
      k2CheckIns: await get(`/api/v1/key-results/${w.k2.id}/check-ins`),
      initiatives: await get(`/api/v1/initiatives?unit=${w.unitId}`),
      below: await get(`/api/v1/objectives/${w.below.id}`),
      progress: await get(`/api/v1/units/${w.unitId}/progress?period=${cycleId}`),
      rootProgress: await get(`/api/v1/units/${rootId}/progress?period=${cycleId}`),
    };
  }

  it('deletes an objective with all it holds, leaves it out of the unit\'s progress, and puts back exactly what was there', async () => {
    const w = await world();
    const impact = ok(await admin.get(`/api/v1/objectives/${w.o.id}/deletion`));
    expect(impact).toEqual({ keyResults: 2, checkIns: 4, initiatives: 2, alignedObjectives: 1 });
    const before = await reads(w);
    expect(before.objective.body.progress).toBeGreaterThan(0);
    expect(before.progress.body.objectives.map((o: { id: string }) => o.id)).toContain(w.o.id);

    const deleted = ok(await admin.del(`/api/v1/objectives/${w.o.id}`));
    expect(deleted).toEqual({ undoId: expect.any(String), kind: 'objective', subjectId: w.o.id, restorableUntil: '2026-12-25T14:00:00.000Z' });
    const gone = await reads(w);
    expectProblem(await admin.get(`/api/v1/objectives/${w.o.id}`), 404, 'deleted objective');
    expect(gone.k1.status).toBe(404);
    expect(gone.k2CheckIns.status).toBe(404);
    expect(gone.progress.body.objectives.map((o: { id: string }) => o.id)).not.toContain(w.o.id);
    expect(gone.progress.body.progress).not.toEqual(before.progress.body.progress);
    expect(gone.below.body.alignments).toEqual([{ objectiveId: w.above.id }]);
    expect(gone.initiatives.body.items.map((i: { keyResultIds: string[] }) => i.keyResultIds)).toEqual(
      [w.only, w.both].map((i) => (i.id === w.only.id ? [] : [w.keep.id])));

    expect(ok(await admin.post(`/api/v1/trash/${deleted.undoId}/restore`))).toEqual({ kind: 'objective', subjectId: w.o.id });
    expect(await reads(w)).toEqual(before);
    expectProblem(await admin.post(`/api/v1/trash/${deleted.undoId}/restore`), 404, 'restored twice');
  });

  it('deletes a key result, works out its objective\'s progress again, and puts it back with its check-ins and links', async () => {
    const w = await world();
    expect(ok(await admin.get(`/api/v1/key-results/${w.k2.id}/deletion`))).toEqual({ keyResults: 1, checkIns: 1, initiatives: 1, alignedObjectives: 1 });
    const before = await reads(w);
    const deleted = ok(await admin.del(`/api/v1/key-results/${w.k2.id}`));
    expect(deleted).toMatchObject({ kind: 'keyResult', subjectId: w.k2.id });
    const gone = await reads(w);
    expect(gone.k2.status).toBe(404);
    expect(gone.objective.body.keyResults.map((k: { id: string }) => k.id)).toEqual([w.k1.id]);
    // Only the first is left, at 40 of 100; the second was at 8 of 10.
    expect(gone.objective.body.progress).toBeCloseTo(0.4);
    expect(before.objective.body.progress).toBeCloseTo(0.6);
    expect(gone.progress.body.objectives.find((o: { id: string }) => o.id === w.o.id).progress).toBeCloseTo(0.4);
    expect(gone.below.body.alignments).toEqual([{ objectiveId: w.o.id }, { objectiveId: w.above.id }]);

    ok(await admin.post(`/api/v1/trash/${deleted.undoId}/restore`));
    expect(await reads(w)).toEqual(before);
  });

  it('deletes an initiative with its links and puts it back', async () => {
    const w = await world();
    const before = await reads(w);
    const deleted = ok(await admin.del(`/api/v1/initiatives/${w.both.id}`));
    expect(deleted).toMatchObject({ kind: 'initiative', subjectId: w.both.id });
    expect((await admin.get(`/api/v1/initiatives?unit=${w.unitId}`)).body.items.map((i: { id: string }) => i.id)).toEqual([w.only.id]);
    expectProblem(await admin.del(`/api/v1/initiatives/${w.both.id}`), 404, 'deleting an initiative twice');
    ok(await admin.post(`/api/v1/trash/${deleted.undoId}/restore`));
    expect(await reads(w)).toEqual(before);
  });

  it('refuses to put back a key result whose objective has been deleted since, naming it, until the objective is back', async () => {
    const w = await world();
    const before = await reads(w);
    const krDeleted = ok(await admin.del(`/api/v1/key-results/${w.k1.id}`));
    const objectiveDeleted = ok(await admin.del(`/api/v1/objectives/${w.o.id}`));
    const errors = expectProblem(await admin.post(`/api/v1/trash/${krDeleted.undoId}/restore`), 409, 'restore under a deleted objective', { fields: ['objectiveId'], only: true });
    expect(errors[0]!.code).toBe('restore_conflict');
    expect((await admin.get(`/api/v1/key-results/${w.k1.id}`)).status).toBe(404);
    // Refused, it stays in the trash: once its objective is back, it can follow.
    ok(await admin.post(`/api/v1/trash/${objectiveDeleted.undoId}/restore`));
    ok(await admin.post(`/api/v1/trash/${krDeleted.undoId}/restore`));
    expect(await reads(w)).toEqual(before);
  });

  it('refuses a restore to someone who may not change the unit, to another organisation and after 30 days', async () => {
    const w = await world();
    const deleted = ok(await admin.del(`/api/v1/objectives/${w.o.id}`));
    expectProblem(await outsider.del(`/api/v1/objectives/${w.above.id}`), 403, 'an outsider deletes');
    expectProblem(await outsider.del(`/api/v1/initiatives/${w.only.id}`), 403, 'an outsider deletes an initiative');
    expectProblem(await outsider.post(`/api/v1/trash/${deleted.undoId}/restore`), 403, 'an outsider restores');

    const x = await insertOtherOrganisation(t.deps.store.db, '2026-11-25T10:00:01.000Z', { start: '2026-09-01', end: '2026-12-31' });
    const theirAdmin = clientOf(t.app, `${SESSION_COOKIE}=${x.sessionToken}`);
    expect((await theirAdmin.get('/api/v1/me')).status).toBe(200);
    expectProblem(await theirAdmin.post(`/api/v1/trash/${deleted.undoId}/restore`), 404, 'another organisation restores ours');
    expectProblem(await admin.post(`/api/v1/trash/${x.trashId}/restore`), 404, 'we restore theirs');
    expectProblem(await admin.post('/api/v1/trash/nowhere/restore'), 404, 'an unknown undo id');

    t.clock.advance(30 * 86_400_000);
    expectProblem(await admin.post(`/api/v1/trash/${deleted.undoId}/restore`), 404, 'a restore after its window');
    t.clock.advance(-30 * 86_400_000 + 60_000);
    ok(await admin.post(`/api/v1/trash/${deleted.undoId}/restore`));
    expect(ok(await admin.get(`/api/v1/objectives/${w.o.id}`)).keyResults).toHaveLength(2);
  });

  it('sweeps a deletion once it can no longer be undone, and keeps one that still can', async () => {
    const old = ok(await admin.del(`/api/v1/objectives/${(await objective(await team(), 'Gammelt mål')).id}`));
    t.clock.advance(29 * 86_400_000);
    const recent = ok(await admin.del(`/api/v1/objectives/${(await objective(await team(), 'Nyere mål')).id}`));
    t.clock.advance(86_400_000 + 1000);
    const sweeper = createSweeper(t.deps);
    expect((await sweeper.sweep()).trash).toBeGreaterThanOrEqual(1);
    const left = (await t.deps.store.db.selectFrom('trash').select('id').execute()).map((r) => r.id);
    expect(left).not.toContain(old.undoId);
    expect(left).toContain(recent.undoId);
    ok(await admin.post(`/api/v1/trash/${recent.undoId}/restore`));
    t.clock.advance(-30 * 86_400_000 - 1000);
  });

  it('leaves nothing done when a deletion fails halfway', async () => {
    const w = await world();
    const before = await reads(w);
    const db = t.deps.store.db;
    const trashRows = async () => Number((await db.selectFrom('trash').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const trashBefore = await trashRows();
    // The database refuses the last step (deleting the live rows), after the snapshot is written.
    if (kind === 'sqlite') {
      await sql`create trigger crash_objective before delete on objectives begin select raise(abort, 'crash'); end`.execute(db);
      await sql`create trigger crash_key_result before delete on key_results begin select raise(abort, 'crash'); end`.execute(db);
    } else {
      await sql`create function crash() returns trigger language plpgsql as $$ begin raise exception 'crash'; end $$`.execute(db);
      await sql`create trigger crash_objective before delete on objectives for each row execute function crash()`.execute(db);
      await sql`create trigger crash_key_result before delete on key_results for each row execute function crash()`.execute(db);
    }
    try {
      expect((await admin.del(`/api/v1/objectives/${w.o.id}`)).status).toBe(500);
      expect((await admin.del(`/api/v1/key-results/${w.k1.id}`)).status).toBe(500);
    } finally {
      await sql`drop trigger crash_objective${sql.raw(kind === 'sqlite' ? '' : ' on objectives')}`.execute(db);
      await sql`drop trigger crash_key_result${sql.raw(kind === 'sqlite' ? '' : ' on key_results')}`.execute(db);
      if (kind !== 'sqlite') await sql`drop function crash()`.execute(db);
    }
    expect(await trashRows()).toBe(trashBefore);
    expect(await reads(w)).toEqual(before);
  });
});
