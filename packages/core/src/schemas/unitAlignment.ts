// The alignment between the units of an area for a cycle: their OKRs side by side with what each
// pays into, what nothing pays into, suggested overlaps and the contradiction flags.
import { z } from 'zod';
import { Id } from './common.js';
import { AlignedTo, ObjectiveKind, ObjectiveStatus } from './objective.js';
import { KeyResultTypeSchema } from './keyResult.js';
import { Contradiction, KeyResultPlace } from './contradiction.js';

export const AlignmentObjective = z.object({
  id: Id,
  title: z.string(),
  kind: ObjectiveKind,
  status: ObjectiveStatus,
  alignedTo: z.array(AlignedTo),
  keyResults: z.array(z.object({ id: Id, title: z.string(), type: KeyResultTypeSchema, start: z.number(), target: z.number(), measure: z.string() })),
});
export type AlignmentObjective = z.infer<typeof AlignmentObjective>;

const UnitRef = z.object({ id: Id, name: z.string(), kind: z.string() });
const Target = z.object({ id: Id, title: z.string(), unitId: Id, unitName: z.string() });

export const UnitAlignment = z.object({
  unit: UnitRef,
  period: z.object({ id: Id, name: z.string() }),
  objectives: z.array(AlignmentObjective).describe("The unit's own objectives for the cycle: what the units below pay into"),
  units: z.array(z.object({ unit: UnitRef, objectives: z.array(AlignmentObjective) }))
    .describe('Each unit right below, with its drafts and published objectives for the cycle (cancelled ones left out)'),
  unpaid: z.object({
    moals: z.array(Target).describe("The year's Moals that no objective of this unit or the units below pays into"),
    parentObjectives: z.array(Target).describe("This unit's objectives that no objective of the units below pays into"),
  }),
  overlaps: z.array(z.object({
    keyResults: z.array(KeyResultPlace).length(2),
    measure: z.string(),
    sharedWords: z.array(z.string()).describe('The words both titles have, as compared (lower case, without endings)'),
    similarity: z.number(),
  })).describe('Key results of different units that count the same measure with alike titles (core measureOverlap): suggestions'),
  contradictions: z.array(Contradiction).describe('The flags standing on key results of these units'),
});
export type UnitAlignment = z.infer<typeof UnitAlignment>;

export const UnitAlignmentQuery = z.object({ period: Id }).strict();
