// The newest check-ins of key results, found through the check_ins_key_result
// (key_result_id, created_at) index: one step back per key result, never its whole history.
import type { Db } from './executor.js';
import { compiledOnce } from './compiledOnce.js';

export interface NewestBlockerRow {
  keyResultId: string; keyResultTitle: string; objectiveTitle: string; unitId: string; periodId: string;
  blockers: string | null; createdAt: string; authorName: string | null;
}

// `one` tells the shapes apart without looking at the arguments, which compiledOnce stands in for.
type BlockerScope = { orgId: string } & ({ one: false; periodIds: readonly string[]; unitIds: readonly string[] } | { one: true; periodId: string; unitId: string });

function newestBlockersQuery(db: Db, scope: BlockerScope) {
  let q = db.selectFrom('key_results as k')
    .innerJoin('objectives as o', 'o.id', 'k.objective_id')
    // Joined on the newest check-in's id, found per key result by one step down the index,
    // rather than on all of a key result's check-ins with a test of each.
    .innerJoin('check_ins as c', (join) => join.on('c.id', '=', (eb) => eb.selectFrom('check_ins as n').select('n.id')
      .whereRef('n.key_result_id', '=', 'k.id').orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(1)))
    .leftJoin('people as p', 'p.id', 'c.author_id')
    .select(['k.id as key_result_id', 'k.title as key_result_title', 'o.title as objective_title', 'o.unit_id', 'o.period_id',
      'c.blockers', 'c.created_at', 'p.name as author_name'])
    .where('o.org_id', '=', scope.orgId);
  q = scope.one
    ? q.where('o.period_id', '=', scope.periodId).where('o.unit_id', '=', scope.unitId)
    : q.where('o.period_id', 'in', [...scope.periodIds]).where('o.unit_id', 'in', [...scope.unitIds]);
  return q.where('o.status', '!=', 'cancelled').where('c.blockers', 'is not', null)
    .orderBy('c.created_at', 'desc').orderBy('k.id');
}

// The team page asks for one unit in one period on every view: that shape is compiled once.
const oneUnitsBlockers = compiledOnce((db, a: { orgId: string; periodId: string; unitId: string }) =>
  newestBlockersQuery(db, { one: true, orgId: a.orgId, periodId: a.periodId, unitId: a.unitId }));

/** For the key results of the live objectives of some units in some periods, each one's newest
 *  check-in when that check-in names blockers (a newer one without blockers hides it). */
export async function newestBlockers(db: Db, orgId: string, periodIds: readonly string[], unitIds: readonly string[]): Promise<NewestBlockerRow[]> {
  if (periodIds.length === 0 || unitIds.length === 0) return [];
  const rows = periodIds.length === 1 && unitIds.length === 1
    ? (await oneUnitsBlockers(db, { orgId, periodId: periodIds[0]!, unitId: unitIds[0]! })).rows
    : await newestBlockersQuery(db, { one: false, orgId, periodIds, unitIds }).execute();
  return rows.map((r) => ({
    keyResultId: r.key_result_id, keyResultTitle: r.key_result_title, objectiveTitle: r.objective_title, unitId: r.unit_id, periodId: r.period_id!, // filtered by period: never null
    blockers: r.blockers, createdAt: r.created_at, authorName: r.author_name,
  }));
}

/** Each key result's confidence at the check-in before its newest (absent with fewer than two). */
export async function previousConfidences(db: Db, orgId: string, keyResultIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < keyResultIds.length; i += 500) {
    const rows = await db.selectFrom('key_results as k')
      .select((eb) => ['k.id', eb.selectFrom('check_ins as n').select('n.confidence').whereRef('n.key_result_id', '=', 'k.id')
        .orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(1).offset(1).as('previous')])
      .where('k.org_id', '=', orgId).where('k.id', 'in', keyResultIds.slice(i, i + 500)).execute();
    for (const r of rows) if (r.previous != null) out.set(r.id, Number(r.previous));
  }
  return out;
}
