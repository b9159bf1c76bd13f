// The rows a progress answer is computed from. Below the unit, one number per objective (kept on
// its row); for the unit's own objectives, their key results in full.
import type { Db } from './executor.js';
import { compiledOnce } from './compiledOnce.js';
import type { KeyResultType } from '@varde/core';

/** Left out of every roll-up: cancelled objectives, and drafts until they are published. */
export const ROLLED_OUT: readonly ['cancelled', 'draft', 'backlog'] = ['cancelled', 'draft', 'backlog'];
export const countsInRollUp = (status: string): boolean => !(ROLLED_OUT as readonly string[]).includes(status);

export interface ProgressKeyResultRow {
  id: string; objectiveId: string; title: string; type: KeyResultType; start: number; target: number; measure: string;
  ownerId: string | null; weight: number; current: number | null; currentAt: string | null; confidence: number | null;
}

/** The objectives of a period that count in its roll-ups, with their units and kept progress: all
 *  of them, those of the units `of.unitIds`, or those with the ids `of.ids` (an id not answered has
 *  left the roll-up or is gone). */
export async function rolledObjectiveRows(db: Db, orgId: string, periodId: string, of?: { unitIds: readonly string[] } | { ids: readonly string[] }):
  Promise<Array<{ id: string; unitId: string; progress: number }>> {
  const [by, wanted] = !of ? [undefined, undefined] : 'ids' in of ? ['id' as const, of.ids] : ['unit_id' as const, of.unitIds];
  const select = (chunk: readonly string[] | undefined) => {
    let q = db.selectFrom('objectives').select(['id', 'unit_id', 'progress'])
      .where('org_id', '=', orgId).where('period_id', '=', periodId).where('status', 'not in', ROLLED_OUT);
    if (by && chunk) q = q.where(by, 'in', [...chunk]);
    return q.execute();
  };
  const rows = [];
  // SQLite takes at most 32,766 parameters a statement.
  if (!wanted) rows.push(...await select(undefined));
  else for (let i = 0; i < wanted.length; i += 1000) rows.push(...await select(wanted.slice(i, i + 1000)));
  return rows.map((r) => ({ id: r.id, unitId: r.unit_id, progress: r.progress }));
}

export interface OwnObjectiveRow { id: string; title: string; kind: string; status: string; progress: number; ownerId: string | null }

// The team page's two queries have one shape whatever the unit, so they are compiled once
// (compiledOnce.ts): building them with Kysely on every call cost more than running them.
const ownObjectivesQuery = compiledOnce((db, a: { orgId: string; periodId: string; unitId: string }) => db.selectFrom('objectives')
  .leftJoin('objective_owners', 'objective_owners.objective_id', 'objectives.id')
  .select(['objectives.id', 'objectives.title', 'objectives.kind', 'objectives.status', 'objectives.progress', 'objective_owners.person_id'])
  .where('objectives.org_id', '=', a.orgId).where('objectives.period_id', '=', a.periodId).where('objectives.unit_id', '=', a.unitId)
  .where('objectives.status', '!=', 'cancelled')
  .orderBy('objectives.id').orderBy('objective_owners.person_id'));

/** One unit's live objectives in a period with their kept progress, once per owner (ownerId null
 *  for an objective without owners), in id order. */
export async function ownObjectivesWithOwners(db: Db, orgId: string, periodId: string, unitId: string): Promise<OwnObjectiveRow[]> {
  const { rows } = await ownObjectivesQuery(db, { orgId, periodId, unitId });
  return rows.map((r) => ({ id: r.id, title: r.title, kind: r.kind, status: r.status, progress: r.progress, ownerId: r.person_id }));
}

const ownKeyResultsQuery = compiledOnce((db, a: { orgId: string; periodId: string; unitId: string }) => db.selectFrom('key_results')
  .innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
  .select(['key_results.id', 'key_results.objective_id', 'key_results.title', 'key_results.type', 'key_results.start_value', 'key_results.target_value',
    'key_results.measure', 'key_results.owner_id', 'key_results.weight', 'key_results.current_value', 'key_results.current_at', 'key_results.confidence'])
  .where('objectives.org_id', '=', a.orgId).where('objectives.period_id', '=', a.periodId).where('objectives.unit_id', '=', a.unitId)
  .where('objectives.status', '!=', 'cancelled')
  .orderBy('key_results.created_at').orderBy('key_results.id'));

/** The key results of one unit's live objectives in a period. */
export async function ownKeyResults(db: Db, orgId: string, periodId: string, unitId: string): Promise<ProgressKeyResultRow[]> {
  const { rows } = await ownKeyResultsQuery(db, { orgId, periodId, unitId });
  return rows.map((k) => ({
    id: k.id, objectiveId: k.objective_id, title: k.title, type: k.type as KeyResultType, start: k.start_value, target: k.target_value,
    measure: k.measure, ownerId: k.owner_id, weight: k.weight, current: k.current_value, currentAt: k.current_at, confidence: k.confidence,
  }));
}
