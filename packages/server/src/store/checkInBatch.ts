// PostgreSQL only: the statements that write many check-ins in one transaction with a fixed
// number of round trips (app/checkInBatches.ts). Lists travel as arrays, one parameter each, so a
// statement has the same text whatever the size of the batch.
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { compiledOnce } from './compiledOnce.js';
import type { Db } from './executor.js';
import type { Database } from './schema.js';
import type { NewCheckIn } from './checkIns.js';
import { KEY_RESULT_COLUMNS, presentKeyResultRow, type KeyResultRecord } from './keyResults.js';
import type { KeyResultTable } from './schema.js';
import type { KeyResultForProgress } from './objectiveProgress.js';

// The batch's statements are prepared (compiledOnce), but PostgreSQL would still plan them afresh
// on every call: its generic plan assumes lists of ten, so for the few check-ins a batch usually
// holds it prefers a custom plan each time, and planning cost as much as running them. Their
// plans do not depend on the lists' lengths, so the batch's transaction asks for the generic plan,
// in the same round trip as its begin (a simple query may hold several statements).
const BEGIN = CompiledQuery.raw('begin; set local plan_cache_mode = force_generic_plan');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

/** Runs fn in a transaction of its own on one connection, for a batch of check-ins. */
export async function inBatchTransaction<T>(db: Kysely<Database>, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await connection.executeQuery(BEGIN);
    let result: T;
    try {
      result = await fn(connection);
    } catch (error) {
      // A lost connection fails the rollback too; the error worth reporting is the first.
      await connection.executeQuery(ROLLBACK).catch(() => undefined);
      throw error;
    }
    await connection.executeQuery(COMMIT);
    return result;
  });
}

export interface BatchContext { kr: KeyResultRecord; unitId: string; periodState: string; members: ReadonlySet<string> }

/**
 * Each key result with its unit, its period's state and which of `personIds` are members of its
 * unit. Locks the key results' objectives (FOR NO KEY UPDATE, as keyResultContext does for one)
 * in the order of their ids, so two batches, or a batch and any other writer, cannot deadlock.
 */
export async function lockedBatchContexts(db: Db, keyResultIds: readonly string[], personIds: readonly string[]): Promise<Map<string, BatchContext>> {
  const { rows } = await contextsQuery(db, { keyResultIds, personIds });
  return new Map(rows.map(({ ctx_unit_id, ctx_period_state, ctx_members, ...row }) =>
    [row.id, { kr: presentKeyResultRow(row), unitId: ctx_unit_id, periodState: ctx_period_state, members: new Set(ctx_members) }]));
}

const contextsQuery = compiledOnce((_db, a: { keyResultIds: readonly string[]; personIds: readonly string[] }) =>
  sql<KeyResultTable & { ctx_unit_id: string; ctx_period_state: string; ctx_members: string[] }>`
    select ${sql.join(KEY_RESULT_COLUMNS.map((c) => sql.ref(`kr.${c}`)))}, o.unit_id as ctx_unit_id, p.state as ctx_period_state,
      array(select m.person_id from memberships m where m.unit_id = o.unit_id and m.person_id = any(${a.personIds}::text[])) as ctx_members
    from key_results kr
    join objectives o on o.id = kr.objective_id
    join periods p on p.id = o.period_id
    where kr.id = any(${a.keyResultIds}::text[])
    order by o.id
    for no key update of o`);

export interface MovedObjective { objectiveId: string; keyResults: KeyResultForProgress[] }

/**
 * Appends the check-ins, makes the newest of each key result its current value unless a later
 * one is current already (see setCurrent), and reads the key results of every objective whose
 * key result moved. One statement: its parts run on one snapshot, so the key results it reads
 * are as they were before it, and each moved one's new value is put in from the update.
 */
export async function appendBatch(db: Db, checkIns: readonly NewCheckIn[]): Promise<MovedObjective[]> {
  const column = <K extends keyof NewCheckIn>(key: K) => checkIns.map((c) => c[key]);
  const { rows } = await appendQuery(db, {
    id: column('id'), orgId: column('orgId'), keyResultId: column('keyResultId'), value: column('value'), confidence: column('confidence'),
    comment: column('comment'), blockers: column('blockers'), authorId: column('authorId'), createdAt: column('createdAt'),
  });
  const byObjective = new Map<string, KeyResultForProgress[]>();
  for (const { objective_id, ...kr } of rows) {
    const list = byObjective.get(objective_id);
    if (list) list.push(kr); else byObjective.set(objective_id, [kr]);
  }
  return [...byObjective].map(([objectiveId, keyResults]) => ({ objectiveId, keyResults }));
}

type Columns = { [K in keyof NewCheckIn]: Array<NewCheckIn[K]> };

const appendQuery = compiledOnce((_db, a: Columns) => sql<KeyResultForProgress & { objective_id: string }>`
    with input as (
      select * from unnest(${a.id}::text[], ${a.orgId}::text[], ${a.keyResultId}::text[],
        ${a.value}::double precision[], ${a.confidence}::integer[], ${a.comment}::text[],
        ${a.blockers}::text[], ${a.authorId}::text[], ${a.createdAt}::text[])
        as t(id, org_id, key_result_id, value, confidence, comment, blockers, author_id, created_at)
    ),
    appended as (
      insert into check_ins (id, org_id, key_result_id, value, confidence, comment, blockers, author_id, created_at)
      select id, org_id, key_result_id, value, confidence, comment, blockers, author_id, created_at from input
    ),
    newest as (
      select distinct on (key_result_id) key_result_id, value, confidence, created_at from input
      order by key_result_id, created_at desc, id desc
    ),
    moved as (
      update key_results kr set current_value = n.value, confidence = n.confidence, current_at = n.created_at
      from newest n
      where kr.id = n.key_result_id and (kr.current_at is null or kr.current_at <= n.created_at)
      returning kr.id, kr.objective_id, kr.current_value
    )
    select k.objective_id, k.type, k.start_value, k.target_value, k.weight,
      case when m.id is null then k.current_value else m.current_value end as current_value
    from key_results k left join moved m on m.id = k.id
    where k.objective_id in (select objective_id from moved)`);

/** Keeps each objective's new progress. */
export async function setProgressOfMany(db: Db, progress: ReadonlyArray<{ objectiveId: string; progress: number }>): Promise<void> {
  if (progress.length === 0) return;
  await setProgressQuery(db, { ids: progress.map((p) => p.objectiveId), progress: progress.map((p) => p.progress) });
}

const setProgressQuery = compiledOnce((_db, a: { ids: string[]; progress: number[] }) => sql`
    update objectives o set progress = v.progress
    from unnest(${a.ids}::text[], ${a.progress}::double precision[]) as v(id, progress)
    where o.id = v.id`);
