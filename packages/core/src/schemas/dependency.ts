// Dependencies between units: what one unit needs from another, for which of its key results or
// objectives, by when, and each step of the answer (dependencyFlow.ts).
import { z } from 'zod';
import { DEPENDENCY_STATES } from '../dependencyFlow.js';
import { Id, IsoDate, ListQuery, Timestamp, Version } from './common.js';

export const DependencyStateSchema = z.enum(DEPENDENCY_STATES);
const Named = z.object({ id: Id, name: z.string() });
const Titled = z.object({ id: Id, title: z.string() });
const Description = z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters');
const Reply = z.string().trim().max(2000, 'must be at most 2000 characters');

export const DependencyStepEntry = z.object({
  state: DependencyStateSchema,
  by: Named.nullable().describe('Who took the step; null once their account is gone'),
  at: Timestamp,
  note: z.string().nullable().describe('The reply given with an acknowledgement, the reason for a decline, or a word on resolving it'),
});

export const Dependency = z.object({
  id: Id,
  fromUnit: Named.describe('The unit that needs something and raised it'),
  toUnit: Named.describe('The unit asked for it'),
  objective: Titled.nullable().describe("The raising unit's objective it is for, if any"),
  keyResult: Titled.nullable().describe("The raising unit's key result it is for, if any"),
  description: z.string(),
  neededBy: IsoDate.nullable(),
  state: DependencyStateSchema,
  reply: z.string().nullable().describe("The asked unit's answer: its reply when acknowledging, its reason when declining"),
  raisedBy: Named.nullable(),
  raisedAt: Timestamp,
  steps: z.array(DependencyStepEntry).describe('Every step, the raising first, with who and when'),
  unanswered: z.boolean().describe('Requested and not answered for a week or more'),
  can: z.object({ acknowledge: z.boolean(), decline: z.boolean(), resolve: z.boolean() })
    .describe('The steps the person asking may take now (core dependencyPermissions)'),
  version: z.number().int(),
  updatedAt: Timestamp,
});
export type Dependency = z.infer<typeof Dependency>;

export const DependencyCreate = z.object({
  fromUnitId: Id,
  toUnitId: Id,
  keyResultId: Id.optional(),
  objectiveId: Id.optional(),
  description: Description,
  neededBy: IsoDate.nullable().optional(),
}).strict();
export type DependencyCreate = z.infer<typeof DependencyCreate>;

export const DependencyPatch = z.object({
  version: Version,
  state: DependencyStateSchema,
  reply: Reply.optional().describe('Required when declining (the reason); a reply when acknowledging; a note when resolving'),
}).strict();
export type DependencyPatch = z.infer<typeof DependencyPatch>;

export const DependencyQuery = ListQuery.extend({
  unit: Id.optional().describe('Only those this unit raised or was asked for, both directions'),
  state: z.enum([...DEPENDENCY_STATES, 'open']).optional().describe('Only those in this state; open: every one not resolved'),
}).strict();
export type DependencyQuery = z.infer<typeof DependencyQuery>;
