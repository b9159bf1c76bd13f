// "Mine": what a person owns and what needs them this week.
import { z } from 'zod';
import { Id } from './common.js';
import { KeyResult } from './keyResult.js';
import { Initiative } from './initiative.js';
import { Period } from './period.js';
import { MyRetrospectiveAction } from './retrospective.js';
import { OpenBlockerSchema, ProgressReadingSchema, TrackStatusSchema } from './progress.js';

export const MyKeyResult = KeyResult.extend({
  objectiveTitle: z.string(), unitId: Id, unitName: z.string(), periodId: Id, checkInDue: z.boolean().describe("Due by its unit's rhythm in the organisation's time zone: from a check-in day (the unit's weekday, every week or every other week from the cycle's first such weekday) until it is checked in"),
  previousConfidence: z.number().int().nullable().describe('Confidence at the check-in before the newest'),
  confidenceFell: z.boolean().describe("The newest check-in's confidence is lower than the one before"),
});
export type MyKeyResult = z.infer<typeof MyKeyResult>;

export const MyUnit = z.object({
  unit: z.object({ id: Id, name: z.string(), kind: z.string(), parentId: Id.nullable() }),
  role: z.string(),
  progress: z.number(), expectedProgress: z.number(), onTrack: z.boolean(), trackStatus: TrackStatusSchema, reading: ProgressReadingSchema,
  objectiveCount: z.number().int(), subtreeObjectiveCount: z.number().int(),
});
export type MyUnit = z.infer<typeof MyUnit>;

export const MyUnitBlocker = OpenBlockerSchema.extend({
  keyResultId: Id, keyResultTitle: z.string(), objectiveTitle: z.string(), unitId: Id, unitName: z.string(), periodId: Id,
});
export type MyUnitBlocker = z.infer<typeof MyUnitBlocker>;

export const MyWork = z.object({
  period: Period.nullable().describe('The running cycle the figures are for'),
  keyResults: z.array(MyKeyResult),
  initiatives: z.array(Initiative.extend({ unitName: z.string() })),
  units: z.array(MyUnit),
  blockers: z.array(MyUnitBlocker).describe("Blockers open on the key results of my units' objectives in running periods, newest first"),
  retrospectiveActions: z.array(MyRetrospectiveAction).describe("Retrospective actions I own that are not done, of any cycle, oldest cycle first"),
});
export type MyWork = z.infer<typeof MyWork>;
