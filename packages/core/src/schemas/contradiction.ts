// Two key results that pull against each other, flagged with a note until the flag is cleared.
import { z } from 'zod';
import { Id, ListQuery, Timestamp } from './common.js';

/** A key result with where it sits, so a flag can be shown on either unit's page without lookups. */
export const KeyResultPlace = z.object({
  id: Id, title: z.string(), objectiveId: Id, objectiveTitle: z.string(), unitId: Id, unitName: z.string(),
});
export type KeyResultPlace = z.infer<typeof KeyResultPlace>;

const Named = z.object({ id: Id, name: z.string() });

export const Contradiction = z.object({
  id: Id,
  keyResults: z.array(KeyResultPlace).length(2),
  note: z.string(),
  flaggedBy: Named.nullable(),
  flaggedAt: Timestamp,
  clearedBy: Named.nullable(),
  clearedAt: Timestamp.nullable(),
  can: z.object({ clear: z.boolean() }),
});
export type Contradiction = z.infer<typeof Contradiction>;

export const ContradictionCreate = z.object({
  keyResultIds: z.array(Id).length(2, 'must list two key results')
    .refine(([a, b]) => a !== b, { message: 'must be two different key results', params: { code: 'duplicate' } }),
  note: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
}).strict();
export type ContradictionCreate = z.infer<typeof ContradictionCreate>;

export const ContradictionQuery = ListQuery.extend({
  unit: Id.optional().describe('Only flags on a key result of this unit'),
  cleared: z.enum(['true', 'false']).default('false').describe('false (the default): the flags standing; true: those cleared'),
}).strict();
export type ContradictionQuery = z.infer<typeof ContradictionQuery>;
