// The check-in batch's transaction on PostgreSQL: what it reads (under the objectives' locks, as
// committed when they were granted), that it writes what it is told all together or not at all,
// that odd text travels as text, and what it leaves on its connections (statements planned once,
// no setting changed, no connection reused after a failure). Check-ins through the API in batches (concurrent ones,
// refusals among them) are in routes/okrFlow.test.ts; this is the store's part alone.
// PostgreSQL's alone: SQLite's batch (checkInBatchSqlite.ts) has no locks or prepared statements to test here, and both are exercised through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import pg from 'pg';
import { openTestStore, storeKinds, type TestStore } from '../testing/testStores.js';
import { raceAgainstOpenWrite } from '../testing/lockWaits.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';
import { systemClock, type Deps } from '../app/context.js';
import { newId } from './ids.js';
import { checkInBatchTransaction, type BatchKeyResult, type BatchRead, type BatchWrite } from './checkInBatch.js';
import { eventChannel } from './eventNotifications.js';
import { checkedIn } from '../app/checkInBatches.js';
import type { NewCheckIn } from './checkIns.js';
import { insertOtherOrganisation, type OtherOrganisation } from '../testing/otherOrganisation.js';

describe.runIf(storeKinds().includes('postgres'))('check-in batch transaction on PostgreSQL', () => {
  let t: TestStore;
  // Two key results of one objective and one of another, in the current period; a member of the first's unit.
  let objectiveId: string;
  let otherObjectiveId: string;
  let siblings: string[];
  let other: string;
  let memberId: string;
  let orgId: string;
  beforeAll(async () => {
    t = await openTestStore('postgres');
    await seedDemoIfEmpty({ store: t.store, clock: systemClock } as Deps);
    const { db } = t.store;
    const period = await db.selectFrom('periods').select(['id', 'org_id']).where('state', '=', 'active').where('kind', '=', 'cycle').executeTakeFirstOrThrow();
    orgId = period.org_id;
    const objectives = await db.selectFrom('objectives').select(['id', 'unit_id']).where('period_id', '=', period.id).orderBy('id').limit(2).execute();
    [objectiveId, otherObjectiveId] = [objectives[0]!.id, objectives[1]!.id];
    siblings = (await db.selectFrom('key_results').select('id').where('objective_id', '=', objectiveId).orderBy('id').limit(2).execute()).map((r) => r.id);
    other = (await db.selectFrom('key_results').select('id').where('objective_id', '=', otherObjectiveId).limit(1).executeTakeFirstOrThrow()).id;
    memberId = (await db.selectFrom('memberships').select('person_id').where('unit_id', '=', objectives[0]!.unit_id).limit(1).executeTakeFirstOrThrow()).person_id;
  });
  afterAll(async () => { await t?.store.close(); await t?.drop(); });

  const COMMENT = 'O\'Neil sa "ja" \\ {takk}, NULL';
  const checkIn = (keyResultId: string, value: number): NewCheckIn => ({
    id: newId(), orgId, keyResultId, value, confidence: 6, comment: COMMENT, blockers: null, authorId: memberId, createdAt: new Date().toISOString(),
  });
  const currentOf = async (id: string) => (await t.store.db.selectFrom('key_results').select(['current_value', 'confidence']).where('id', '=', id).executeTakeFirstOrThrow());
  const progressOf = async (id: string) => (await t.store.db.selectFrom('objectives').select('progress').where('id', '=', id).executeTakeFirstOrThrow()).progress;
  const checkInsOf = async (ids: string[]) => (await t.store.db.selectFrom('check_ins').select(['id', 'comment', 'blockers']).where('id', 'in', ids).execute());
  const asked = (...ids: string[]) => ids.map((keyResultId) => ({ keyResultId, orgId }));
  const writing = (write: Omit<BatchWrite, 'events'> & Partial<Pick<BatchWrite, 'events'>>) => (read: BatchRead) => ({ write: { events: [], ...write }, result: read });
  /** The batch's transaction with what it read as its result; its events are tested through the API (routes/events.test.ts). */
  const batch = async <T>(pool: pg.Pool, ...rest: [BatchKeyResult[], string[], (read: BatchRead) => { write: BatchWrite; result: T }]): Promise<T> =>
    (await checkInBatchTransaction(pool, eventChannel(t.pgSchema), ...rest)).result;
  /** A pool of one connection, so the questions after a batch go to the connection it used. */
  const poolOfOne = () => new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1, options: `-c search_path=${t.pgSchema}` });

  it('reads each key result\'s context and every key result of its objective, and writes what it is told', async () => {
    const written = [checkIn(siblings[0]!, 11), { ...checkIn(other, 33), blockers: 'NULL' }];
    const read = await batch(t.store.pgPool!, asked(siblings[0]!, other), [memberId], writing({
      checkIns: written,
      moves: [{ keyResultId: siblings[0]!, orgId, value: 11, confidence: 9, at: written[0]!.createdAt }],
      progress: [{ objectiveId, orgId, progress: 0.4242 }],
    }));
    expect([...read.contexts.keys()]).toEqual([orgId]);
    expect([...read.contexts.get(orgId)!.keys()].sort()).toEqual([siblings[0]!, other].sort());
    expect(read.contexts.get(orgId)!.get(siblings[0]!)).toMatchObject({ periodState: 'active' });
    expect(read.contexts.get(orgId)!.get(siblings[0]!)!.members.has(memberId)).toBe(true);
    // The sibling was not in the batch, but its objective was.
    expect(read.keyResults.get(siblings[1]!)).toMatchObject({ id: siblings[1], objectiveId, orgId });
    expect(read.keyResults.get(other)).toMatchObject({ objectiveId: otherObjectiveId });
    expect(await currentOf(siblings[0]!)).toEqual({ current_value: 11, confidence: 9 });
    expect((await currentOf(other)).current_value).not.toBe(33); // not told to move it
    expect(await progressOf(objectiveId)).toBe(0.4242);
    const stored = await checkInsOf(written.map((c) => c.id));
    const byId = new Map(stored.map((c) => [c.id, [c.comment, c.blockers]]));
    expect(written.map((c) => byId.get(c.id))).toEqual([[COMMENT, null], [COMMENT, 'NULL']]);
  });

  it('reads key results as committed when its locks were granted', async () => {
    // An edit holds the objective's lock and moves a key result; the batch waits for it.
    const read = await raceAgainstOpenWrite(t.store, async (trx) => {
      await sql`select id from objectives where id = ${objectiveId} for no key update`.execute(trx);
      await trx.updateTable('key_results').set({ current_value: 777 }).where('id', '=', siblings[1]!).execute();
    }, () => batch(t.store.pgPool!, asked(siblings[0]!), [memberId], writing({ checkIns: [], moves: [], progress: [] })));
    expect(read.keyResults.get(siblings[1]!)!.current).toBe(777);
  });

  it('writes nothing when one of its statements fails, and the next batches go on', async () => {
    const before = [await currentOf(siblings[0]!), await progressOf(objectiveId)];
    const lost = checkIn(siblings[0]!, 99);
    await expect(batch(t.store.pgPool!, asked(siblings[0]!), [memberId], writing({
      checkIns: [lost, { ...checkIn(siblings[0]!, 1), authorId: 'no-such-person' }], // the second breaks a foreign key
      moves: [{ keyResultId: siblings[0]!, orgId, value: 99, confidence: 1, at: lost.createdAt }],
      progress: [{ objectiveId, orgId, progress: 0.99 }],
    }))).rejects.toThrow(/foreign key/);
    await expect(batch(t.store.pgPool!, asked(siblings[0]!), [memberId], () => { throw new Error('refused'); })).rejects.toThrow('refused');
    expect([await currentOf(siblings[0]!), await progressOf(objectiveId)]).toEqual(before);
    expect(await checkInsOf([lost.id])).toEqual([]);
    // Ten batches at once: on new connections and on those that served before, none stumbles.
    const kept = Array.from({ length: 10 }, (_, i) => checkIn(siblings[i % 2]!, 100 + i));
    await Promise.all(kept.map((c) => batch(t.store.pgPool!, asked(c.keyResultId), [memberId], writing({ checkIns: [c], moves: [], progress: [] }))));
    expect(await checkInsOf(kept.map((c) => c.id))).toHaveLength(10);
  });

  it('finds no key result of another organisation and writes nothing to one, whatever it is told', async () => {
    const now = new Date();
    const andre: OtherOrganisation = await insertOtherOrganisation(t.store.db, now.toISOString(),
      { start: new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10), end: new Date(now.getTime() + 60 * 86_400_000).toISOString().slice(0, 10) });
    const theirs = async () => ({
      keyResult: await t.store.db.selectFrom('key_results').select(['current_value', 'confidence', 'current_at']).where('id', '=', andre.keyResultId).executeTakeFirstOrThrow(),
      progress: await progressOf(andre.objectiveId),
      checkIns: (await t.store.db.selectFrom('check_ins').select('id').where('key_result_id', '=', andre.keyResultId).execute()).length,
    });
    const before = await theirs();
    // Our actor asks for their key result, beside one of ours; their admin, in the same batch, for ours.
    const foreign = { ...checkIn(andre.keyResultId, 99), createdAt: new Date(now.getTime() + 1000).toISOString() };
    const read = await batch(t.store.pgPool!, [...asked(andre.keyResultId, other), { keyResultId: siblings[0]!, orgId: andre.orgId }],
      [memberId, andre.memberId], (r) => ({
        // As if the JavaScript checks were skipped: write the foreign check-in, move their key result, set their progress.
        write: {
          checkIns: [foreign, { ...checkIn(siblings[0]!, 5), orgId: andre.orgId, authorId: andre.adminId }],
          moves: [{ keyResultId: andre.keyResultId, orgId, value: 99, confidence: 1, at: foreign.createdAt }],
          progress: [{ objectiveId: andre.objectiveId, orgId, progress: 0.99 }, { objectiveId, orgId: andre.orgId, progress: 0.01 }],
          events: [],
        },
        result: r,
      }));
    expect([...read.contexts.keys()]).toEqual([orgId]);
    expect([...read.contexts.get(orgId)!.keys()]).toEqual([other]);
    expect(read.keyResults.has(andre.keyResultId)).toBe(false);
    expect([...read.keyResults.values()].every((kr) => kr.orgId === orgId)).toBe(true);
    expect(await theirs()).toEqual(before);
    expect(await checkInsOf([foreign.id])).toEqual([]);
    expect(await t.store.db.selectFrom('check_ins').select('id').where('org_id', '=', andre.orgId).where('key_result_id', '=', siblings[0]!).execute()).toEqual([]);
    expect(await progressOf(objectiveId)).not.toBe(0.01);
  });

  it('takes ids with quotes, backslashes and braces as plain text, and finds nothing for them', async () => {
    const odd = ['x"y', 'a\'b\\c', '{1,2}', 'NULL', ''];
    const read = await batch(t.store.pgPool!, asked(...odd, other), [...odd, memberId], writing({ checkIns: [], moves: [], progress: [] }));
    expect([...read.contexts.get(orgId)!.keys()]).toEqual([other]);
  });

  it('plans its statements once per connection, generically, without changing the connection\'s setting', async () => {
    const one = poolOfOne();
    try {
      for (const value of [1, 2, 3, 4, 5, 6, 7]) {
        const c = checkIn(siblings[0]!, value);
        await batch(one, asked(siblings[0]!, other), [memberId], writing({
          checkIns: [c], moves: [{ keyResultId: siblings[0]!, orgId, value, confidence: 5, at: c.createdAt }], progress: [{ objectiveId, orgId, progress: value / 10 }],
          events: [{ orgId, event: checkedIn(c, { unitId: 'u', objectiveId, title: 'T' }, { value: null, confidence: null }) }],
        }));
      }
      const { rows } = await one.query<{ name: string; generic_plans: string; custom_plans: string }>(
        `select name, generic_plans, custom_plans from pg_prepared_statements where name like 'varde_batch_%' order by name`);
      expect(rows.map((r) => r.name)).toEqual(['varde_batch_append', 'varde_batch_contexts', 'varde_batch_events', 'varde_batch_key_results', 'varde_batch_move', 'varde_batch_progress']);
      for (const r of rows) expect([r.name, Number(r.custom_plans), Number(r.generic_plans) > 0]).toEqual([r.name, 0, true]);
      expect((await one.query<{ mode: string }>(`select current_setting('plan_cache_mode') as mode`)).rows[0]!.mode).toBe('auto');
    } finally {
      await one.end();
    }
  });

  it('closes the connection of a failed batch rather than reuse it', async () => {
    const one = poolOfOne();
    const pid = async () => (await one.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
    try {
      const ok = () => batch(one, asked(other), [memberId], writing({ checkIns: [], moves: [], progress: [] }));
      await ok();
      const before = await pid();
      await expect(batch(one, asked(other), [memberId], () => { throw new Error('refused'); })).rejects.toThrow('refused');
      await ok();
      expect(await pid()).not.toBe(before);
    } finally {
      await one.end();
    }
  });
});
