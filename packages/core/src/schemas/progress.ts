// The shape of progress answers: a unit's objectives and its subtree rolled up.
import { z } from 'zod';
import { Id } from './common.js';

export const TrackStatusSchema = z.enum(['on-track', 'at-risk', 'off-track']);
export const ProgressReadingSchema = z.enum(['measured', 'no-check-in', 'no-okrs', 'final'])
  .describe('How to read the progress: measured; no check-in yet; no OKRs; or the final result of a closed period (no expected mark, no on-track claim)');

const Track = {
  progress: z.number(),
  expectedProgress: z.number(),
  onTrack: z.boolean(),
  trackStatus: TrackStatusSchema,
  reading: ProgressReadingSchema,
};

export const OpenBlockerSchema = z.object({ text: z.string(), since: z.string(), authorName: z.string().nullable() })
  .describe("What the key result's newest check-in names as blocking it; null once a later check-in names none");

export const KeyResultProgressItem = z.object({
  id: Id, title: z.string(), type: z.string(), start: z.number(), target: z.number(), measure: z.string(),
  current: z.number().nullable(), currentAt: z.string().nullable(), confidence: z.number().nullable(),
  ownerId: Id.nullable(), rawProgress: z.number(), ...Track,
  blocker: OpenBlockerSchema.nullable(),
});
export const ObjectiveProgressItem = z.object({
  id: Id, title: z.string(), kind: z.string(), status: z.string(), ownerIds: z.array(Id), ...Track,
  keyResults: z.array(KeyResultProgressItem),
});

const UnitRef = z.object({ id: Id, name: z.string(), kind: z.string(), parentId: Id.nullable() });
export interface UnitProgressNode {
  unit: z.infer<typeof UnitRef>;
  progress: number; expectedProgress: number; onTrack: boolean; trackStatus: z.infer<typeof TrackStatusSchema>;
  reading: z.infer<typeof ProgressReadingSchema>;
  objectiveCount: number; subtreeObjectiveCount: number;
  children: UnitProgressNode[];
}
export const UnitProgressNodeSchema: z.ZodType<UnitProgressNode> = z.object({
  unit: UnitRef, ...Track, objectiveCount: z.number().int(), subtreeObjectiveCount: z.number().int(),
  get children() { return z.array(UnitProgressNodeSchema); },
});

export const UnitProgress = z.object({
  unit: UnitRef,
  period: z.object({ id: Id, name: z.string(), kind: z.string(), startDate: z.string(), endDate: z.string(), state: z.string() }),
  ...Track,
  objectiveCount: z.number().int(),
  subtreeObjectiveCount: z.number().int(),
  objectives: z.array(ObjectiveProgressItem),
  children: z.array(UnitProgressNodeSchema),
});
export type UnitProgress = z.infer<typeof UnitProgress>;
export const UnitProgressQuery = z.object({ period: Id }).strict();
