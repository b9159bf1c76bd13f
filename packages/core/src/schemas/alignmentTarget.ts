// What an objective can pay into: a Moal or another objective, a key result above or beside it, or a
// KPI (improve this measurement), which belongs to no objective or period.
import { z } from 'zod';
import { Id } from './common.js';

export const AlignmentTarget = z.object({
  kind: z.enum(['objective', 'keyResult', 'kpi']),
  id: Id,
  title: z.string(),
  objectiveId: Id.nullable().describe('null for a KPI'),
  objectiveTitle: z.string(),
  unitId: Id,
  unitName: z.string(),
  periodId: Id.nullable().describe('null for a KPI: it is kept outside the cycles'),
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
