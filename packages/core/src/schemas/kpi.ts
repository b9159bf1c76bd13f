// KPIs: measurements a unit keeps over time, outside the cycles (article 001: some key results
// become KPIs the team works with every day), each with a healthy range and a cadence of check-ins.
import { z } from 'zod';
import { Id, ListQuery, ShortText, Timestamp, Title, Version } from './common.js';
import { Measure } from './keyResult.js';
import { kpiRangeIssues } from '../kpiRange.js';

export const KpiDirection = z.enum(['above', 'below', 'between']);
export const KpiCadence = z.enum(['weekly', 'monthly', 'quarterly']);
export const KpiStatus = z.enum(['healthy', 'unhealthy', 'stale']);
export type KpiDirection = z.infer<typeof KpiDirection>;
export type KpiCadence = z.infer<typeof KpiCadence>;
export type KpiStatus = z.infer<typeof KpiStatus>;

const Value = z.number({ error: 'must be a number' }).finite('must be a finite number').min(-1e15, 'is too small').max(1e15, 'is too large');

export const Kpi = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  title: z.string(),
  measure: z.string(),
  direction: KpiDirection.describe('above: healthy at or above low; below: healthy at or below high; between: healthy from low to high'),
  low: z.number().nullable(),
  high: z.number().nullable(),
  cadence: KpiCadence,
  ownerId: Id.nullable(),
  current: z.number().nullable().describe("The latest check-in's value"),
  currentAt: Timestamp.nullable(),
  status: KpiStatus.describe('stale when no value came within its cadence (a week, a month, a quarter); else healthy or unhealthy by its range'),
  promotedFromKeyResultId: Id.nullable().describe('The key result it was promoted from, whose check-ins it holds'),
  recent: z.array(z.object({ value: z.number(), at: Timestamp })).describe('The latest check-ins, oldest first, at most 26: what a sparkline draws'),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), checkIn: z.boolean() }),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Kpi = z.infer<typeof Kpi>;

function rangeFits(k: Parameters<typeof kpiRangeIssues>[0], ctx: z.RefinementCtx): void {
  for (const i of kpiRangeIssues(k)) ctx.addIssue({ code: 'custom', path: [i.field], message: i.message, params: { code: i.code } });
}

const KpiRange = { direction: KpiDirection, low: Value.nullable().optional(), high: Value.nullable().optional(), cadence: KpiCadence };

export const KpiCreate = z.object({
  unitId: Id,
  title: Title,
  measure: Measure.default(''),
  ...KpiRange,
  ownerId: Id.nullable().optional(),
}).strict().superRefine(rangeFits);
export type KpiCreate = z.infer<typeof KpiCreate>;

export const KpiPatch = z.object({
  version: Version,
  title: Title.optional(),
  measure: Measure.optional(),
  direction: KpiDirection.optional(),
  low: Value.nullable().optional(),
  high: Value.nullable().optional(),
  cadence: KpiCadence.optional(),
  ownerId: Id.nullable().optional(),
}).strict();
export type KpiPatch = z.infer<typeof KpiPatch>;

/** Promoting a key result: the range and cadence it is kept by from now on. */
export const KeyResultPromote = z.object({ ...KpiRange }).strict().superRefine(rangeFits);
export type KeyResultPromote = z.infer<typeof KeyResultPromote>;

export const KpiCheckIn = z.object({
  id: Id,
  kpiId: Id,
  value: z.number(),
  comment: z.string(),
  at: Timestamp,
  by: z.object({ id: Id, name: z.string() }).nullable(),
  fromKeyResultId: Id.nullable().describe('Set on the check-ins it brought from the key result it was promoted from'),
});
export type KpiCheckIn = z.infer<typeof KpiCheckIn>;

export const KpiCheckInCreate = z.object({
  value: Value,
  comment: ShortText.default(''),
  at: Timestamp.optional().describe('When the value was measured; now when left out, never in the future'),
}).strict();
export type KpiCheckInCreate = z.infer<typeof KpiCheckInCreate>;

export const KpiListQuery = ListQuery.extend({
  unit: Id.optional(),
  under: Id.optional().describe("A unit: its KPIs and its subtree's"),
  status: KpiStatus.optional(),
}).strict();
