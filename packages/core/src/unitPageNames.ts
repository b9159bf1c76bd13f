// The people a team page names: its objectives' and key results' owners and its initiatives'. The
// web app asks for their names by id, and the server reads the same ids into the page's first
// answers (packages/server/src/http/screens.ts), so both must choose alike, to the order.
import type { Initiative } from './schemas/initiative.js';
import type { UnitProgress } from './schemas/progress.js';

/** Each id once, sorted, without the owners that are unset. */
export function unitPageNames(
  objectives: ReadonlyArray<Pick<UnitProgress['objectives'][number], 'ownerIds' | 'keyResults'>>,
  initiatives: ReadonlyArray<Pick<Initiative, 'ownerId'>>,
): string[] {
  return namedOnce([...objectives.flatMap((o) => [...o.ownerIds, ...o.keyResults.map((k) => k.ownerId)]), ...initiatives.map((i) => i.ownerId)]);
}

/** The ids a screen names, each once and sorted: what it asks the people of. */
export function namedOnce(ids: ReadonlyArray<string | null | undefined>): string[] {
  return [...new Set(ids.filter((id): id is string => Boolean(id)))].sort();
}
