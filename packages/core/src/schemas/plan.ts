// A unit's plan for a cycle, as the planning workshop reads and writes it: the four questions of
// the checklist, the drafts with the coach's hints, what they pay into, the dependencies, the
// proposals from the units below, and who published it.
import { z } from 'zod';
import { HintSchema } from './hint.js';
import { Id, ShortText, Timestamp, Version } from './common.js';
import { Dependency } from './dependency.js';
import { ObjectiveWithKeyResults } from './objective.js';
import { ReviewAnswers } from './review.js';
import { RetrospectiveAction } from './retrospective.js';

/** Article 004's four questions, in the order the workshop asks them. */
export const CHECKLIST_QUESTIONS = ['paysIntoMoals', 'ambitiousYetRealistic', 'noContradictions', 'dependenciesKnown'] as const;
export type ChecklistQuestion = (typeof CHECKLIST_QUESTIONS)[number];
export const ChecklistQuestionSchema = z.enum(CHECKLIST_QUESTIONS);
export const ChecklistAnswerSchema = z.enum(['yes', 'partly', 'no']);

export const ChecklistItem = z.object({
  question: ChecklistQuestionSchema,
  answer: ChecklistAnswerSchema.nullable().describe('null: not answered yet'),
  note: z.string(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

const Named = z.object({ id: Id, name: z.string() });

/** A draft a unit below offered to this unit, to adopt as its own. */
export const Proposal = z.object({
  id: Id,
  fromUnit: Named,
  toUnit: Named,
  objective: ObjectiveWithKeyResults.describe("The proposing unit's draft as it stands now"),
  proposedBy: Named.nullable(),
  proposedAt: Timestamp,
  state: z.enum(['open', 'adopted', 'withdrawn']),
  adoptedObjectiveId: Id.nullable().describe("The adopting unit's draft made from it, which the proposing objective then pays into"),
  adoptedBy: Named.nullable(),
  adoptedAt: Timestamp.nullable(),
});
export type Proposal = z.infer<typeof Proposal>;

export const Plan = z.object({
  unitId: Id,
  periodId: Id,
  checklist: z.array(ChecklistItem).describe('The four questions, always all four, in their order'),
  objectives: z.array(ObjectiveWithKeyResults).describe("The unit's objectives in the cycle, drafts first; each objective and key result carries its hints"),
  hints: z.array(HintSchema).describe("The coach's hints about the plan as a whole (too many objectives, a member without an initiative)"),
  backlog: z.array(ObjectiveWithKeyResults).describe("The unit's parked objectives (status backlog, no period)"),
  context: z.object({
    mission: z.string(),
    themes: z.array(z.string()),
    moals: z.array(ObjectiveWithKeyResults).describe("The year's Moals"),
    parentObjectives: z.array(ObjectiveWithKeyResults).describe("The parent unit's objectives for the cycle, drafts too (status says which)"),
  }),
  dependencies: z.array(Dependency).describe('Open dependencies raised by or asked of the unit'),
  proposals: z.object({
    received: z.array(Proposal).describe('Open proposals from the units below'),
    sent: z.array(Proposal).describe("This unit's drafts proposed to the unit above"),
  }),
  previousCycle: z.object({
    period: Named,
    reviewClosed: z.boolean(),
    answers: ReviewAnswers.describe("The unit's review of it: what was achieved, what is still open, the lessons to take into this plan"),
    actions: z.array(RetrospectiveAction).describe("Its retrospective's actions not yet done"),
  }).nullable().describe('The cycle before this one (the latest that ended before it starts), for what it hands on; its carried drafts are among the objectives, with carriedFromId, and its parked work in the backlog'),
  publishedAt: Timestamp.nullable(),
  publishedBy: Named.nullable(),
  can: z.object({ edit: z.boolean(), publish: z.boolean() }),
  version: z.number().int(),
});
export type Plan = z.infer<typeof Plan>;

export const PlanPatch = z.object({
  version: Version,
  checklist: z.array(z.object({
    question: ChecklistQuestionSchema,
    answer: ChecklistAnswerSchema.nullable(),
    note: ShortText.default(''),
  }).strict()).max(4, 'has at most the four questions')
    .refine((items) => new Set(items.map((i) => i.question)).size === items.length, { message: 'lists a question twice', params: { code: 'duplicate' } }),
}).strict();
export type PlanPatch = z.infer<typeof PlanPatch>;

export const PlanPublish = z.object({ version: Version }).strict();
export const ProposalCreate = z.object({ objectiveId: Id }).strict();
export const PlanParams = z.object({ id: Id, periodId: Id });
