// The retrospective of a unit for a cycle (article 004): how we worked, never the results. Six
// questions with notes, an anonymous mood vote, and actions for the next cycle.
import { z } from 'zod';
import { Id, IsoDate, LongText, Timestamp } from './common.js';
import { RETROSPECTIVE_QUESTIONS, type RetrospectiveQuestion } from '../retrospectiveQuestions.js';

export { RETROSPECTIVE_QUESTIONS, type RetrospectiveQuestion };
const Named = z.object({ id: Id, name: z.string() });

export const RetrospectiveAction = z.object({
  id: Id,
  text: z.string(),
  ownerId: Id.nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  done: z.boolean(),
});
export type RetrospectiveAction = z.infer<typeof RetrospectiveAction>;

export const Retrospective = z.object({
  unitId: Id,
  unitName: z.string(),
  periodId: Id,
  periodName: z.string(),
  periodState: z.enum(['planning', 'active', 'review', 'closed']),
  notes: z.object(Object.fromEntries(RETROSPECTIVE_QUESTIONS.map((q) => [q, z.string()])) as Record<RetrospectiveQuestion, z.ZodString>),
  actions: z.array(RetrospectiveAction),
  mood: z.object({
    votes: z.number().int(),
    members: z.number().int().describe('Members of the unit, who may each vote once'),
    distribution: z.array(z.number().int()).length(5).nullable().describe('How many voted 1, 2, 3, 4, 5; null until three have voted, so no one vote can be read off'),
    mean: z.number().nullable().describe('null until three have voted'),
    youVoted: z.boolean(),
  }),
  open: z.boolean().describe("From the cycle's review on (review or closed); before that nothing can be written or voted"),
  can: z.object({ edit: z.boolean(), vote: z.boolean() }),
  version: z.number().int().describe('0 until the retrospective is first written'),
  updatedAt: Timestamp.nullable(),
});
export type Retrospective = z.infer<typeof Retrospective>;

const ActionInput = z.object({
  id: Id.optional().describe('An existing action; left out for a new one'),
  text: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  ownerId: Id.nullable().default(null),
  dueDate: IsoDate.nullable().default(null),
  done: z.boolean().default(false),
}).strict();

export const RetrospectivePatch = z.object({
  version: z.number().int().min(0, 'must be at least 0'),
  notes: z.object(Object.fromEntries(RETROSPECTIVE_QUESTIONS.map((q) => [q, LongText])) as Record<RetrospectiveQuestion, typeof LongText>).partial().strict().optional(),
  actions: z.array(ActionInput).max(50, 'at most 50 actions').optional().describe('The whole list: actions left out are removed'),
}).strict();
export type RetrospectivePatch = z.infer<typeof RetrospectivePatch>;

export const MoodVote = z.object({ mood: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5') }).strict();
export const RetrospectiveParams = z.object({ id: Id, periodId: Id });

/** A retrospective action on its owner's Mine, until done. */
export const MyRetrospectiveAction = RetrospectiveAction.extend({ unitId: Id, unitName: z.string(), periodId: Id, periodName: z.string() });
export type MyRetrospectiveAction = z.infer<typeof MyRetrospectiveAction>;
