// The check-in batch's transaction on PostgreSQL: what it reads, what it writes, and that a failure
// leaves nothing behind. Check-ins through the API in batches (concurrent ones, refusals among
// them) are in routes/okrFlow.test.ts; this is the store's part alone.
// PostgreSQL only: SQLite writes check-ins one by one in its group commit (groupCommit.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeKinds, type TestStore } from '../testing/testStores.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';
import { systemClock } from '../app/context.js';
import { newId } from './ids.js';
import { checkInBatchTransaction } from './checkInBatch.js';
import type { NewCheckIn } from './checkIns.js';

describe.runIf(storeKinds().includes('postgres'))('check-in batch transaction on PostgreSQL', () => {
  let t: TestStore;
  // Two key results of one objective and one of another, in the current period; a member of the first's unit.
  let objectiveId: string;
  let siblings: string[];
  let other: string;
  let memberId: string;
  let orgId: string;
  beforeAll(async () => {
    t = await openTestStore('postgres');
    await seedDemoIfEmpty({ store: t.store, clock: systemClock });
    const { db } = t.store;
    const period = await db.selectFrom('periods').select(['id', 'org_id']).where('state', '=', 'active').where('kind', '=', 'cycle').executeTakeFirstOrThrow();
    orgId = period.org_id;
    const objectives = await db.selectFrom('objectives').select(['id', 'unit_id']).where('period_id', '=', period.id).orderBy('id').limit(2).execute();
    objectiveId = objectives[0]!.id;
    siblings = (await db.selectFrom('key_results').select('id').where('objective_id', '=', objectiveId).orderBy('id').limit(2).execute()).map((r) => r.id);
    other = (await db.selectFrom('key_results').select('id').where('objective_id', '=', objectives[1]!.id).limit(1).executeTakeFirstOrThrow()).id;
    memberId = (await db.selectFrom('memberships').select('person_id').where('unit_id', '=', objectives[0]!.unit_id).limit(1).executeTakeFirstOrThrow()).person_id;
  });
  afterAll(async () => { await t?.store.close(); await t?.drop(); });

  const checkIn = (keyResultId: string, value: number): NewCheckIn => ({
    id: newId(), orgId, keyResultId, value, confidence: 6, comment: 'O\'Neil sa "ja" \\ takk', blockers: null, authorId: memberId, createdAt: new Date().toISOString(),
  });
  const currentOf = async (id: string) => (await t.store.db.selectFrom('key_results').select('current_value').where('id', '=', id).executeTakeFirstOrThrow()).current_value;
  const progressOf = async (id: string) => (await t.store.db.selectFrom('objectives').select('progress').where('id', '=', id).executeTakeFirstOrThrow()).progress;
  const checkInsOf = async (ids: string[]) => (await t.store.db.selectFrom('check_ins').select(['id', 'comment']).where('id', 'in', ids).execute());

  it('reads each key result\'s context, appends, moves the key results and keeps the progress it is given', async () => {
    const written = [checkIn(siblings[0]!, 11), checkIn(siblings[1]!, 22), checkIn(other, 33)];
    const seen = await checkInBatchTransaction(t.store.pgPool!, [...siblings, other], [memberId], async (contexts, append) => {
      const moved = await append(written);
      return { progress: moved.map((o) => ({ objectiveId: o.objectiveId, progress: o.objectiveId === objectiveId ? 0.4242 : 0.1 })), result: { contexts, moved } };
    });
    expect([...seen.contexts.keys()].sort()).toEqual([...siblings, other].sort());
    const first = seen.contexts.get(siblings[0]!)!;
    expect(first).toMatchObject({ kr: { id: siblings[0], objectiveId, orgId }, periodState: 'active' });
    expect(first.members.has(memberId)).toBe(true);
    // The objective's key results as they are after the append: the two moved ones at their new values.
    const mine = seen.moved.find((o) => o.objectiveId === objectiveId)!;
    expect(mine.keyResults.map((k) => k.current_value)).toEqual(expect.arrayContaining([11, 22]));
    expect(await currentOf(siblings[0]!)).toBe(11);
    expect(await currentOf(other)).toBe(33);
    expect(await progressOf(objectiveId)).toBe(0.4242);
    const stored = await checkInsOf(written.map((c) => c.id));
    expect(stored.map((c) => c.comment)).toEqual(written.map(() => 'O\'Neil sa "ja" \\ takk'));
  });

  it('leaves nothing behind when the work fails after appending, and the next batch goes on', async () => {
    const before = [await currentOf(siblings[0]!), await progressOf(objectiveId)];
    const lost = checkIn(siblings[0]!, 99);
    await expect(checkInBatchTransaction(t.store.pgPool!, [siblings[0]!], [memberId], async (_contexts, append) => {
      await append([lost]);
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect([await currentOf(siblings[0]!), await progressOf(objectiveId)]).toEqual(before);
    expect(await checkInsOf([lost.id])).toEqual([]);
    // Ten batches at once: on new connections and on those that served before, none of them stumbles.
    const kept = Array.from({ length: 10 }, (_, i) => checkIn(siblings[i % 2]!, 100 + i));
    await Promise.all(kept.map((c) => checkInBatchTransaction(t.store.pgPool!, [c.keyResultId], [memberId], async (_contexts, append) => {
      await append([c]);
      return { progress: [], result: undefined };
    })));
    expect(await checkInsOf(kept.map((c) => c.id))).toHaveLength(10);
  });

  it('takes ids with quotes and backslashes as plain text, and answers none for them', async () => {
    const odd = ['x"y', 'a\'b\\c', '{1,2}', 'NULL'];
    const contexts = await checkInBatchTransaction(t.store.pgPool!, [...odd, other], [...odd, memberId], async (c) => ({ progress: [], result: c }));
    expect([...contexts.keys()]).toEqual([other]);
  });
});
