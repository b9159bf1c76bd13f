// The names of the things an event's changes refer to by id (core's eventReferences.ts): people,
// units, periods, objectives and key results of one organisation, as they are called now.
import type { Db } from './executor.js';

const CHUNK = 1000;

export async function namesOf(db: Db, orgId: string, ids: Iterable<string>): Promise<Record<string, string>> {
  const all = [...new Set(ids)];
  const names: Record<string, string> = {};
  for (let i = 0; i < all.length; i += CHUNK) {
    const chunk = all.slice(i, i + CHUNK);
    const rows = await Promise.all([
      db.selectFrom('people').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', chunk).execute(),
      db.selectFrom('units').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', chunk).execute(),
      db.selectFrom('periods').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', chunk).execute(),
      db.selectFrom('objectives').select(['id', 'title as name']).where('org_id', '=', orgId).where('id', 'in', chunk).execute(),
      db.selectFrom('key_results').select(['id', 'title as name']).where('org_id', '=', orgId).where('id', 'in', chunk).execute(),
    ]);
    for (const r of rows.flat()) names[r.id] = r.name;
  }
  return names;
}
