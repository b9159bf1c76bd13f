// Check-ins: a dated value for a key result with confidence, comment and blockers.
import { z } from 'zod';
import { Id, ShortText, Timestamp } from './common.js';

export const CheckInInput = z.object({
  // The schema does not know the key result's type, so a missing value names both kinds of answer.
  value: z.number({ error: (issue) => (issue.input === undefined ? 'is required: a number, or for a milestone 1 (done) or 0 (not done)' : 'must be a number') }).finite('must be a finite number').min(-1e15, 'is too small').max(1e15, 'is too large'),
  confidence: z.number({ error: 'must be a whole number from 1 to 10' }).int('must be a whole number from 1 to 10')
    .min(1, 'must be from 1 to 10').max(10, 'must be from 1 to 10'),
  comment: ShortText.nullable().default(null),
  blockers: ShortText.nullable().default(null),
}).strict();
export type CheckInInput = z.infer<typeof CheckInInput>;

export const CheckIn = z.object({
  id: Id,
  keyResultId: Id,
  value: z.number(),
  confidence: z.number().int(),
  comment: z.string().nullable(),
  blockers: z.string().nullable(),
  authorId: Id.nullable(),
  createdAt: Timestamp,
});
export type CheckIn = z.infer<typeof CheckIn>;
