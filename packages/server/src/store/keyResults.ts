// Key results with their latest check-in kept on the row, so progress never scans history.
import { isPostgres, updatedRows, type Db, type VersionedUpdate } from './executor.js';
import type { Selectable } from 'kysely';
import type { KeyResultTable } from './schema.js';
import type { KeyResultType } from '@varde/core';
import { compiledOnce } from './compiledOnce.js';

export interface KeyResultRecord {
  id: string; orgId: string; objectiveId: string; title: string; type: KeyResultType;
  start: number; target: number; measure: string; ownerId: string | null; weight: number;
  current: number | null; currentAt: string | null; confidence: number | null;
  /** The KPI it was promoted to. */
  kpiId: string | null;
  version: number; createdAt: string; updatedAt: string;
}

/** The columns a key result is read with, named rather than `*`: a statement PostgreSQL keeps
 *  prepared (compiledOnce) would fail once a later migration adds a column under it. */
export const KEY_RESULT_COLUMNS = [
  'id', 'org_id', 'objective_id', 'title', 'type', 'start_value', 'target_value', 'measure', 'owner_id', 'weight',
  'current_value', 'current_at', 'confidence', 'version', 'created_at', 'updated_at', 'kpi_id',
] as const satisfies ReadonlyArray<keyof KeyResultTable>;

/** kpi_id may be left out by the check-in batches' own statements, which never read it. */
export function presentKeyResultRow(r: Omit<Selectable<KeyResultTable>, 'kpi_id'> & { kpi_id?: string | null }): KeyResultRecord {
  return {
    id: r.id, orgId: r.org_id, objectiveId: r.objective_id, title: r.title, type: r.type as KeyResultType,
    start: r.start_value, target: r.target_value, measure: r.measure, ownerId: r.owner_id, weight: r.weight,
    current: r.current_value, currentAt: r.current_at, confidence: r.confidence, kpiId: r.kpi_id ?? null,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export async function getKeyResult(db: Db, orgId: string, id: string): Promise<KeyResultRecord | undefined> {
  const r = await db.selectFrom('key_results').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return r ? presentKeyResultRow(r) : undefined;
}

export async function keyResultsOf(db: Db, orgId: string, objectiveIds: readonly string[]): Promise<KeyResultRecord[]> {
  const out: KeyResultRecord[] = [];
  for (let i = 0; i < objectiveIds.length; i += 500) {
    const rows = await db.selectFrom('key_results').selectAll().where('org_id', '=', orgId)
      .where('objective_id', 'in', objectiveIds.slice(i, i + 500)).orderBy('created_at').orderBy('id').execute();
    out.push(...rows.map(presentKeyResultRow));
  }
  return out;
}

export interface NewKeyResult {
  id: string; orgId: string; objectiveId: string; title: string; type: string; start: number; target: number;
  measure: string; ownerId: string | null; weight: number; now: string;
}
export async function insertKeyResult(db: Db, k: NewKeyResult): Promise<void> {
  await db.insertInto('key_results').values({
    id: k.id, org_id: k.orgId, objective_id: k.objectiveId, title: k.title, type: k.type, start_value: k.start,
    target_value: k.target, measure: k.measure, owner_id: k.ownerId, weight: k.weight,
    current_value: null, current_at: null, confidence: null, version: 1, created_at: k.now, updated_at: k.now,
  }).execute();
}

export async function updateKeyResult(db: Db, orgId: string, id: string, version: number,
  next: { title: string; type: string; start: number; target: number; measure: string; ownerId: string | null; weight: number }, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('key_results').set({
    title: next.title, type: next.type, start_value: next.start, target_value: next.target, measure: next.measure,
    owner_id: next.ownerId, weight: next.weight, version: version + 1, updated_at: now,
  }).where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  return (await getKeyResult(db, orgId, id)) ? 'stale' : 'missing';
}

/** Sets the key result's current value to a check-in's that core's checkInWrite chose; the rule
 *  (the newest by time, never back in time) is decided there, not here. For loads of many check-ins
 *  at once (the demo); the API's check-ins are written in batches (store/checkInBatch.ts). */
export async function setCurrent(db: Db, id: string, value: number, confidence: number, at: string): Promise<void> {
  await db.updateTable('key_results').set({ current_value: value, confidence, current_at: at }).where('id', '=', id).execute();
}

/** After a check-in was edited or removed: the key result's current value is its newest
 *  remaining check-in's, or none. Unconditional, unlike setCurrent: the caller holds the
 *  objective's lock and has just read the newest. */
export async function resetCurrent(db: Db, id: string, newest: { value: number; confidence: number; createdAt: string } | undefined): Promise<void> {
  await db.updateTable('key_results').set({ current_value: newest?.value ?? null, confidence: newest?.confidence ?? null, current_at: newest?.createdAt ?? null })
    .where('id', '=', id).execute();
}

export async function deleteKeyResult(db: Db, orgId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('key_results').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function keyResultRefs(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, { objectiveId: string; unitId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('key_results').innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .select(['key_results.id', 'key_results.objective_id', 'objectives.unit_id'])
    .where('key_results.org_id', '=', orgId).where('key_results.id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, { objectiveId: r.objective_id, unitId: r.unit_id }]));
}

export interface KeyResultContextRow {
  kr: KeyResultRecord; unitId: string; periodId: string | null; periodState: string; actorIsMember: boolean;
  /** When the objective's unit was archived (its OKRs read-only), or null. */
  unitArchivedAt: string | null;
}
/** A key result with where it sits (unit, period and its state) and whether the actor is a member
 *  of its unit: everything a check-in must know before it writes, in one query. */
const contextQuery = (lockObjective: boolean) => compiledOnce((db, a: { orgId: string; id: string; personId: string }) => {
  const q = db.selectFrom('key_results')
    .innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    // Left: an objective parked in the backlog has no period; its state then reads 'backlog'.
    .leftJoin('periods', 'periods.id', 'objectives.period_id')
    .innerJoin('units', 'units.id', 'objectives.unit_id')
    .leftJoin('memberships', (join) => join.onRef('memberships.unit_id', '=', 'objectives.unit_id').on('memberships.person_id', '=', a.personId))
    .select(KEY_RESULT_COLUMNS.map((c) => `key_results.${c}` as const))
    .select(['objectives.unit_id as ctx_unit_id', 'objectives.period_id as ctx_period_id', 'periods.state as ctx_period_state', 'units.archived_at as ctx_unit_archived_at', 'memberships.role as ctx_role'])
    .where('key_results.org_id', '=', a.orgId).where('key_results.id', '=', a.id);
  // NO KEY UPDATE: other writers of the objective wait, while inserting a key result under it
  // (which takes a KEY SHARE lock for its foreign key) does not.
  return lockObjective && isPostgres(db) ? q.forNoKeyUpdate('objectives') : q;
});
const readContext = contextQuery(false);
const lockContext = contextQuery(true);

/** `lockObjective` in a transaction that will change the key result: see objectiveProgress.ts. */
export async function keyResultContext(db: Db, orgId: string, id: string, personId: string, { lockObjective = false } = {}): Promise<KeyResultContextRow | undefined> {
  const r = (await (lockObjective ? lockContext : readContext)(db, { orgId, id, personId })).rows[0];
  if (!r) return undefined;
  const { ctx_unit_id, ctx_period_id, ctx_period_state, ctx_unit_archived_at, ctx_role, ...row } = r;
  return { kr: presentKeyResultRow(row), unitId: ctx_unit_id, periodId: ctx_period_id, periodState: ctx_period_state ?? 'backlog', actorIsMember: ctx_role !== null, unitArchivedAt: ctx_unit_archived_at };
}
