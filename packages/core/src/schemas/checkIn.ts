// Check-ins: a dated value for a key result with confidence, comment and blockers.
import { z } from 'zod';
import { Id, ShortText, Timestamp, Version } from './common.js';

// The schema does not know the key result's type, so a missing value names both kinds of answer.
const CheckInValue = z.number({ error: (issue) => (issue.input === undefined ? 'is required: a number, or for a milestone 1 (done) or 0 (not done)' : 'must be a number') }).finite('must be a finite number').min(-1e15, 'is too small').max(1e15, 'is too large');
const Confidence = z.number({ error: 'must be a whole number from 1 to 10' }).int('must be a whole number from 1 to 10')
  .min(1, 'must be from 1 to 10').max(10, 'must be from 1 to 10');

export const CheckInInput = z.object({
  value: CheckInValue,
  confidence: Confidence,
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
  /** When it was last edited, or null if never. */
  editedAt: Timestamp.nullable(),
  version: z.number().int(),
  /** What the person asking may do with it (core's checkInChanges). */
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type CheckIn = z.infer<typeof CheckIn>;

/** An edit of a check-in: what is sent changes, what is left out stays. */
export const CheckInPatch = z.object({
  version: Version,
  value: CheckInValue.optional(),
  confidence: Confidence.optional(),
  comment: ShortText.nullable().optional(),
  blockers: ShortText.nullable().optional(),
}).strict();
export type CheckInPatch = z.infer<typeof CheckInPatch>;
