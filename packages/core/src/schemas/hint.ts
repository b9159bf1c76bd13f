// The coach's hints as objectives, key results and plans carry them (packages/core/src/coach),
// each with its dismissal once someone dismissed it with a reason. Kept apart from plan.ts so
// objective.ts and keyResult.ts can carry hints without importing the plan, which imports them.
import { z } from 'zod';
import { HINT_CODES } from '../coach/plan.js';
import { Id, Timestamp } from './common.js';

const Named = z.object({ id: Id, name: z.string() });

export const HintCodeSchema = z.enum(HINT_CODES);
export const HintDismissal = z.object({
  id: Id,
  reason: z.string(),
  by: Named.nullable().describe('Who dismissed it; null once their account is gone'),
  at: Timestamp,
});
export type HintDismissal = z.infer<typeof HintDismissal>;
/** What the coach says about an objective, a key result or a unit's plan (packages/core/src/coach). */
export const HintSchema = z.object({
  code: HintCodeSchema,
  severity: z.enum(['warning', 'advice']),
  params: z.record(z.string(), z.union([z.string(), z.number()])).describe('What the sentence names: the verb found, the count and the limit, the person'),
  dismissal: HintDismissal.nullable().describe('Set once someone dismissed the hint with a reason; still shown, marked as such'),
});
export type HintView = z.infer<typeof HintSchema>;

export const HintSubjectKind = z.enum(['objective', 'keyResult', 'unit']);
export const HintDismissalCreate = z.object({
  subjectKind: HintSubjectKind,
  subjectId: Id,
  code: HintCodeSchema,
  about: Id.optional().describe('For a hint that names a person (member-without-initiative, one per member): that person, so each is dismissed on its own'),
  reason: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
}).strict();
export type HintDismissalCreate = z.infer<typeof HintDismissalCreate>;
/** A dismissal as POST /hints/dismissals answers it: the hint it is about, and who, when and why. */
export const HintDismissalView = HintDismissal.extend({ subjectKind: HintSubjectKind, subjectId: Id, code: HintCodeSchema, about: z.string().describe("The person the hint names, or '' for a hint that names none") });
export type HintDismissalView = z.infer<typeof HintDismissalView>;
