// KPIs and their check-ins. The newest check-in's value and time are kept on the KPI's row, so a
// board reads status without scanning history; check-ins are listed newest first by their time
// (a promoted key result's check-ins keep their original times, which their new ids do not follow).
import { sql, type Selectable } from 'kysely';
import type { KpiCadence, KpiDirection } from '@varde/core';
import { updatedRows, type Db, type VersionedUpdate } from './executor.js';
import type { KpiCheckInTable, KpiTable } from './schema.js';

export interface KpiRecord {
  id: string; orgId: string; unitId: string; title: string; measure: string; direction: KpiDirection;
  low: number | null; high: number | null; cadence: KpiCadence; ownerId: string | null;
  current: number | null; currentAt: string | null; promotedFromKeyResultId: string | null;
  version: number; createdAt: string; updatedAt: string;
}

const record = (r: Selectable<KpiTable>): KpiRecord => ({
  id: r.id, orgId: r.org_id, unitId: r.unit_id, title: r.title, measure: r.measure, direction: r.direction as KpiDirection,
  low: r.low, high: r.high, cadence: r.cadence as KpiCadence, ownerId: r.owner_id, current: r.current_value, currentAt: r.current_at,
  promotedFromKeyResultId: r.promoted_from_key_result_id, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
});

export async function getKpi(db: Db, orgId: string, id: string): Promise<KpiRecord | undefined> {
  const r = await db.selectFrom('kpis').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return r ? record(r) : undefined;
}

/** A page by id; `unitIds` undefined: the whole organisation. */
export async function listKpis(db: Db, orgId: string, unitIds: readonly string[] | undefined, limit: number, cursor: string | undefined): Promise<KpiRecord[]> {
  if (unitIds?.length === 0) return [];
  let q = db.selectFrom('kpis').selectAll().where('org_id', '=', orgId);
  if (unitIds) q = q.where('unit_id', 'in', [...unitIds]);
  if (cursor) q = q.where('id', '>', cursor);
  return (await q.orderBy('id').limit(limit).execute()).map(record);
}

/** Of these ids, those that are KPIs of the organisation. */
export async function kpiRefs(db: Db, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('kpis').select('id').where('org_id', '=', orgId).where('id', 'in', [...new Set(ids)]).execute();
  return new Set(rows.map((r) => r.id));
}

export interface NewKpi {
  id: string; orgId: string; unitId: string; title: string; measure: string; direction: string; low: number | null; high: number | null;
  cadence: string; ownerId: string | null; promotedFromKeyResultId: string | null; now: string;
}
export async function insertKpi(db: Db, k: NewKpi): Promise<void> {
  await db.insertInto('kpis').values({
    id: k.id, org_id: k.orgId, unit_id: k.unitId, title: k.title, measure: k.measure, direction: k.direction, low: k.low, high: k.high,
    cadence: k.cadence, owner_id: k.ownerId, current_value: null, current_at: null, promoted_from_key_result_id: k.promotedFromKeyResultId,
    version: 1, created_at: k.now, updated_at: k.now,
  }).execute();
}

export async function updateKpi(db: Db, orgId: string, id: string, version: number,
  next: { title: string; measure: string; direction: string; low: number | null; high: number | null; cadence: string; ownerId: string | null }, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('kpis').set({
    title: next.title, measure: next.measure, direction: next.direction, low: next.low, high: next.high, cadence: next.cadence, owner_id: next.ownerId,
    version: version + 1, updated_at: now,
  }).where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  return (await getKpi(db, orgId, id)) ? 'stale' : 'missing';
}

/** Removes the KPI with its check-ins and the links paying into it (foreign keys cascade), and
 *  frees the key result it was promoted from; a closed review keeps its decision to promote, without
 *  a link to a KPI that is gone. */
export async function deleteKpi(db: Db, orgId: string, id: string): Promise<void> {
  await db.updateTable('key_results').set({ kpi_id: null }).where('org_id', '=', orgId).where('kpi_id', '=', id).execute();
  await db.updateTable('review_decisions').set({ kpi_id: null }).where('org_id', '=', orgId).where('kpi_id', '=', id).execute();
  await db.deleteFrom('alignments').where('org_id', '=', orgId).where('target_kpi_id', '=', id).execute();
  await db.deleteFrom('kpi_check_ins').where('org_id', '=', orgId).where('kpi_id', '=', id).execute();
  await db.deleteFrom('kpis').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export interface KpiCheckInRecord {
  id: string; kpiId: string; value: number; comment: string; at: string; authorId: string | null; fromKeyResultId: string | null;
}
const checkInRecord = (r: Selectable<KpiCheckInTable>): KpiCheckInRecord => ({
  id: r.id, kpiId: r.kpi_id, value: r.value, comment: r.comment, at: r.at, authorId: r.author_id, fromKeyResultId: r.from_key_result_id,
});

export async function insertKpiCheckIns(db: Db, orgId: string, rows: readonly KpiCheckInRecord[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    await db.insertInto('kpi_check_ins').values(rows.slice(i, i + 200).map((c) => ({
      id: c.id, org_id: orgId, kpi_id: c.kpiId, value: c.value, comment: c.comment, at: c.at, author_id: c.authorId, from_key_result_id: c.fromKeyResultId,
    }))).execute();
  }
}

/** Sets the KPI's current value from its newest check-in by time (a value written for an earlier
 *  time does not replace a newer one). */
export async function refreshKpiCurrent(db: Db, orgId: string, kpiId: string): Promise<void> {
  const newest = await db.selectFrom('kpi_check_ins').select(['value', 'at']).where('org_id', '=', orgId).where('kpi_id', '=', kpiId)
    .orderBy('at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  await db.updateTable('kpis').set({ current_value: newest?.value ?? null, current_at: newest?.at ?? null }).where('org_id', '=', orgId).where('id', '=', kpiId).execute();
}

/** Newest first by time; the cursor is the id of the last check-in of the previous page. */
export async function listKpiCheckIns(db: Db, orgId: string, kpiId: string, limit: number, cursor: string | undefined): Promise<KpiCheckInRecord[] | 'bad_cursor'> {
  let q = db.selectFrom('kpi_check_ins').selectAll().where('org_id', '=', orgId).where('kpi_id', '=', kpiId);
  if (cursor) {
    const after = await db.selectFrom('kpi_check_ins').select(['at', 'id']).where('org_id', '=', orgId).where('kpi_id', '=', kpiId).where('id', '=', cursor).executeTakeFirst();
    if (!after) return 'bad_cursor';
    q = q.where((eb) => eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]));
  }
  return (await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(checkInRecord);
}

/** The latest `n` values of each KPI, oldest first: what a sparkline draws. */
export async function recentValues(db: Db, orgId: string, kpiIds: readonly string[], n: number): Promise<Map<string, Array<{ value: number; at: string }>>> {
  const out = new Map<string, Array<{ value: number; at: string }>>();
  for (let i = 0; i < kpiIds.length; i += 500) {
    const ranked = db.selectFrom('kpi_check_ins').select(['kpi_id', 'value', 'at',
      sql<number>`row_number() over (partition by kpi_id order by at desc, id desc)`.as('rank')])
      .where('org_id', '=', orgId).where('kpi_id', 'in', kpiIds.slice(i, i + 500));
    const rows = await db.selectFrom(ranked.as('r')).select(['kpi_id', 'value', 'at']).where('rank', '<=', n).orderBy('kpi_id').orderBy('at').execute();
    for (const r of rows) {
      const list = out.get(r.kpi_id) ?? out.set(r.kpi_id, []).get(r.kpi_id)!;
      list.push({ value: r.value, at: r.at });
    }
  }
  return out;
}

/** KPIs whose titles hold the words, for the alignment picker (wildcards dropped, as there). */
export async function searchKpis(db: Db, orgId: string, q: string, limit: number): Promise<Array<{ id: string; title: string; unitId: string; unitName: string }>> {
  let query = db.selectFrom('kpis').innerJoin('units', 'units.id', 'kpis.unit_id')
    .select(['kpis.id', 'kpis.title', 'kpis.unit_id', 'units.name as unit_name']).where('kpis.org_id', '=', orgId);
  if (q) query = query.where((eb) => eb(eb.fn('lower', ['kpis.title']), 'like', `%${q.toLowerCase().replace(/[\\%_]/g, '')}%`));
  const rows = await query.orderBy('kpis.title').limit(limit).execute();
  return rows.map((r) => ({ id: r.id, title: r.title, unitId: r.unit_id, unitName: r.unit_name }));
}

/** Links the key result to the KPI it was promoted to, unless it already is: false then. */
export async function linkKeyResultToKpi(db: Db, orgId: string, keyResultId: string, kpiId: string): Promise<boolean> {
  const result = await db.updateTable('key_results').set({ kpi_id: kpiId })
    .where('org_id', '=', orgId).where('id', '=', keyResultId).where('kpi_id', 'is', null).executeTakeFirst();
  return updatedRows(result) === 1;
}
