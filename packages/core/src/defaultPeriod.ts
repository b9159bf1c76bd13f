// The period a screen opens on when the address names none: the cycle running today, else the
// active one, else the latest. The web app chooses it and the server draws a screen's first view
// with it (packages/server/src/http/firstView.ts), so both must choose alike.
import type { Period } from './schemas/period.js';

/** `today` as YYYY-MM-DD; periods in the order the API lists them (oldest first). */
export function defaultPeriod<P extends Pick<Period, 'kind' | 'startDate' | 'endDate' | 'state'>>(periods: readonly P[], today = new Date().toISOString().slice(0, 10)): P | undefined {
  const cycles = periods.filter((p) => p.kind === 'cycle');
  return cycles.find((p) => p.startDate <= today && p.endDate >= today && p.state !== 'closed')
    ?? cycles.find((p) => p.state === 'active')
    ?? cycles[cycles.length - 1];
}
