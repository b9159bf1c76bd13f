// Objectives with their owners and alignment links.
import type { Alignment } from '@varde/core';
import type { Db, VersionedUpdate } from './executor.js';
import { updatedRows } from './executor.js';
import type { Selectable } from 'kysely';
import type { ObjectiveTable } from './schema.js';

export interface ObjectiveRecord {
  id: string; orgId: string; unitId: string; periodId: string | null; title: string; description: string;
  kind: 'committed' | 'aspirational'; status: 'draft' | 'active' | 'done' | 'cancelled' | 'backlog';
  ownerIds: string[]; alignments: Alignment[]; version: number; createdAt: string; updatedAt: string;
  /** The objective a review carried over or parked this one from. */
  carriedFromId: string | null;
}

async function withLinks(db: Db, rows: Selectable<ObjectiveTable>[]): Promise<ObjectiveRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const owners = new Map<string, string[]>();
  const links = new Map<string, Alignment[]>();
  // Chunked so a large page never exceeds SQLite's bound-parameter limit.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const o of await db.selectFrom('objective_owners').select(['objective_id', 'person_id']).where('objective_id', 'in', chunk).orderBy('person_id').execute()) {
      owners.set(o.objective_id, [...(owners.get(o.objective_id) ?? []), o.person_id]);
    }
    for (const a of await db.selectFrom('alignments').selectAll().where('objective_id', 'in', chunk).execute()) {
      const link: Alignment = a.target_objective_id ? { objectiveId: a.target_objective_id }
        : a.target_kpi_id ? { kpiId: a.target_kpi_id } : { keyResultId: a.target_key_result_id ?? '' };
      links.set(a.objective_id, [...(links.get(a.objective_id) ?? []), link]);
    }
  }
  return rows.map((r) => ({
    id: r.id, orgId: r.org_id, unitId: r.unit_id, periodId: r.period_id, title: r.title, description: r.description,
    kind: r.kind as ObjectiveRecord['kind'], status: r.status as ObjectiveRecord['status'],
    ownerIds: owners.get(r.id) ?? [], alignments: links.get(r.id) ?? [], version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
    carriedFromId: r.carried_from_id ?? null,
  }));
}

export async function getObjective(db: Db, orgId: string, id: string): Promise<ObjectiveRecord | undefined> {
  const row = await db.selectFrom('objectives').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row ? (await withLinks(db, [row]))[0] : undefined;
}

/** The objectives of these ids that are there (not in the trash), in no particular order. */
export async function getObjectives(db: Db, orgId: string, ids: readonly string[]): Promise<ObjectiveRecord[]> {
  if (ids.length === 0) return [];
  return withLinks(db, await db.selectFrom('objectives').selectAll().where('org_id', '=', orgId).where('id', 'in', [...new Set(ids)]).execute());
}

/** Parked objectives (status backlog) only when the filter asks for that status: they belong to
 *  no period, and a list that does not ask for them is a list of the cycles' objectives. */
export async function listObjectives(db: Db, orgId: string, filter: { unitIds?: string[] | undefined; periodId?: string | undefined; status?: string | undefined },
  limit: number, cursor: string | undefined): Promise<ObjectiveRecord[]> {
  let q = db.selectFrom('objectives').selectAll().where('org_id', '=', orgId);
  if (filter.unitIds) q = q.where('unit_id', 'in', filter.unitIds);
  if (filter.periodId) q = q.where('period_id', '=', filter.periodId);
  q = filter.status ? q.where('status', '=', filter.status) : q.where('status', '!=', 'backlog');
  if (cursor) q = q.where('id', '>', cursor);
  return withLinks(db, await q.orderBy('id').limit(limit).execute());
}

export interface NewObjective {
  /** null: parked in the unit's backlog. */
  id: string; orgId: string; unitId: string; periodId: string | null; title: string; description: string;
  kind: string; status: string; ownerIds: readonly string[]; alignments: readonly Alignment[]; now: string;
  carriedFromId?: string | null;
}
export async function insertObjective(db: Db, o: NewObjective): Promise<void> {
  await db.insertInto('objectives').values({
    id: o.id, org_id: o.orgId, unit_id: o.unitId, period_id: o.periodId, title: o.title, description: o.description,
    kind: o.kind, status: o.status, version: 1, created_at: o.now, updated_at: o.now, carried_from_id: o.carriedFromId ?? null,
  }).execute();
  await replaceOwners(db, o.orgId, o.id, o.ownerIds);
  await replaceAlignments(db, o.orgId, o.id, o.alignments);
}

export async function replaceOwners(db: Db, orgId: string, objectiveId: string, ownerIds: readonly string[]): Promise<void> {
  await db.deleteFrom('objective_owners').where('objective_id', '=', objectiveId).execute();
  if (ownerIds.length) {
    await db.insertInto('objective_owners').values(ownerIds.map((p) => ({ org_id: orgId, objective_id: objectiveId, person_id: p }))).execute();
  }
}

export async function replaceAlignments(db: Db, orgId: string, objectiveId: string, links: readonly Alignment[]): Promise<void> {
  await db.deleteFrom('alignments').where('objective_id', '=', objectiveId).execute();
  if (links.length) {
    await db.insertInto('alignments').values(links.map((l) => ({
      org_id: orgId, objective_id: objectiveId,
      target_objective_id: 'objectiveId' in l ? l.objectiveId : null,
      target_key_result_id: 'keyResultId' in l ? l.keyResultId : null,
      target_kpi_id: 'kpiId' in l ? l.kpiId : null,
    }))).execute();
  }
}

export async function updateObjective(db: Db, orgId: string, id: string, version: number,
  next: { title: string; description: string; kind: string; status: string; periodId: string | null }, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('objectives').set({
    title: next.title, description: next.description, kind: next.kind, status: next.status, period_id: next.periodId,
    version: version + 1, updated_at: now,
  }).where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  const exists = await db.selectFrom('objectives').select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return exists ? 'stale' : 'missing';
}

export async function deleteObjective(db: Db, orgId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('objectives').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** Objective ids and their units, for checking alignment targets and permissions. */
export async function objectiveRefs(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, { unitId: string; periodId: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('objectives').select(['id', 'unit_id', 'period_id']).where('org_id', '=', orgId).where('id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, { unitId: r.unit_id, periodId: r.period_id }]));
}

export async function ownersOf(db: Db, objectiveIds: readonly string[]): Promise<Map<string, string[]>> {
  const owners = new Map<string, string[]>();
  if (objectiveIds.length === 0) return owners;
  for (const o of await db.selectFrom('objective_owners').select(['objective_id', 'person_id'])
    .where('objective_id', 'in', [...objectiveIds]).orderBy('person_id').execute()) {
    owners.set(o.objective_id, [...(owners.get(o.objective_id) ?? []), o.person_id]);
  }
  return owners;
}
