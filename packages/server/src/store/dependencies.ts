// Dependencies between units and the steps of their answers.
import type { DependencyState } from '@varde/core';
import { updatedRows, type Db, type VersionedUpdate } from './executor.js';
import type { DependencyTable } from './schema.js';

/** A dependency as stored, with the names and titles it is shown with; what the person asking may
 *  do with it, and whether it waits too long, are added by the use case. */
export interface DependencyRecord {
  id: string; fromUnit: { id: string; name: string; archivedAt: string | null }; toUnit: { id: string; name: string; archivedAt: string | null };
  objective: { id: string; title: string } | null; keyResult: { id: string; title: string } | null;
  description: string; neededBy: string | null; state: DependencyState; reply: string | null;
  raisedBy: { id: string; name: string } | null; raisedAt: string;
  steps: Array<{ state: DependencyState; by: { id: string; name: string } | null; at: string; note: string | null }>;
  version: number; updatedAt: string;
  /** As stored, for the events: what it was raised for, even while that is in the trash. */
  objectiveId: string | null; keyResultId: string | null;
}

export interface DependencyFilter { unitId?: string | undefined; states?: readonly DependencyState[] | undefined }

export async function listDependencyRows(db: Db, orgId: string, filter: DependencyFilter, limit: number, cursor: string | undefined): Promise<DependencyTable[]> {
  let q = db.selectFrom('dependencies').selectAll().where('org_id', '=', orgId);
  if (filter.unitId) {
    const unitId = filter.unitId;
    q = q.where((eb) => eb.or([eb('from_unit_id', '=', unitId), eb('to_unit_id', '=', unitId)]));
  }
  if (filter.states) q = q.where('state', 'in', [...filter.states]);
  if (cursor) q = q.where('id', '>', cursor);
  return q.orderBy('id').limit(limit).execute();
}

export async function getDependencyRow(db: Db, orgId: string, id: string): Promise<DependencyTable | undefined> {
  return db.selectFrom('dependencies').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** The rows with their units' names, what they are for (left out when it is in the trash), who
 *  raised them and every step, in a few queries for a whole page. */
export async function dependencyRecords(db: Db, orgId: string, rows: readonly DependencyTable[]): Promise<DependencyRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const unitIds = [...new Set(rows.flatMap((r) => [r.from_unit_id, r.to_unit_id]))];
  const objectiveIds = [...new Set(rows.flatMap((r) => (r.objective_id ? [r.objective_id] : [])))];
  const keyResultIds = [...new Set(rows.flatMap((r) => (r.key_result_id ? [r.key_result_id] : [])))];
  const [units, objectives, keyResults, steps] = await Promise.all([
    db.selectFrom('units').select(['id', 'name', 'archived_at']).where('org_id', '=', orgId).where('id', 'in', unitIds).execute(),
    objectiveIds.length ? db.selectFrom('objectives').select(['id', 'title']).where('org_id', '=', orgId).where('id', 'in', objectiveIds).execute() : [],
    keyResultIds.length ? db.selectFrom('key_results').select(['id', 'title']).where('org_id', '=', orgId).where('id', 'in', keyResultIds).execute() : [],
    db.selectFrom('dependency_steps').leftJoin('people', 'people.id', 'dependency_steps.person_id')
      .select(['dependency_steps.dependency_id', 'dependency_steps.state', 'dependency_steps.person_id', 'people.name', 'dependency_steps.at', 'dependency_steps.note'])
      .where('dependency_steps.org_id', '=', orgId).where('dependency_steps.dependency_id', 'in', ids)
      .orderBy('dependency_steps.dependency_id').orderBy('dependency_steps.seq').execute(),
  ]);
  const unitOf = new Map(units.map((u) => [u.id, { id: u.id, name: u.name, archivedAt: u.archived_at }]));
  const objectiveOf = new Map(objectives.map((o) => [o.id, { id: o.id, title: o.title }]));
  const keyResultOf = new Map(keyResults.map((k) => [k.id, { id: k.id, title: k.title }]));
  const stepsOf = new Map<string, DependencyRecord['steps']>();
  for (const s of steps) {
    const list = stepsOf.get(s.dependency_id) ?? stepsOf.set(s.dependency_id, []).get(s.dependency_id)!;
    list.push({ state: s.state as DependencyState, by: s.person_id ? { id: s.person_id, name: s.name ?? '' } : null, at: s.at, note: s.note });
  }
  return rows.map((r) => {
    const own = stepsOf.get(r.id) ?? [];
    return {
      id: r.id, fromUnit: unitOf.get(r.from_unit_id)!, toUnit: unitOf.get(r.to_unit_id)!,
      objective: r.objective_id ? objectiveOf.get(r.objective_id) ?? null : null,
      keyResult: r.key_result_id ? keyResultOf.get(r.key_result_id) ?? null : null,
      description: r.description, neededBy: r.needed_by, state: r.state as DependencyState, reply: r.reply,
      raisedBy: own[0]?.by ?? null, raisedAt: r.raised_at, steps: own, version: r.version, updatedAt: r.updated_at,
      objectiveId: r.objective_id, keyResultId: r.key_result_id,
    };
  });
}

export interface NewDependency {
  id: string; orgId: string; fromUnitId: string; toUnitId: string; objectiveId: string | null; keyResultId: string | null;
  description: string; neededBy: string | null; raisedBy: string; now: string;
}
export async function insertDependency(db: Db, d: NewDependency): Promise<void> {
  await db.insertInto('dependencies').values({
    id: d.id, org_id: d.orgId, from_unit_id: d.fromUnitId, to_unit_id: d.toUnitId, objective_id: d.objectiveId, key_result_id: d.keyResultId,
    description: d.description, needed_by: d.neededBy, state: 'requested', reply: null, raised_by: d.raisedBy, raised_at: d.now,
    version: 1, updated_at: d.now,
  }).execute();
  await insertDependencyStep(db, { orgId: d.orgId, dependencyId: d.id, seq: 0, state: 'requested', personId: d.raisedBy, at: d.now, note: null });
}

export async function insertDependencyStep(db: Db, s: { orgId: string; dependencyId: string; seq: number; state: DependencyState; personId: string | null; at: string; note: string | null }): Promise<void> {
  await db.insertInto('dependency_steps').values({
    org_id: s.orgId, dependency_id: s.dependencyId, seq: s.seq, state: s.state, person_id: s.personId, at: s.at, note: s.note,
  }).execute();
}

export async function stepCount(db: Db, dependencyId: string): Promise<number> {
  const r = await db.selectFrom('dependency_steps').select((eb) => eb.fn.countAll<number | string>().as('n')).where('dependency_id', '=', dependencyId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** Moves a dependency to `state`, if it is still at `version`; `reply` replaces the answer when given. */
export async function updateDependencyState(db: Db, orgId: string, id: string, version: number, next: { state: DependencyState; reply: string | null }, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('dependencies').set({ state: next.state, reply: next.reply, version: version + 1, updated_at: now })
    .where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  return (await getDependencyRow(db, orgId, id)) ? 'stale' : 'missing';
}
