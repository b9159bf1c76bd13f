// Decides where a key result will land at the period's end: the current value carried forward at
// the recent pace, never against the key result's direction, with a band for how sure that is.

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
  /** The band of the forecast value from the spread of the recent paces: low ≤ value ≤ high. */
  low: number;
  high: number;
}

/** How fast an older pace loses its say: a pace measured this many days before the latest check-in weighs half. */
export const FORECAST_HALF_LIFE_DAYS = 14;
const DAY = 86_400_000;
/** The shortest step a pace is measured over. */
const MIN_STEP_MS = DAY;

interface Pace {
  /** The latest check-in: where the forecast is anchored. */
  at: number;
  value: number;
  /** Change per day, weighted toward recent check-ins; 0 when there is no pace to measure. */
  perDay: number;
  /** The weighted standard deviation of the per-day paces. */
  spread: number;
}

/**
 * - increase/decrease: from the latest check-in, the value moves on at the recent pace until the
 *   period's end (24:00 on its last day). The pace is the mean of the per-day slopes between
 *   consecutive check-ins, each weighted by its length in days and by 2^(−age / 14 days), its age
 *   counted from the slope's end to the latest check-in, so last week's pace speaks louder than the
 *   first month's. When no check-in lies at or before the period's start, the point (period start,
 *   kr.start) comes first, so a single check-in already gives a pace. A pace against the direction
 *   (falling for increase, rising for decrease) counts as 0: the forecast never moves backwards
 *   from what is already reached. Paces are measured over steps of at least a day (check-ins
 *   closer together join the step they end). low/high: the pace ∓ its weighted standard deviation, carried
 *   forward the same way and held to the same direction.
 * - above/below/milestone: the latest value (low = high = value). A threshold is held or not and a
 *   milestone is done or not; extrapolating them would forecast values nobody aims for.
 * - Once `now` is at or past the period's end there is nothing left to project: the latest value.
 * - Check-ins with an invalid date or a value that is not finite are ignored; with no check-in left
 *   the answer is null. The latest value is the one with the latest date (the last given, on equal
 *   dates). Projections are rounded to 12 significant digits, so a steady series forecasts its
 *   target exactly rather than 119 999.99999999999, and fall back to the latest value if not finite.
 */
export function forecast(
  kr: { type: KeyResultType; start: number; target: number },
  checkIns: readonly CheckInPoint[],
  period: PeriodDates,
  now: Date,
  timeZone = 'UTC',
): Forecast | null {
  const { end } = periodBounds(period, timeZone);
  const at = now.getTime() < end.getTime() ? end : null;
  const band = project(kr, checkIns, period, at, timeZone);
  if (!band) return null;
  return { ...band, ...keyResultProgress({ type: kr.type, start: kr.start, target: kr.target, current: band.value }) };
}

/**
 * The forecast line at any instant `at` (not only the period's end), with the same rules as
 * `forecast`; `at` null, or at or before the latest check-in, is the latest value.
 */
export function forecastAt(
  kr: { type: KeyResultType; start: number; target: number },
  checkIns: readonly CheckInPoint[],
  period: PeriodDates,
  at: Date | null,
  timeZone = 'UTC',
): { value: number; low: number; high: number } | null {
  return project(kr, checkIns, period, at, timeZone);
}

function project(
  kr: { type: KeyResultType; start: number; target: number },
  checkIns: readonly CheckInPoint[],
  period: PeriodDates,
  at: Date | null,
  timeZone: string,
): { value: number; low: number; high: number } | null {
  const points = checkIns
    .map((c) => ({ x: c.at.getTime(), y: c.value }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  if (points.length === 0) return null;
  const trended = kr.type === 'increase' || kr.type === 'decrease';
  const pace = paceOf(points, periodBounds(period, timeZone).start.getTime(), kr.start);
  const latest = { value: pace.value, low: pace.value, high: pace.value };
  if (!trended || at === null || !Number.isFinite(at.getTime()) || at.getTime() <= pace.at) return latest;
  const days = (at.getTime() - pace.at) / DAY;
  const sign = kr.type === 'increase' ? 1 : -1;
  // Held to the direction: sign × pace ≥ 0.
  const along = (perDay: number) => sign * Math.max(0, sign * perDay);
  const carry = (perDay: number) => {
    const carried = finite(pace.value + along(perDay) * days, pace.value);
    return sign * (carried - pace.value) < 0 ? pace.value : carried; // rounding must not step back either
  };
  const value = carry(pace.perDay);
  const a = carry(pace.perDay - pace.spread);
  const b = carry(pace.perDay + pace.spread);
  return { value, low: Math.min(a, b, value), high: Math.max(a, b, value) };
}

/** The latest point and the recency-weighted pace of the points (x in ms), see `forecast`. */
function paceOf(points: { x: number; y: number }[], periodStart: number, startValue: number): Pace {
  // stable sort keeps the last given last on equal dates; equal instants collapse to the last
  const sorted = points.map((p, i) => ({ ...p, i })).sort((p, q) => p.x - q.x || p.i - q.i);
  const distinct: { x: number; y: number }[] = [];
  for (const p of sorted) {
    const prev = distinct[distinct.length - 1];
    if (prev && prev.x === p.x) prev.y = p.y;
    else distinct.push({ x: p.x, y: p.y });
  }
  const latest = distinct[distinct.length - 1]!;
  if (distinct[0]!.x > periodStart && Number.isFinite(startValue)) distinct.unshift({ x: periodStart, y: startValue });
  // Paces are measured over steps of at least a day: a correction minutes after a check-in is
  // a pace of thousands a day, and however little its length weighs in the mean, its square
  // would blow the band up to nonsense. Check-ins closer than that join the step they end, and a
  // short last step joins the step before it.
  const steps: Array<{ from: { x: number; y: number }; to: { x: number; y: number } }> = [];
  let from = distinct[0]!;
  for (let k = 1; k < distinct.length; k++) {
    const to = distinct[k]!;
    if (to.x - from.x >= MIN_STEP_MS) { steps.push({ from, to }); from = to; }
    else if (k === distinct.length - 1) {
      // With no step of a day before it there is no pace to measure yet.
      const previous = steps.pop();
      if (previous) steps.push({ from: previous.from, to });
    }
  }
  const slopes: { perDay: number; weight: number }[] = [];
  for (const { from, to } of steps) {
    const days = (to.x - from.x) / DAY;
    const perDay = (to.y - from.y) / days;
    const age = (latest.x - to.x) / DAY;
    const weight = days * 2 ** (-age / FORECAST_HALF_LIFE_DAYS);
    if (Number.isFinite(perDay) && Number.isFinite(weight) && weight > 0) slopes.push({ perDay, weight });
  }
  const total = slopes.reduce((s, p) => s + p.weight, 0);
  if (slopes.length === 0 || !(total > 0)) return { at: latest.x, value: latest.y, perDay: 0, spread: 0 };
  // weights scaled to at most 1 and slopes summed as weighted shares keep the sums finite
  let perDay = 0;
  for (const s of slopes) perDay += (s.weight / total) * s.perDay;
  let variance = 0;
  for (const s of slopes) variance += (s.weight / total) * ((s.perDay - perDay) / 2) ** 2;
  const spread = 2 * Math.sqrt(variance);
  return {
    at: latest.x,
    value: latest.y,
    perDay: Number.isFinite(perDay) ? perDay : 0,
    spread: Number.isFinite(spread) ? spread : 0,
  };
}

function finite(x: number, fallback: number): number {
  if (!Number.isFinite(x)) return fallback;
  const rounded = Number(x.toPrecision(12));
  return rounded === 0 ? 0 : rounded;
}
