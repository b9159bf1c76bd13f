// Initiatives and the key results they move.
import type { Initiative } from '@varde/core';
import type { Db, VersionedUpdate } from './executor.js';
import { updatedRows } from './executor.js';
import type { InitiativeTable } from './schema.js';

async function withKeyResults(db: Db, rows: InitiativeTable[]): Promise<Initiative[]> {
  if (rows.length === 0) return [];
  const links = new Map<string, string[]>();
  for (const l of await db.selectFrom('initiative_key_results').select(['initiative_id', 'key_result_id'])
    .where('initiative_id', 'in', rows.map((r) => r.id)).orderBy('key_result_id').execute()) {
    links.set(l.initiative_id, [...(links.get(l.initiative_id) ?? []), l.key_result_id]);
  }
  return rows.map((r) => ({
    id: r.id, unitId: r.unit_id, periodId: r.period_id, title: r.title, description: r.description, ownerId: r.owner_id,
    status: r.status as Initiative['status'], keyResultIds: links.get(r.id) ?? [], version: r.version,
    createdAt: r.created_at, updatedAt: r.updated_at,
  }));
}

export async function getInitiative(db: Db, orgId: string, id: string): Promise<Initiative | undefined> {
  const r = await db.selectFrom('initiatives').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return r ? (await withKeyResults(db, [r]))[0] : undefined;
}

export async function listInitiatives(db: Db, orgId: string,
  filter: { unitId?: string | undefined; periodId?: string | undefined; keyResultId?: string | undefined; ownerId?: string | undefined },
  limit: number, cursor: string | undefined): Promise<Initiative[]> {
  let q = db.selectFrom('initiatives').selectAll().where('org_id', '=', orgId);
  if (filter.unitId) q = q.where('unit_id', '=', filter.unitId);
  if (filter.periodId) q = q.where('period_id', '=', filter.periodId);
  if (filter.ownerId) q = q.where('owner_id', '=', filter.ownerId);
  if (filter.keyResultId) {
    const krId = filter.keyResultId;
    q = q.where('id', 'in', (eb) => eb.selectFrom('initiative_key_results').select('initiative_id').where('key_result_id', '=', krId));
  }
  if (cursor) q = q.where('id', '>', cursor);
  return withKeyResults(db, await q.orderBy('id').limit(limit).execute());
}

export interface NewInitiative {
  id: string; orgId: string; unitId: string; periodId: string | null; title: string; description: string;
  ownerId: string | null; status: string; keyResultIds: readonly string[]; now: string;
}
export async function insertInitiative(db: Db, i: NewInitiative): Promise<void> {
  await db.insertInto('initiatives').values({
    id: i.id, org_id: i.orgId, unit_id: i.unitId, period_id: i.periodId, title: i.title, description: i.description,
    owner_id: i.ownerId, status: i.status, version: 1, created_at: i.now, updated_at: i.now,
  }).execute();
  await replaceInitiativeKeyResults(db, i.orgId, i.id, i.keyResultIds);
}

export async function replaceInitiativeKeyResults(db: Db, orgId: string, id: string, keyResultIds: readonly string[]): Promise<void> {
  await db.deleteFrom('initiative_key_results').where('initiative_id', '=', id).execute();
  if (keyResultIds.length) {
    await db.insertInto('initiative_key_results').values(keyResultIds.map((k) => ({ org_id: orgId, initiative_id: id, key_result_id: k }))).execute();
  }
}

export async function updateInitiative(db: Db, orgId: string, id: string, version: number,
  next: { title: string; description: string; ownerId: string | null; status: string; periodId: string | null }, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('initiatives').set({
    title: next.title, description: next.description, owner_id: next.ownerId, status: next.status, period_id: next.periodId,
    version: version + 1, updated_at: now,
  }).where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  return (await getInitiative(db, orgId, id)) ? 'stale' : 'missing';
}

/** Where each key result sits (its objective's unit and period), for those of the organisation. */
export async function keyResultPlaces(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, { unitId: string; periodId: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('key_results').innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .select(['key_results.id', 'objectives.unit_id', 'objectives.period_id'])
    .where('key_results.org_id', '=', orgId).where('objectives.org_id', '=', orgId).where('key_results.id', 'in', [...ids]).execute();
  return new Map(rows.map((r) => [r.id, { unitId: r.unit_id, periodId: r.period_id }]));
}

/** The initiatives with a period that move key results of this objective, and their periods. */
export async function periodBoundInitiativesOn(db: Db, orgId: string, objectiveId: string): Promise<Array<{ id: string; title: string; periodId: string }>> {
  const rows = await db.selectFrom('initiatives').innerJoin('initiative_key_results', 'initiative_key_results.initiative_id', 'initiatives.id')
    .innerJoin('key_results', 'key_results.id', 'initiative_key_results.key_result_id')
    .select(['initiatives.id', 'initiatives.title', 'initiatives.period_id'])
    .where('initiatives.org_id', '=', orgId).where('key_results.org_id', '=', orgId)
    .where('key_results.objective_id', '=', objectiveId).where('initiatives.period_id', 'is not', null)
    .distinct().orderBy('initiatives.id').execute();
  return rows.map((r) => ({ id: r.id, title: r.title, periodId: r.period_id! }));
}

/** Deletes an initiative; its links to key results go with it (foreign key cascade). */
export async function deleteInitiative(db: Db, orgId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('initiatives').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
