// Every key result's check-in series for a unit's period, grouped for sparklines.
import type { CheckInHistory } from '@varde/core';
import { unitCheckInHistory } from '../store/checkInHistory.js';
import { getUnit } from '../store/units.js';
import { getPeriod } from '../store/periods.js';
import type { Actor, Deps } from './context.js';
import { invalid, notFound } from './errors.js';
import { groupBy } from './groupBy.js';

export async function readCheckInHistory(deps: Deps, actor: Actor, unitId: string, periodId: string): Promise<CheckInHistory> {
  const db = deps.store.db;
  // A unit or period of no one, or of another organisation, is answered as on the unit's page, not as an empty history.
  const [unit, period, points] = await Promise.all([getUnit(db, actor.orgId, unitId), getPeriod(db, actor.orgId, periodId), unitCheckInHistory(db, actor.orgId, unitId, periodId)]);
  if (!unit) throw notFound('The unit');
  if (!period) throw invalid('period', 'is not a period in this organisation', 'unknown_period');
  const byKr = groupBy(points, (p) => p.keyResultId);
  return { items: [...byKr].map(([keyResultId, pts]) => ({ keyResultId, points: pts.map((p) => ({ at: p.at, value: p.value, confidence: p.confidence })) })) };
}
