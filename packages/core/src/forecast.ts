// Decides where a key result will land at the period's end: the least-squares trend of its
// check-ins projected to the end, so teams see early when progress will come too late.

import { periodBounds, type PeriodDates } from './expectedProgress.js';
import { keyResultProgress, type KeyResultType } from './keyResultProgress.js';

export interface CheckInPoint {
  at: Date;
  value: number;
}

export interface Forecast {
  value: number;
  progress: number;
  rawProgress: number;
  met: boolean;
}

/**
 * - increase/decrease: a straight line fitted by least squares through the check-ins, projected
 *   to the period's end (24:00 on its last day). When no check-in lies at or before the period's
 *   start, the point (period start, kr.start) is added, so a single check-in already gives a trend.
 * - above/below/milestone: the latest value. A threshold is held or not and a milestone is done or
 *   not; extrapolating them would forecast values nobody aims for.
 * - Once `now` is at or past the period's end there is nothing left to project: the latest value.
 * - All points at the same instant: the latest value. Check-ins with an invalid date or a value
 *   that is not finite are ignored; with no check-in left the answer is null.
 * The latest value is the one with the latest date (the last given, on equal dates). The
 * projection is rounded to 12 significant digits, so a steady series forecasts its target exactly
 * rather than 119 999.99999999999, and it falls back to the latest value if it would not be finite.
 */
export function forecast(
  kr: { type: KeyResultType; start: number; target: number },
  checkIns: readonly CheckInPoint[],
  period: PeriodDates,
  now: Date,
  timeZone = 'UTC',
): Forecast | null {
  const points = checkIns
    .map((c) => ({ x: c.at.getTime(), y: c.value }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  let latest = points[0];
  if (latest === undefined) return null;
  for (const p of points) if (p.x >= latest.x) latest = p;

  const { start, end } = periodBounds(period, timeZone);
  const trended = kr.type === 'increase' || kr.type === 'decrease';
  let value = latest.y;
  if (trended && now.getTime() < end.getTime()) {
    if (!points.some((p) => p.x <= start.getTime())) points.push({ x: start.getTime(), y: kr.start });
    const projected = projectLine(points, end.getTime());
    if (projected !== null) value = projected;
  }
  return { value, ...keyResultProgress({ type: kr.type, start: kr.start, target: kr.target, current: value }) };
}

/** The least-squares line through the points, evaluated at x; null when it is undefined or not finite. */
function projectLine(points: readonly { x: number; y: number }[], x: number): number | null {
  const n = points.length;
  if (points.every((p) => p.x === points[0]?.x)) return null;
  let meanX = 0;
  let meanY = 0;
  for (const p of points) {
    meanX += p.x / n;
    meanY += p.y / n;
  }
  // x in days around the mean keeps the sums well conditioned
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    const dx = (p.x - meanX) / 86_400_000;
    sxy += dx * (p.y - meanY);
    sxx += dx * dx;
  }
  if (sxx === 0) return null;
  const projected = meanY + (sxy / sxx) * ((x - meanX) / 86_400_000);
  if (!Number.isFinite(projected)) return null;
  const rounded = Number(projected.toPrecision(12));
  return rounded === 0 ? 0 : rounded;
}
