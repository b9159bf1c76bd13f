// The shape of progress answers: a unit's objectives and its subtree rolled up.
import { z } from 'zod';
import { Id, OkrCanSchema } from './common.js';
import { HintSchema } from './hint.js';

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
  can: OkrCanSchema,
  hints: z.array(HintSchema).describe("The coach's hints while its objective is a draft"),
});
export const ObjectiveProgressItem = z.object({
  id: Id, title: z.string(), kind: z.string(), status: z.string(), ownerIds: z.array(Id), ...Track,
  can: OkrCanSchema,
  hints: z.array(HintSchema).describe("The coach's hints while it is a draft"),
  keyResults: z.array(KeyResultProgressItem),
});

const UnitRef = z.object({ id: Id, name: z.string(), kind: z.string(), parentId: Id.nullable() });
const ChildCount = z.number().int().describe('How many units are directly below this one in the tree, whether or not `children` lists them');
/** A unit in the tree with its whole subtree rolled up; `children` is empty beyond the depth asked for, `childCount` is not. */
export interface UnitProgressNode {
  unit: z.infer<typeof UnitRef>;
  progress: number; expectedProgress: number; onTrack: boolean; trackStatus: z.infer<typeof TrackStatusSchema>;
  reading: z.infer<typeof ProgressReadingSchema>;
  objectiveCount: number; subtreeObjectiveCount: number;
  childCount: number;
  children: UnitProgressNode[];
}
export const UnitProgressNodeSchema: z.ZodType<UnitProgressNode> = z.object({
  unit: UnitRef, ...Track, objectiveCount: z.number().int(), subtreeObjectiveCount: z.number().int(), childCount: ChildCount,
  get children() { return z.array(UnitProgressNodeSchema).describe('The units below, by name, down to the depth asked for; empty beyond it'); },
});

export const UnitProgress = z.object({
  unit: UnitRef,
  period: z.object({ id: Id, name: z.string(), kind: z.string(), startDate: z.string(), endDate: z.string(), state: z.string() }),
  ...Track,
  objectiveCount: z.number().int(),
  subtreeObjectiveCount: z.number().int(),
  objectives: z.array(ObjectiveProgressItem),
  childCount: ChildCount,
  children: z.array(UnitProgressNodeSchema).describe('The units below, by name, down to the depth asked for (the unit\'s children by default)'),
});
export type UnitProgress = z.infer<typeof UnitProgress>;
export const UnitProgressQuery = z.object({ period: Id }).strict();
/**
 * How many levels of the tree a progress answer lists. One (the unit's children) is what a page
 * shows, and keeps the root's answer of a large organisation small; every node's figures are still
 * the roll-up of its whole subtree, whatever the depth.
 */
export const UNIT_PROGRESS_DEPTH = 1;
export const UnitProgressTreeQuery = UnitProgressQuery.extend({
  depth: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').default(UNIT_PROGRESS_DEPTH)
    .describe('Levels of units below this one to list: 0 none, 1 its children (the default), 2 their children too, and so on; any depth at least the tree\'s height lists the whole subtree'),
}).strict();
