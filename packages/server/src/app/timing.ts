// The expected progress of periods at the clock's now, in the organisation's time zone.
import type { Period } from '@varde/core';
import { getOrganisation } from '../store/organisations.js';
import { listPeriods } from '../store/periods.js';
import type { Db } from '../store/executor.js';
import { PARKED, timingOf, type Timing } from '../presenters/okr.js';
import type { Deps } from './context.js';

export async function timeZoneOf(db: Db, orgId: string): Promise<string> {
  return (await getOrganisation(db, orgId))?.timeZone ?? 'UTC';
}

/** A period's timing; an objective in the backlog (no period) is parked. */
export async function timingsOf(deps: Deps, db: Db, orgId: string): Promise<(period: { id: Period['id'] | null }) => Timing> {
  const [tz, periods] = await Promise.all([timeZoneOf(db, orgId), listPeriods(db, orgId, {})]);
  const now = deps.clock.now();
  const byId = new Map(periods.map((p) => [p.id, timingOf(p, now, tz)]));
  return (period) => (period.id === null ? PARKED : byId.get(period.id) ?? { expected: 0 });
}
