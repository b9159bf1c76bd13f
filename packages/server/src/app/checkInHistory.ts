// Every key result's check-in series for a unit's period, grouped for sparklines.
import type { CheckInHistory } from '@varde/core';
import { unitCheckInHistory } from '../store/checkInHistory.js';
import type { Actor, Deps } from './context.js';
import { groupBy } from './groupBy.js';

export async function readCheckInHistory(deps: Deps, actor: Actor, unitId: string, periodId: string): Promise<CheckInHistory> {
  const points = await unitCheckInHistory(deps.store.db, actor.orgId, unitId, periodId);
  const byKr = groupBy(points, (p) => p.keyResultId);
  return { items: [...byKr].map(([keyResultId, pts]) => ({ keyResultId, points: pts.map((p) => ({ at: p.at, value: p.value, confidence: p.confidence })) })) };
}
