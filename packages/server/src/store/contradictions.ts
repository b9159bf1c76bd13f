// Flags on two key results that contradict each other, and where those key results sit.
import type { KeyResultPlace } from '@varde/core';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from './executor.js';
import type { ContradictionTable, Database } from './schema.js';

/** Where each key result sits (objective and unit, with titles and names), for those of the
 *  organisation that are there; one in the trash is missing. */
export async function keyResultPlacesOf(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, KeyResultPlace>> {
  const out = new Map<string, KeyResultPlace>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('key_results').innerJoin('objectives', 'objectives.id', 'key_results.objective_id').innerJoin('units', 'units.id', 'objectives.unit_id')
      .select(['key_results.id', 'key_results.title', 'objectives.id as objective_id', 'objectives.title as objective_title', 'units.id as unit_id', 'units.name as unit_name'])
      .where('key_results.org_id', '=', orgId).where('key_results.id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, { id: r.id, title: r.title, objectiveId: r.objective_id, objectiveTitle: r.objective_title, unitId: r.unit_id, unitName: r.unit_name });
  }
  return out;
}

export interface ContradictionFilter { unitIds?: readonly string[] | undefined; cleared: boolean }

/** Flags on a key result of any of the units (or all), standing or cleared, in the order they were
 *  raised; a flag whose key result is in the trash is left out by the caller, which reads where
 *  each sits. */
export async function listContradictionRows(db: Db, orgId: string, filter: ContradictionFilter, limit: number, cursor: string | undefined): Promise<ContradictionTable[]> {
  let q = db.selectFrom('contradictions').selectAll().where('org_id', '=', orgId).where('cleared_at', filter.cleared ? 'is not' : 'is', null);
  if (filter.unitIds) {
    const unitIds = [...filter.unitIds];
    if (unitIds.length === 0) return [];
    const ofUnits = (eb: ExpressionBuilder<Database, 'contradictions'>) => eb.selectFrom('key_results').innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
      .select('key_results.id').where('objectives.org_id', '=', orgId).where('objectives.unit_id', 'in', unitIds);
    q = q.where((eb) => eb.or([eb('key_result_a', 'in', ofUnits(eb)), eb('key_result_b', 'in', ofUnits(eb))]));
  }
  if (cursor) q = q.where('id', '>', cursor);
  return q.orderBy('id').limit(limit).execute();
}

export async function getContradictionRow(db: Db, orgId: string, id: string): Promise<ContradictionTable | undefined> {
  return db.selectFrom('contradictions').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** A flag standing on the same two key results, whichever order they were named in. */
export async function standingFlagBetween(db: Db, orgId: string, a: string, b: string): Promise<ContradictionTable | undefined> {
  return db.selectFrom('contradictions').selectAll().where('org_id', '=', orgId).where('cleared_at', 'is', null)
    .where((eb) => eb.or([eb.and([eb('key_result_a', '=', a), eb('key_result_b', '=', b)]), eb.and([eb('key_result_a', '=', b), eb('key_result_b', '=', a)])]))
    .executeTakeFirst();
}

export async function insertContradiction(db: Db, c: { id: string; orgId: string; a: string; b: string; note: string; by: string; now: string }): Promise<void> {
  await db.insertInto('contradictions').values({
    id: c.id, org_id: c.orgId, key_result_a: c.a, key_result_b: c.b, note: c.note, flagged_by: c.by, flagged_at: c.now, cleared_by: null, cleared_at: null,
  }).execute();
}

/** Clears a standing flag; false when it was cleared already (by someone else meanwhile). */
export async function clearContradiction(db: Db, orgId: string, id: string, by: string, now: string): Promise<boolean> {
  const result = await db.updateTable('contradictions').set({ cleared_by: by, cleared_at: now })
    .where('org_id', '=', orgId).where('id', '=', id).where('cleared_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
