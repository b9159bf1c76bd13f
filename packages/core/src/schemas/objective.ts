// Objectives: qualitative goals of a unit for a period, with owners and what they pay into.
// An objective in a year period on the root unit is a Moal.
import { z } from 'zod';
import { Id, ListQuery, LongText, OkrCanSchema, Timestamp, Title, Version } from './common.js';
import { KeyResult, NewObjectiveKeyResult } from './keyResult.js';
import { ProgressReadingSchema, TrackStatusSchema } from './progress.js';
import { HintSchema } from './hint.js';

export const ObjectiveKind = z.enum(['committed', 'aspirational']);
export const ObjectiveStatus = z.enum(['draft', 'active', 'done', 'cancelled', 'backlog']);

export const Alignment = z.union([
  z.object({ objectiveId: Id }).strict(),
  z.object({ keyResultId: Id }).strict(),
  z.object({ kpiId: Id }).strict().describe('Pays into a KPI: improves that measurement'),
]);
export type Alignment = z.infer<typeof Alignment>;

/** A link with what it points at, so a page can show "pays into" without a lookup per link. */
export const AlignedTo = z.object({
  kind: z.enum(['objective', 'keyResult', 'kpi']),
  id: Id,
  title: z.string(),
  unitId: Id,
  unitName: z.string(),
  isMoal: z.boolean(),
});
export type AlignedTo = z.infer<typeof AlignedTo>;

export const Objective = z.object({
  id: Id,
  unitId: Id,
  periodId: Id.nullable().describe('null while the objective is parked in the backlog (status backlog)'),
  title: z.string(),
  description: z.string(),
  kind: ObjectiveKind,
  status: ObjectiveStatus,
  ownerIds: z.array(Id),
  alignments: z.array(Alignment),
  alignedTo: z.array(AlignedTo),
  progress: z.number(),
  expectedProgress: z.number(),
  onTrack: z.boolean(),
  trackStatus: TrackStatusSchema,
  reading: ProgressReadingSchema,
  can: OkrCanSchema,
  hints: z.array(HintSchema).describe("The coach's hints (packages/core/src/coach) while it is a draft; empty once published"),
  carriedFromId: Id.nullable().describe('The objective of an earlier cycle a review carried this one over or parked it from; its history stays there'),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Objective = z.infer<typeof Objective>;
export const ObjectiveWithKeyResults = Objective.extend({ keyResults: z.array(KeyResult) });
export type ObjectiveWithKeyResults = z.infer<typeof ObjectiveWithKeyResults>;

const Owners = z.array(Id).max(20, 'at most 20 owners')
  .refine((ids) => new Set(ids).size === ids.length, { message: 'lists a person twice', params: { code: 'duplicate' } });
const Alignments = z.array(Alignment).max(20, 'at most 20 links');

export const ObjectiveCreate = z.object({
  unitId: Id,
  periodId: Id,
  title: Title,
  description: LongText.default(''),
  kind: ObjectiveKind.default('committed'),
  /** A new objective is a draft, left out of every roll-up, until it is published (made active). */
  status: ObjectiveStatus.default('draft').describe('draft or active; backlog is reached by parking a draft (PATCH status backlog)'),
  ownerIds: Owners.default([]),
  alignments: Alignments.default([]),
  keyResults: z.array(NewObjectiveKeyResult).max(20, 'at most 20 key results').default([])
    .describe('Created with the objective, in this order, in the same transaction: all of them or none'),
}).strict();
export type ObjectiveCreate = z.infer<typeof ObjectiveCreate>;

export const ObjectivePatch = z.object({
  version: Version,
  title: Title.optional(),
  description: LongText.optional(),
  kind: ObjectiveKind.optional(),
  status: ObjectiveStatus.optional().describe('backlog parks a draft (its period becomes null, its key results go with it); draft with periodId pulls a parked one into a cycle in planning or active'),
  ownerIds: Owners.optional(),
  alignments: Alignments.optional(),
  periodId: Id.optional(),
}).strict();
export type ObjectivePatch = z.infer<typeof ObjectivePatch>;

export const ObjectiveQuery = ListQuery.extend({
  unit: Id.optional(),
  period: Id.optional(),
  status: ObjectiveStatus.optional().describe('Only objectives of this status; parked ones (backlog) are listed only when asked for by status=backlog'),
});
