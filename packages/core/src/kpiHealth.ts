// The status of a KPI: stale when no value came within its cadence, else healthy or unhealthy by its
// range. Weekly means 7 days; monthly and quarterly are calendar months (1 and 3) counted from the
// latest value's UTC date, the day clamped to the month's end (31 January + 1 month = 28/29 February),
// so a KPI measured on the 15th of each month never goes stale between two measurements.
import type { KpiCadence, KpiDirection, KpiStatus } from './schemas/kpi.js';

export interface KpiRange { direction: KpiDirection; low: number | null; high: number | null }

/** Whether a value lies in the healthy range: above holds at or above low, below at or below high, between both. */
export function kpiInRange(range: KpiRange, value: number): boolean {
  const aboveLow = range.low === null || value >= range.low;
  const belowHigh = range.high === null || value <= range.high;
  if (range.direction === 'above') return aboveLow;
  if (range.direction === 'below') return belowHigh;
  return aboveLow && belowHigh;
}

function addMonths(at: Date, months: number): Date {
  const y = at.getUTCFullYear();
  const m = at.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = new Date(at.getTime());
  d.setUTCFullYear(y, m, Math.min(at.getUTCDate(), lastDay));
  return d;
}

/** The instant after which a value taken at `at` no longer counts as current. */
export function kpiFreshUntil(cadence: KpiCadence, at: Date): Date {
  if (cadence === 'weekly') return new Date(at.getTime() + 7 * 86_400_000);
  return addMonths(at, cadence === 'monthly' ? 1 : 3);
}

export function kpiStatus(kpi: KpiRange & { cadence: KpiCadence; current: number | null; currentAt: string | null }, now: Date): KpiStatus {
  if (kpi.current === null || kpi.currentAt === null) return 'stale';
  if (now.getTime() > kpiFreshUntil(kpi.cadence, new Date(kpi.currentAt)).getTime()) return 'stale';
  return kpiInRange(kpi, kpi.current) ? 'healthy' : 'unhealthy';
}

export type KpiTrend = 'rising' | 'falling' | 'flat' | 'none';

/** Which way the values went from the first to the last, for a sparkline's accessible name: within
 *  1 % of the range of values (or exactly equal) it is flat. */
export function kpiTrend(values: readonly number[]): KpiTrend {
  if (values.length < 2) return 'none';
  const first = values[0]!;
  const last = values[values.length - 1]!;
  const spread = Math.max(...values) - Math.min(...values);
  if (spread === 0 || Math.abs(last - first) <= spread * 0.01) return 'flat';
  return last > first ? 'rising' : 'falling';
}
