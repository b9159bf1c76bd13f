// SQLite's check-in batch: the same reads and writes as PostgreSQL's (store/checkInBatch.ts), in
// one transaction. SQLite has one writer at a time, so nothing read can change before the commit
// and no lock is taken; the batch's gain is one commit, one fsync, for all of it.
// Each statement's text is fixed and takes its lists as one JSON parameter, read with json_each:
// better-sqlite3 keeps it prepared (store/statementCache.ts), and no query is built per batch.
// Built with Kysely's builder instead, the batch cost twice the server's CPU per check-in.
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database, EventTable, KeyResultTable } from './schema.js';
import { KEY_RESULT_COLUMNS, presentKeyResultRow } from './keyResults.js';
import { eventRow, type NewEvent } from './events.js';
import type { BatchContext, BatchKeyResult, BatchRead, BatchSeqs, BatchWrite } from './checkInBatch.js';

const CONTEXTS = `
  select kr.id, kr.org_id, kr.objective_id, o.unit_id, coalesce(p.state, 'backlog') as period_state, u.archived_at as unit_archived_at
  from json_each(?) w
  join key_results kr on kr.id = json_extract(w.value, '$[0]') and kr.org_id = json_extract(w.value, '$[1]')
  join objectives o on o.id = kr.objective_id
  left join periods p on p.id = o.period_id
  join units u on u.id = o.unit_id`;

const MEMBERS = `
  select m.unit_id, m.person_id from memberships m
  where m.unit_id in (select value from json_each(?)) and m.person_id in (select value from json_each(?))`;

const SIBLINGS = `select ${KEY_RESULT_COLUMNS.join(', ')} from key_results where objective_id in (select value from json_each(?))`;

// A check-in lands only on a key result of its own organisation, as on PostgreSQL.
const APPEND = `
  insert into check_ins (id, org_id, key_result_id, value, confidence, comment, blockers, author_id, created_at)
  select c.value ->> '$[0]', c.value ->> '$[1]', c.value ->> '$[2]', c.value ->> '$[3]', c.value ->> '$[4]',
    c.value ->> '$[5]', c.value ->> '$[6]', c.value ->> '$[7]', c.value ->> '$[8]'
  from json_each(?) c
  where exists (select 1 from key_results kr where kr.id = c.value ->> '$[2]' and kr.org_id = c.value ->> '$[1]')`;

const MOVE = `
  update key_results set current_value = m.value ->> '$[2]', confidence = m.value ->> '$[3]', current_at = m.value ->> '$[4]'
  from json_each(?) m
  where key_results.id = m.value ->> '$[0]' and key_results.org_id = m.value ->> '$[1]'`;

const PROGRESS = `
  update objectives set progress = v.value ->> '$[2]'
  from json_each(?) v
  where objectives.id = v.value ->> '$[0]' and objectives.org_id = v.value ->> '$[1]'`;

const TAKE_SEQS = `
  insert into event_counters (org_id, seq) values (?, ?)
  on conflict (org_id) do update set seq = event_counters.seq + excluded.seq
  returning seq`;

const EVENT_COLUMNS = ['org_id', 'seq', 'id', 'type', 'subject_kind', 'subject_id', 'subject_name', 'unit_id', 'objective_id', 'key_result_id', 'actor_id', 'at', 'changes'] as const satisfies ReadonlyArray<keyof EventTable>;
const APPEND_EVENTS = `
  insert into events (${EVENT_COLUMNS.join(', ')})
  select ${EVENT_COLUMNS.map((_, i) => `e.value ->> '$[${i}]'`).join(', ')} from json_each(?) e`;

const run = async <R>(trx: Transaction<Database>, text: string, ...parameters: unknown[]): Promise<R[]> =>
  (await trx.executeQuery<R>(CompiledQuery.raw(text, parameters))).rows;
const json = (value: unknown): string => JSON.stringify(value);

export async function sqliteCheckInBatch<T>(db: Kysely<Database>, wanted: readonly BatchKeyResult[], personIds: readonly string[],
  decide: (read: BatchRead) => { write: BatchWrite; result: T }): Promise<{ result: T; seqs: BatchSeqs }> {
  return db.transaction().execute(async (trx) => {
    const pairs = [...new Map(wanted.map((w) => [`${w.orgId}\u0000${w.keyResultId}`, [w.keyResultId, w.orgId]])).values()];
    const found = await run<{ id: string; org_id: string; objective_id: string; unit_id: string; period_state: string; unit_archived_at: string | null }>(trx, CONTEXTS, json(pairs));
    const units = [...new Set(found.map((r) => r.unit_id))];
    const members = await run<{ unit_id: string; person_id: string }>(trx, MEMBERS, json(units), json([...new Set(personIds)]));
    const membersOf = new Map<string, Set<string>>();
    for (const m of members) (membersOf.get(m.unit_id) ?? membersOf.set(m.unit_id, new Set()).get(m.unit_id)!).add(m.person_id);
    const contexts = new Map<string, Map<string, BatchContext>>();
    for (const r of found) {
      const ofOrg = contexts.get(r.org_id) ?? contexts.set(r.org_id, new Map()).get(r.org_id)!;
      ofOrg.set(r.id, { unitId: r.unit_id, periodState: r.period_state, unitArchivedAt: r.unit_archived_at, members: membersOf.get(r.unit_id) ?? new Set() });
    }
    const siblings = await run<Omit<KeyResultTable, 'kpi_id'>>(trx, SIBLINGS, json([...new Set(found.map((r) => r.objective_id))]));
    const { write, result } = decide({ contexts, keyResults: new Map(siblings.map((r) => [r.id, presentKeyResultRow(r)])) });

    if (write.checkIns.length) {
      await run(trx, APPEND, json(write.checkIns.map((c) => [c.id, c.orgId, c.keyResultId, c.value, c.confidence, c.comment, c.blockers, c.authorId, c.createdAt])));
    }
    if (write.moves.length) await run(trx, MOVE, json(write.moves.map((m) => [m.keyResultId, m.orgId, m.value, m.confidence, m.at])));
    if (write.progress.length) await run(trx, PROGRESS, json(write.progress.map((p) => [p.objectiveId, p.orgId, p.progress])));
    const byOrg = new Map<string, NewEvent[]>();
    for (const { orgId, event } of write.events) (byOrg.get(orgId) ?? byOrg.set(orgId, []).get(orgId)!).push(event);
    const seqs: BatchSeqs = [];
    for (const [orgId, events] of byOrg) {
      const [counter] = await run<{ seq: number }>(trx, TAKE_SEQS, orgId, events.length);
      const last = Number(counter!.seq);
      const rows = events.map((e, i) => { const r = eventRow(orgId, last - events.length + 1 + i, e); return EVENT_COLUMNS.map((c) => r[c]); });
      await run(trx, APPEND_EVENTS, json(rows));
      seqs.push({ orgId, seq: last });
    }
    return { result, seqs };
  });
}
