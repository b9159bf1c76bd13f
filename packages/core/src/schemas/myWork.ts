// "Mine": what a person owns and what needs them this week.
import { z } from 'zod';
import { Id } from './common.js';
import { KeyResult } from './keyResult.js';
import { Initiative } from './initiative.js';
import { Period } from './period.js';
import { ProgressReadingSchema, TrackStatusSchema } from './progress.js';

export const MyKeyResult = KeyResult.extend({
  objectiveTitle: z.string(), unitId: Id, unitName: z.string(), periodId: Id, checkInDue: z.boolean(),
});
export type MyKeyResult = z.infer<typeof MyKeyResult>;

export const MyUnit = z.object({
  unit: z.object({ id: Id, name: z.string(), kind: z.string(), parentId: Id.nullable() }),
  role: z.string(),
  progress: z.number(), expectedProgress: z.number(), onTrack: z.boolean(), trackStatus: TrackStatusSchema, reading: ProgressReadingSchema,
  objectiveCount: z.number().int(), subtreeObjectiveCount: z.number().int(),
});
export type MyUnit = z.infer<typeof MyUnit>;

export const MyWork = z.object({
  period: Period.nullable().describe('The running cycle the figures are for'),
  keyResults: z.array(MyKeyResult),
  initiatives: z.array(Initiative.extend({ unitName: z.string() })),
  units: z.array(MyUnit),
});
export type MyWork = z.infer<typeof MyWork>;
