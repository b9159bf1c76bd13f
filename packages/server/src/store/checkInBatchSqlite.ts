// SQLite's check-in batch: the same reads and writes as PostgreSQL's (store/checkInBatch.ts), in
// one transaction through Kysely. SQLite has one writer at a time, so nothing read can change
// before the commit and no lock is taken; the batch's gain is one commit, one fsync, for all of it.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { KEY_RESULT_COLUMNS, presentKeyResultRow } from './keyResults.js';
import { appendEvents, type NewEvent } from './events.js';
import type { BatchContext, BatchKeyResult, BatchRead, BatchSeqs, BatchWrite } from './checkInBatch.js';

/** SQLite takes at most 32,766 parameters a statement. */
const CHUNK = 500;
const chunks = <T>(list: readonly T[]): T[][] => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

export async function sqliteCheckInBatch<T>(db: Kysely<Database>, wanted: readonly BatchKeyResult[], personIds: readonly string[],
  decide: (read: BatchRead) => { write: BatchWrite; result: T }): Promise<{ result: T; seqs: BatchSeqs }> {
  return db.transaction().execute(async (trx) => {
    const asked = new Set(wanted.map((w) => `${w.orgId}\u0000${w.keyResultId}`));
    const ids = [...new Set(wanted.map((w) => w.keyResultId))];
    const found = (await Promise.all(chunks(ids).map((part) => trx.selectFrom('key_results as kr')
      .innerJoin('objectives as o', 'o.id', 'kr.objective_id')
      .innerJoin('periods as p', 'p.id', 'o.period_id')
      .innerJoin('units as u', 'u.id', 'o.unit_id')
      .select(['kr.id', 'kr.org_id', 'kr.objective_id', 'o.unit_id', 'p.state as period_state', 'u.archived_at as unit_archived_at'])
      .where('kr.id', 'in', part).execute()))).flat()
      // A key result is found only under the organisation it was asked for, as on PostgreSQL.
      .filter((r) => asked.has(`${r.org_id}\u0000${r.id}`));
    const units = [...new Set(found.map((r) => r.unit_id))];
    const members = units.length && personIds.length
      ? await trx.selectFrom('memberships').select(['unit_id', 'person_id']).where('unit_id', 'in', units).where('person_id', 'in', [...new Set(personIds)]).execute()
      : [];
    const membersOf = new Map<string, Set<string>>();
    for (const m of members) (membersOf.get(m.unit_id) ?? membersOf.set(m.unit_id, new Set()).get(m.unit_id)!).add(m.person_id);
    const contexts = new Map<string, Map<string, BatchContext>>();
    for (const r of found) {
      const ofOrg = contexts.get(r.org_id) ?? contexts.set(r.org_id, new Map()).get(r.org_id)!;
      ofOrg.set(r.id, { unitId: r.unit_id, periodState: r.period_state, unitArchivedAt: r.unit_archived_at, members: membersOf.get(r.unit_id) ?? new Set() });
    }
    const objectives = [...new Set(found.map((r) => r.objective_id))];
    const siblings = (await Promise.all(chunks(objectives).map((part) => trx.selectFrom('key_results').select(KEY_RESULT_COLUMNS)
      .where('objective_id', 'in', part).execute()))).flat();
    const { write, result } = decide({ contexts, keyResults: new Map(siblings.map((r) => [r.id, presentKeyResultRow(r)])) });

    for (const part of chunks(write.checkIns)) {
      await trx.insertInto('check_ins').values(part.map((c) => ({
        id: c.id, org_id: c.orgId, key_result_id: c.keyResultId, value: c.value, confidence: c.confidence,
        comment: c.comment, blockers: c.blockers, author_id: c.authorId, created_at: c.createdAt,
      }))).execute();
    }
    for (const m of write.moves) {
      await trx.updateTable('key_results').set({ current_value: m.value, confidence: m.confidence, current_at: m.at })
        .where('id', '=', m.keyResultId).where('org_id', '=', m.orgId).execute();
    }
    for (const p of write.progress) {
      await trx.updateTable('objectives').set({ progress: p.progress }).where('id', '=', p.objectiveId).where('org_id', '=', p.orgId).execute();
    }
    const byOrg = new Map<string, NewEvent[]>();
    for (const { orgId, event } of write.events) (byOrg.get(orgId) ?? byOrg.set(orgId, []).get(orgId)!).push(event);
    const seqs: BatchSeqs = [];
    for (const [orgId, events] of byOrg) seqs.push({ orgId, seq: await appendEvents(trx, orgId, events) });
    return { result, seqs };
  });
}
