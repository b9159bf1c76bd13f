// Units of the organisation tree and their members.
import type { CheckInCadence, OkrUnitFacts, Unit, UnitKind, UnitMember, MemberRole } from '@varde/core';

/** A unit as stored; what the person asking may do with it is added by the use case. */
export type UnitRecord = Omit<Unit, 'can' | 'checkIn'>;
import type { Db, VersionedUpdate } from './executor.js';
import { updatedRows } from './executor.js';
import type { Selectable } from 'kysely';
import type { UnitTable } from './schema.js';
import { compiledOnce } from './compiledOnce.js';

async function withMembers(db: Db, rows: Selectable<UnitTable>[], orgId: string, all: boolean): Promise<UnitRecord[]> {
  if (rows.length === 0) return [];
  let q = db.selectFrom('memberships').select(['unit_id', 'person_id', 'role']).where('org_id', '=', orgId);
  if (!all) q = q.where('unit_id', 'in', rows.map((r) => r.id));
  const members = new Map<string, UnitMember[]>();
  for (const m of await q.orderBy('person_id').execute()) {
    const list = members.get(m.unit_id) ?? [];
    list.push({ personId: m.person_id, role: m.role as MemberRole });
    members.set(m.unit_id, list);
  }
  return rows.map((r) => ({
    id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind as UnitKind, description: r.description,
    members: members.get(r.id) ?? [], archivedAt: r.archived_at,
    checkInWeekday: r.check_in_weekday, checkInCadence: r.check_in_cadence as CheckInCadence | null,
    version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  }));
}

export async function listUnits(db: Db, orgId: string, limit: number, cursor: string | undefined, archived?: boolean): Promise<UnitRecord[]> {
  let q = db.selectFrom('units').selectAll().where('org_id', '=', orgId);
  if (cursor) q = q.where('id', '>', cursor);
  if (archived !== undefined) q = q.where('archived_at', archived ? 'is not' : 'is', null);
  const rows = await q.orderBy('id').limit(limit).execute();
  return withMembers(db, rows, orgId, false);
}

export async function getUnit(db: Db, orgId: string, id: string): Promise<UnitRecord | undefined> {
  const row = await db.selectFrom('units').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row ? (await withMembers(db, [row], orgId, false))[0] : undefined;
}

/** The units above one, from the root down to its parent, found by the database walking up the
 *  parent chain (a few rows, whatever the size of the tree). UNION: a damaged chain cannot loop. */
export async function ancestorsOf(db: Db, orgId: string, unitId: string): Promise<Array<{ id: string; name: string }>> {
  const rows = await db.withRecursive('up(id, parent_id, name)', (qb) =>
    qb.selectFrom('units').select(['id', 'parent_id', 'name']).where('org_id', '=', orgId).where('id', '=', unitId)
      .union(qb.selectFrom('up').crossJoin('units').whereRef('units.id', '=', 'up.parent_id').where('units.org_id', '=', orgId)
        .select(['units.id', 'units.parent_id', 'units.name'])))
    .selectFrom('up').selectAll().execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const path: Array<{ id: string; name: string }> = [];
  const seen = new Set([unitId]);
  for (let at = byId.get(byId.get(unitId)?.parent_id ?? ''); at && !seen.has(at.id); at = byId.get(at.parent_id ?? '')) {
    seen.add(at.id);
    path.unshift({ id: at.id, name: at.name });
  }
  return path;
}

export interface UnitNode { id: string; parentId: string | null; name: string; kind: string; archivedAt: string | null }
/** The whole tree, lean: what roll-ups and permission checks need. */
export async function unitTree(db: Db, orgId: string): Promise<UnitNode[]> {
  const rows = await db.selectFrom('units').select(['id', 'parent_id', 'name', 'kind', 'archived_at']).where('org_id', '=', orgId).execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind, archivedAt: r.archived_at }));
}

export async function rootUnit(db: Db, orgId: string): Promise<UnitNode | undefined> {
  const r = await db.selectFrom('units').select(['id', 'parent_id', 'name', 'kind', 'archived_at']).where('org_id', '=', orgId)
    .where('parent_id', 'is', null).orderBy('created_at').limit(1).executeTakeFirst();
  return r ? { id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind, archivedAt: r.archived_at } : undefined;
}

export interface NewUnit {
  id: string; orgId: string; parentId: string | null; name: string; kind: string; description: string; now: string; archivedAt?: string | null;
  checkInWeekday?: number | null; checkInCadence?: string | null;
}
export async function insertUnit(db: Db, u: NewUnit): Promise<void> {
  await db.insertInto('units').values({
    id: u.id, org_id: u.orgId, parent_id: u.parentId, name: u.name, kind: u.kind, description: u.description,
    version: 1, created_at: u.now, updated_at: u.now, archived_at: u.archivedAt ?? null,
    check_in_weekday: u.checkInWeekday ?? null, check_in_cadence: u.checkInCadence ?? null,
  }).execute();
}

export async function updateUnit(db: Db, orgId: string, id: string, version: number,
  next: { parentId: string | null; name: string; kind: string; description: string; archivedAt: string | null; checkInWeekday: number | null; checkInCadence: string | null }, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('units').set({
    parent_id: next.parentId, name: next.name, kind: next.kind, description: next.description, archived_at: next.archivedAt,
    check_in_weekday: next.checkInWeekday, check_in_cadence: next.checkInCadence, version: version + 1, updated_at: now,
  }).where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  return (await getUnit(db, orgId, id)) ? 'stale' : 'missing';
}

export async function replaceMembers(db: Db, orgId: string, unitId: string, members: readonly UnitMember[]): Promise<void> {
  await db.deleteFrom('memberships').where('unit_id', '=', unitId).execute();
  if (members.length === 0) return;
  await db.insertInto('memberships').values(members.map((m) => ({ org_id: orgId, unit_id: unitId, person_id: m.personId, role: m.role }))).execute();
}

/** What a write to a unit's OKRs depends on, in one query: whether the unit is archived and
 *  whether the person is its member; undefined for a unit that is not there. */
export async function unitWriteFacts(db: Db, unitId: string, personId: string): Promise<{ archivedAt: string | null; actorIsMember: boolean } | undefined> {
  const row = await db.selectFrom('units')
    .leftJoin('memberships', (join) => join.onRef('memberships.unit_id', '=', 'units.id').on('memberships.person_id', '=', personId))
    .select(['units.archived_at', 'memberships.role']).where('units.id', '=', unitId).executeTakeFirst();
  return row ? { archivedAt: row.archived_at, actorIsMember: row.role !== null } : undefined;
}

/** For each of the units (of the organisation) that are there: whether it is archived and whether
 *  the person is its member, what `can` on its OKRs is decided from; one query for a whole answer. */
export async function unitFactsFor(db: Db, orgId: string, unitIds: readonly string[], personId: string): Promise<Map<string, OkrUnitFacts>> {
  const facts = new Map<string, OkrUnitFacts>();
  const ids = [...new Set(unitIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.selectFrom('units')
      .leftJoin('memberships', (join) => join.onRef('memberships.unit_id', '=', 'units.id').on('memberships.person_id', '=', personId))
      .select(['units.id', 'units.archived_at', 'memberships.role']).where('units.org_id', '=', orgId).where('units.id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) facts.set(r.id, { archivedAt: r.archived_at, actorIsMember: r.role !== null });
  }
  return facts;
}

const memberQuery = compiledOnce((db, a: { unitId: string; personId: string }) => db.selectFrom('memberships').select('role')
  .where('unit_id', '=', a.unitId).where('person_id', '=', a.personId));

export async function isMember(db: Db, unitId: string, personId: string): Promise<boolean> {
  return (await memberQuery(db, { unitId, personId })).rows.length > 0;
}

/** The unit and every unit below it, found by the database (a recursive query), not by loading
 *  the whole tree. UNION rather than UNION ALL: a damaged parent chain cannot loop forever. */
export async function subtreeNodes(db: Db, orgId: string, unitId: string): Promise<UnitNode[]> {
  const rows = await db.withRecursive('sub(id, parent_id, name, kind, archived_at)', (qb) =>
    qb.selectFrom('units').select(['id', 'parent_id', 'name', 'kind', 'archived_at']).where('org_id', '=', orgId).where('id', '=', unitId)
      // Each step walks from the rows found so far into the (org_id, parent_id) index. SQLite keeps
      // the tables of a CROSS JOIN in the order written; with an inner join its planner chose to
      // scan every unit of the organisation at each level (11 ms for an area instead of 0.2 ms).
      .union(qb.selectFrom('sub').crossJoin('units').whereRef('units.parent_id', '=', 'sub.id').where('units.org_id', '=', orgId)
        .select(['units.id', 'units.parent_id', 'units.name', 'units.kind', 'units.archived_at'])))
    .selectFrom('sub').selectAll().execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind, archivedAt: r.archived_at }));
}

/** Of `unitIds`, those the person is a member of. */
export async function unitsWithMember(db: Db, orgId: string, personId: string, unitIds: readonly string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set();
  const rows = await db.selectFrom('memberships').select('unit_id').where('org_id', '=', orgId).where('person_id', '=', personId)
    .where('unit_id', 'in', [...new Set(unitIds)]).execute();
  return new Set(rows.map((r) => r.unit_id));
}

/** The units right below one that are not archived, by name. */
export async function activeChildren(db: Db, orgId: string, parentId: string): Promise<UnitNode[]> {
  const rows = await db.selectFrom('units').select(['id', 'parent_id', 'name', 'kind', 'archived_at']).where('org_id', '=', orgId)
    .where('parent_id', '=', parentId).where('archived_at', 'is', null).orderBy('name').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind, archivedAt: r.archived_at }));
}

/** Each unit's own check-in cadence (null: the organisation's), for deciding what is due. */
export async function unitCadences(db: Db, orgId: string): Promise<Map<string, { checkInWeekday: number | null; checkInCadence: CheckInCadence | null }>> {
  const rows = await db.selectFrom('units').select(['id', 'check_in_weekday', 'check_in_cadence']).where('org_id', '=', orgId).execute();
  return new Map(rows.map((r) => [r.id, { checkInWeekday: r.check_in_weekday, checkInCadence: r.check_in_cadence as CheckInCadence | null }]));
}

/** Sets a unit's own check-in rhythm without a new version: for the demo seed, as the unit is made. */
export async function setCheckInRhythm(db: Db, orgId: string, unitId: string, rhythm: { checkInWeekday: number | null; checkInCadence: CheckInCadence | null }): Promise<void> {
  await db.updateTable('units').set({ check_in_weekday: rhythm.checkInWeekday, check_in_cadence: rhythm.checkInCadence })
    .where('org_id', '=', orgId).where('id', '=', unitId).execute();
}
