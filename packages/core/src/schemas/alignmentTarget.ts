// What an objective can pay into: a Moal or another objective, or a key result above or beside it.
import { z } from 'zod';
import { Id } from './common.js';

export const AlignmentTarget = z.object({
  kind: z.enum(['objective', 'keyResult']),
  id: Id,
  title: z.string(),
  objectiveId: Id,
  objectiveTitle: z.string(),
  unitId: Id,
  unitName: z.string(),
  periodId: Id,
  periodName: z.string(),
  isMoal: z.boolean(),
});
export type AlignmentTarget = z.infer<typeof AlignmentTarget>;

export const AlignmentTargetQuery = z.object({
  period: Id.describe('The cycle of the objective being aligned; targets come from it and from the years it falls in'),
  q: z.string().trim().max(100, 'must be at most 100 characters').default(''),
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(30),
}).strict();

export const CheckInHistory = z.object({
  items: z.array(z.object({
    keyResultId: Id,
    points: z.array(z.object({ at: z.string(), value: z.number(), confidence: z.number().int() })),
  })),
});
export type CheckInHistory = z.infer<typeof CheckInHistory>;
