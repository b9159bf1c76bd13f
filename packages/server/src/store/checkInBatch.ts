// PostgreSQL only: the transaction that writes many check-ins at once (app/checkInBatches.ts), in
// two round trips whatever the batch's size:
//   1. begin; lock the key results' objectives and read the key results' contexts; then, in a
//      statement of its own so that it sees what was committed before the locks were granted,
//      read every key result of those objectives;
//   2. append the check-ins; move the key results' current values; keep the objectives' new
//      progress; commit.
// Between the two, the caller decides what to write from what was read: the objectives are
// locked, and every writer of a key result locks its objective first, so nothing it read can
// change before the commit.
// Every statement names the organisation of each key result it reads or writes, so a check-in
// on another organisation's key result finds nothing and writes nothing whatever the caller
// decides: the filter is on rows already found by primary key (or by key_results_objective), so
// it adds no round trip and no scan.
// Round trips, more than the database's work, are what a batch costs here: each waits for a busy
// event loop and for processes sharing the cores. In alternating runs under the bench's load, two
// round trips fewer (five to three) raised the rate by 6–18 %, and one fewer again by about 10 %.
// So this speaks to the pool's client directly,
// where Kysely sends one statement per round trip: each round trip is one simple query holding
// several statements. A simple query cannot carry parameters, so the statements are prepared once
// per connection and executed with literals: array literals built here, quoted by pg's
// escapeLiteral. Prepared, they are not parsed or planned again.
import type pg from 'pg';
import { KEY_RESULT_COLUMNS, presentKeyResultRow, type KeyResultRecord } from './keyResults.js';
import type { KeyResultTable } from './schema.js';
import type { NewCheckIn } from './checkIns.js';
import { eventRow, type NewEvent } from './events.js';
import { eventChannel } from './eventNotifications.js';
import type { Store } from './database.js';
import { sqliteCheckInBatch } from './checkInBatchSqlite.js';

/** Where a key result sits, for deciding whether a check-in on it may be written. */
export interface BatchContext { unitId: string; periodState: string; unitArchivedAt: string | null; members: ReadonlySet<string> }
/** A key result a batch asks for, with the organisation of the actor who asks. */
export interface BatchKeyResult { keyResultId: string; orgId: string }
export interface BatchRead {
  /** By organisation, then key result: only key results that belong to the organisation they were asked for under. */
  contexts: ReadonlyMap<string, ReadonlyMap<string, BatchContext>>;
  /** Every key result of the objectives of the batch's key results, as they stand under the lock, by id. */
  keyResults: ReadonlyMap<string, KeyResultRecord>;
}
export interface CurrentMove { keyResultId: string; orgId: string; value: number; confidence: number; at: string }
export interface BatchWrite {
  checkIns: readonly NewCheckIn[];
  /** Key results whose current value becomes a check-in's. */
  moves: readonly CurrentMove[];
  progress: ReadonlyArray<{ objectiveId: string; orgId: string; progress: number }>;
  /** The check-ins' events, in order, each under its organisation. */
  events: ReadonlyArray<{ orgId: string; event: NewEvent }>;
}
/** Each organisation's last seq after the batch's events, for the event feed. */
export type BatchSeqs = Array<{ orgId: string; seq: number }>;

const KR = KEY_RESULT_COLUMNS.map((c) => `kr.${c}`).join(', ');

// Locks the objectives (FOR NO KEY UPDATE, as keyResultContext does for one) in the order of their
// ids, so two batches, or a batch and any other writer, cannot deadlock. $1 and $2 are pairs of
// key result and organisation, distinct: a key result is found only under its own organisation.
const CONTEXTS = `
  select kr.id, kr.org_id, o.unit_id, coalesce(p.state, 'backlog') as period_state, u.archived_at as unit_archived_at,
    array(select m.person_id from memberships m where m.unit_id = o.unit_id and m.person_id = any($3)) as members
  from unnest($1, $2) as w(id, org_id)
  join key_results kr on kr.id = w.id and kr.org_id = w.org_id
  join objectives o on o.id = kr.objective_id and o.org_id = w.org_id
  left join periods p on p.id = o.period_id and p.org_id = w.org_id
  join units u on u.id = o.unit_id
  order by o.id
  for no key update of o`;

// A statement sees the database as it was when it began, even after waiting for a lock: the key
// results are read by the next one.
const KEY_RESULTS = `
  select ${KR} from key_results kr
  where (kr.objective_id, kr.org_id) in (
    select b.objective_id, b.org_id from unnest($1, $2) as w(id, org_id) join key_results b on b.id = w.id and b.org_id = w.org_id)`;

// A check-in lands only on a key result of its own organisation (its org_id is the actor's).
const APPEND = `
  insert into check_ins (id, org_id, key_result_id, value, confidence, comment, blockers, author_id, created_at)
  select c.* from unnest($1, $2, $3, $4, $5, $6, $7, $8, $9) as c(id, org_id, key_result_id, value, confidence, comment, blockers, author_id, created_at)
  where exists (select from key_results kr where kr.id = c.key_result_id and kr.org_id = c.org_id)`;

const MOVE = `
  update key_results kr set current_value = m.value, confidence = m.confidence, current_at = m.at
  from unnest($1, $2, $3, $4, $5) as m(id, org_id, value, confidence, at)
  where kr.id = m.id and kr.org_id = m.org_id`;

// Numbers the events from each organisation's counter, whose row stays locked to the commit (see
// store/events.ts takeSeqs), in organisation order like every writer that takes several; and
// notifies the listening instances, which PostgreSQL does on commit.
const EVENTS = `
  with e as (
    select e.*, row_number() over (partition by e.org_id order by e.ord) as n, count(*) over (partition by e.org_id) as total
    from unnest($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) with ordinality
      as e(org_id, id, type, subject_kind, subject_id, subject_name, unit_id, objective_id, key_result_id, actor_id, at, changes, ord)
  ), c as (
    insert into event_counters (org_id, seq) select org_id, count(*) from e group by org_id order by org_id
    on conflict (org_id) do update set seq = event_counters.seq + excluded.seq
    returning org_id, seq
  ), i as (
    insert into events (org_id, seq, id, type, subject_kind, subject_id, subject_name, unit_id, objective_id, key_result_id, actor_id, at, changes)
    select e.org_id, c.seq - e.total + e.n, e.id, e.type, e.subject_kind, e.subject_id, e.subject_name, e.unit_id, e.objective_id, e.key_result_id, e.actor_id, e.at, e.changes
    from e join c on c.org_id = e.org_id
  )
  select org_id, seq::text as seq, pg_notify($13, org_id || ':' || seq) from c`;

const PROGRESS = `
  update objectives o set progress = v.progress
  from unnest($1, $2, $3) as v(id, org_id, progress)
  where o.id = v.id and o.org_id = v.org_id`;

// Names of our own, apart from the varde_<n> of preparedStatements.ts, in the connection's one
// namespace of prepared statements.
const PREPARE = [
  `prepare varde_batch_contexts(text[], text[], text[]) as ${CONTEXTS}`,
  `prepare varde_batch_key_results(text[], text[]) as ${KEY_RESULTS}`,
  `prepare varde_batch_append(text[], text[], text[], double precision[], integer[], text[], text[], text[], text[]) as ${APPEND}`,
  `prepare varde_batch_move(text[], text[], double precision[], integer[], text[]) as ${MOVE}`,
  `prepare varde_batch_progress(text[], text[], double precision[]) as ${PROGRESS}`,
  `prepare varde_batch_events(text[], text[], text[], text[], text[], text[], text[], text[], text[], text[], text[], text[], text) as ${EVENTS}`,
];
const prepared = new WeakSet<pg.PoolClient>();

// The lists' plans do not depend on their lengths, but PostgreSQL's generic plan assumes lists of
// ten, so for the few check-ins a batch usually holds it would plan afresh on every call, which
// cost as much as running them. The batch asks for the generic plan, for itself only.
const BEGIN = 'begin; set local plan_cache_mode = force_generic_plan';

/**
 * One batch's transaction on one connection of the pool: locks and reads as above for
 * `wanted`, each key result under the organisation it is asked for (and `personIds`' memberships), lets `decide` say what to write, writes it and
 * commits. On any failure it rolls back and the connection is closed rather than reused, so no
 * half-known state (a statement prepared or not) outlives the error.
 */
export async function checkInBatchTransaction<T>(pool: pg.Pool, channel: string, wanted: readonly BatchKeyResult[], personIds: readonly string[],
  decide: (read: BatchRead) => { write: BatchWrite; result: T }): Promise<{ result: T; seqs: BatchSeqs }> {
  const client = await pool.connect();
  let failed = false;
  try {
    if (!prepared.has(client)) {
      for (const statement of PREPARE) await client.query(statement);
      prepared.add(client);
    }
    const pairs = new Map<string, BatchKeyResult>();
    for (const w of wanted) pairs.set(`${w.orgId}\u0000${w.keyResultId}`, w);
    const krs = textArray(client, [...pairs.values()].map((w) => w.keyResultId));
    const orgs = textArray(client, [...pairs.values()].map((w) => w.orgId));
    const read = await client.query(`${BEGIN}; execute varde_batch_contexts(${krs}, ${orgs}, ${textArray(client, personIds)}); execute varde_batch_key_results(${krs}, ${orgs})`) as unknown as pg.QueryResult[];
    const [contextRows, keyResultRows] = read.slice(-2).map((r) => r.rows) as [Array<{ id: string; org_id: string; unit_id: string; period_state: string; unit_archived_at: string | null; members: string[] }>, Array<Omit<KeyResultTable, 'kpi_id'>>];
    const contexts = new Map<string, Map<string, BatchContext>>();
    for (const r of contextRows) {
      let ofOrg = contexts.get(r.org_id);
      if (!ofOrg) { ofOrg = new Map(); contexts.set(r.org_id, ofOrg); }
      ofOrg.set(r.id, { unitId: r.unit_id, periodState: r.period_state, unitArchivedAt: r.unit_archived_at, members: new Set(r.members) });
    }
    const { write, result } = decide({ contexts, keyResults: new Map(keyResultRows.map((r) => [r.id, presentKeyResultRow(r)])) });
    const statements = writeStatements(client, write, channel);
    const answers = await client.query([...statements, 'commit'].join('; ')) as unknown as pg.QueryResult | pg.QueryResult[];
    // The events' statement, when there is one, comes last before the commit.
    const eventsAnswer = write.events.length ? (Array.isArray(answers) ? answers[answers.length - 2] : undefined) : undefined;
    const seqs = (eventsAnswer?.rows ?? []).map((r: { org_id: string; seq: string }) => ({ orgId: r.org_id, seq: Number(r.seq) }));
    return { result, seqs };
  } catch (error) {
    failed = true;
    // A lost connection fails the rollback too; the error worth reporting is the first.
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release(failed);
  }
}

function writeStatements(client: pg.PoolClient, { checkIns, moves, progress, events }: BatchWrite, channel: string): string[] {
  const statements: string[] = [];
  if (checkIns.length) {
    const text = (key: 'id' | 'orgId' | 'keyResultId' | 'comment' | 'blockers' | 'authorId' | 'createdAt') => textArray(client, checkIns.map((c) => c[key]));
    const numbers = (key: 'value' | 'confidence') => numberArray(client, checkIns.map((c) => c[key]));
    statements.push(`execute varde_batch_append(${text('id')}, ${text('orgId')}, ${text('keyResultId')}, ${numbers('value')}, ${numbers('confidence')}, ${text('comment')}, ${text('blockers')}, ${text('authorId')}, ${text('createdAt')})`);
  }
  if (moves.length) {
    statements.push(`execute varde_batch_move(${textArray(client, moves.map((m) => m.keyResultId))}, ${textArray(client, moves.map((m) => m.orgId))}, ${numberArray(client, moves.map((m) => m.value))}, ${numberArray(client, moves.map((m) => m.confidence))}, ${textArray(client, moves.map((m) => m.at))})`);
  }
  if (progress.length) {
    statements.push(`execute varde_batch_progress(${textArray(client, progress.map((p) => p.objectiveId))}, ${textArray(client, progress.map((p) => p.orgId))}, ${numberArray(client, progress.map((p) => p.progress))})`);
  }
  if (events.length) {
    const rows = events.map((e) => eventRow(e.orgId, 0, e.event));
    const text = (key: 'org_id' | 'id' | 'type' | 'subject_kind' | 'subject_id' | 'subject_name' | 'unit_id' | 'objective_id' | 'key_result_id' | 'actor_id' | 'at' | 'changes') => textArray(client, rows.map((r) => r[key]));
    statements.push(`execute varde_batch_events(${text('org_id')}, ${text('id')}, ${text('type')}, ${text('subject_kind')}, ${text('subject_id')}, ${text('subject_name')}, ${text('unit_id')}, ${text('objective_id')}, ${text('key_result_id')}, ${text('actor_id')}, ${text('at')}, ${text('changes')}, ${client.escapeLiteral(channel)})`);
  }
  return statements;
}

/** An array literal of text: each element double-quoted with its quotes and backslashes escaped (or NULL), the whole quoted by pg. */
function textArray(client: pg.PoolClient, values: ReadonlyArray<string | null>): string {
  const elements = values.map((v) => {
    if (v === null) return 'NULL';
    // The request body refuses NUL (http/jsonBody.ts); a query's text cannot hold one.
    if (v.includes('\u0000')) throw new Error('a text for PostgreSQL holds a NUL character');
    return `"${v.replace(/["\\]/g, '\\$&')}"`;
  });
  return client.escapeLiteral(`{${elements.join(',')}}`);
}

function numberArray(client: pg.PoolClient, values: readonly number[]): string {
  for (const v of values) if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  return client.escapeLiteral(`{${values.join(',')}}`);
}

/** The batch on whichever database the store holds: the one place the check-in path differs by dialect. */
export async function writeCheckInBatch<T>(store: Store, wanted: readonly BatchKeyResult[], personIds: readonly string[],
  decide: (read: BatchRead) => { write: BatchWrite; result: T }): Promise<{ result: T; seqs: BatchSeqs }> {
  if (store.dialect === 'postgres' && store.pgPool) return checkInBatchTransaction(store.pgPool, eventChannel(store.pgSchema), wanted, personIds, decide);
  return sqliteCheckInBatch(store.db, wanted, personIds, decide);
}

/** How many batches may be written at once: PostgreSQL runs them on connections of their own;
 *  SQLite has one writer, so a second would only wait. */
export const concurrentBatches = (store: Store): number => (store.dialect === 'postgres' ? 2 : 1);
