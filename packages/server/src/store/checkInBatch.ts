// PostgreSQL only: the transaction that writes many check-ins at once (app/checkInBatches.ts), in
// three round trips whatever the batch's size:
//   1. begin; lock the key results' objectives and read the key results' contexts;
//   2. append the check-ins, move the key results, read the objectives' key results;
//   3. the objectives' new progress; commit.
// Round trips, more than the database's work, are what a batch costs: two more made the rate
// 15–25 % lower under the bench's load. So this speaks to the pool's client directly, where
// Kysely sends one statement per round trip: the first and last round trips are simple queries
// holding several statements, and the statements that take lists are prepared once per
// connection, then executed with the lists as literals (array literals built here, quoted by pg's
// escapeLiteral). A simple query cannot carry parameters; a prepared statement is not planned again.
import type pg from 'pg';
import { KEY_RESULT_COLUMNS, presentKeyResultRow, type KeyResultRecord } from './keyResults.js';
import type { KeyResultTable } from './schema.js';
import type { NewCheckIn } from './checkIns.js';
import type { KeyResultForProgress } from './objectiveProgress.js';

export interface BatchContext { kr: KeyResultRecord; unitId: string; periodState: string; members: ReadonlySet<string> }
export interface MovedObjective { objectiveId: string; keyResults: KeyResultForProgress[] }
export interface ObjectiveProgress { objectiveId: string; progress: number }

// Each key result with its unit, its period's state and which of the people are members of its
// unit. Locks the objectives (FOR NO KEY UPDATE, as keyResultContext does for one) in the order
// of their ids, so two batches, or a batch and any other writer, cannot deadlock. It must be a
// statement before the one that reads the objectives' key results: a statement sees the database
// as it was when it began, even after waiting for a lock.
const CONTEXTS = `
  select ${KEY_RESULT_COLUMNS.map((c) => `kr.${c}`).join(', ')}, o.unit_id as ctx_unit_id, p.state as ctx_period_state,
    array(select m.person_id from memberships m where m.unit_id = o.unit_id and m.person_id = any($2)) as ctx_members
  from key_results kr
  join objectives o on o.id = kr.objective_id
  join periods p on p.id = o.period_id
  where kr.id = any($1)
  order by o.id
  for no key update of o`;

// Appends the check-ins, makes the newest of each key result its current value unless a later one
// is current already (see setCurrent), and reads the key results of every objective whose key
// result moved. Its parts run on one snapshot, so the key results it reads are as they were
// before it, and each moved one's new value is put in from the update.
const APPEND = `
  with input as (
    select * from unnest($1::text[], $2::text[], $3::text[], $4::double precision[], $5::integer[], $6::text[],
      $7::text[], $8::text[], $9::text[])
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
  where k.objective_id in (select objective_id from moved)`;

const PROGRESS = `
  update objectives o set progress = v.progress
  from unnest($1, $2) as v(id, progress)
  where o.id = v.id`;

// Names of our own, apart from the varde_<n> of preparedStatements.ts, in the connection's one
// namespace of prepared statements.
const PREPARE = [
  `prepare varde_batch_contexts(text[], text[]) as ${CONTEXTS}`,
  `prepare varde_batch_progress(text[], double precision[]) as ${PROGRESS}`,
];
const prepared = new WeakSet<pg.PoolClient>();

// The lists' plans do not depend on their lengths, but PostgreSQL's generic plan assumes lists of
// ten, so for the few check-ins a batch usually holds it would plan afresh on every call, which
// cost as much as running them. The batch asks for the generic plan, for itself only.
const BEGIN = 'begin; set local plan_cache_mode = force_generic_plan';

type ContextRow = KeyResultTable & { ctx_unit_id: string; ctx_period_state: string; ctx_members: string[] };

/** What a batch does between its contexts and its commit: decides, appends, and says the progress to keep. */
export type BatchWork<T> = (
  contexts: ReadonlyMap<string, BatchContext>,
  append: (checkIns: readonly NewCheckIn[]) => Promise<MovedObjective[]>,
) => Promise<{ progress: readonly ObjectiveProgress[]; result: T }>;

/**
 * One batch's transaction on one connection of the pool: locks and reads the contexts of
 * `keyResultIds` (for `personIds`' memberships), lets `work` decide and append, then keeps the
 * progress it returns and commits. On any failure it rolls back and the connection is closed
 * rather than reused, so no half-known state (a statement prepared or not) outlives the error.
 */
export async function checkInBatchTransaction<T>(pool: pg.Pool, keyResultIds: readonly string[], personIds: readonly string[], work: BatchWork<T>): Promise<T> {
  const client = await pool.connect();
  let failed = false;
  try {
    if (!prepared.has(client)) {
      for (const statement of PREPARE) await client.query(statement);
      prepared.add(client);
    }
    const began = await client.query(`${BEGIN}; execute varde_batch_contexts(${textArray(client, keyResultIds)}, ${textArray(client, personIds)})`) as unknown as pg.QueryResult[];
    const contextRows = began[began.length - 1]!.rows as ContextRow[];
    const contexts = new Map(contextRows.map(({ ctx_unit_id, ctx_period_state, ctx_members, ...row }) =>
      [row.id, { kr: presentKeyResultRow(row), unitId: ctx_unit_id, periodState: ctx_period_state, members: new Set(ctx_members) }]));
    const { progress, result } = await work(contexts, (checkIns) => append(client, checkIns));
    await client.query(progress.length === 0 ? 'commit'
      : `execute varde_batch_progress(${textArray(client, progress.map((p) => p.objectiveId))}, ${numberArray(client, progress.map((p) => p.progress))}); commit`);
    return result;
  } catch (error) {
    failed = true;
    // A lost connection fails the rollback too; the error worth reporting is the first.
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release(failed);
  }
}

async function append(client: pg.PoolClient, checkIns: readonly NewCheckIn[]): Promise<MovedObjective[]> {
  const column = <K extends keyof NewCheckIn>(key: K) => checkIns.map((c) => c[key]);
  const { rows } = await client.query<KeyResultForProgress & { objective_id: string }>({
    name: 'varde_batch_append', text: APPEND,
    values: [column('id'), column('orgId'), column('keyResultId'), column('value'), column('confidence'), column('comment'), column('blockers'), column('authorId'), column('createdAt')],
  });
  const byObjective = new Map<string, KeyResultForProgress[]>();
  for (const { objective_id, ...kr } of rows) {
    const list = byObjective.get(objective_id);
    if (list) list.push(kr); else byObjective.set(objective_id, [kr]);
  }
  return [...byObjective].map(([objectiveId, keyResults]) => ({ objectiveId, keyResults }));
}

/** A text[] literal: each element double-quoted with its quotes and backslashes escaped, the whole quoted by pg. */
function textArray(client: pg.PoolClient, values: readonly string[]): string {
  return `${client.escapeLiteral(`{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`)}::text[]`;
}

function numberArray(client: pg.PoolClient, values: readonly number[]): string {
  for (const v of values) if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  return `${client.escapeLiteral(`{${values.join(',')}}`)}::double precision[]`;
}
