// The review of a unit at the end of a cycle (article 004): the scores, a decision for every open
// objective and key result, and the three questions: what did we achieve, what is still open,
// which lessons do we take into the next cycle. Rules: ../reviewScore.ts, ../reviewDecisions.ts.
import { z } from 'zod';
import { Id, LongText, ShortText, Timestamp, Version } from './common.js';
import { KpiCadence, KpiDirection } from './kpi.js';
import { KeyResultTypeSchema } from './keyResult.js';
import { ObjectiveKind } from './objective.js';
import { REVIEW_DECISIONS } from '../reviewDecisions.js';

export const ReviewDecisionSchema = z.enum(REVIEW_DECISIONS);
const Named = z.object({ id: Id, name: z.string() });
const Tenth = z.number({ error: 'must be a number' }).min(0, 'must be at least 0.0').max(1, 'must be at most 1.0');

export const REVIEW_QUESTIONS = ['achieved', 'stillOpen', 'lessons'] as const;
export const ReviewAnswers = z.object({ achieved: z.string(), stillOpen: z.string(), lessons: z.string() });

export const ReviewKeyResult = z.object({
  keyResultId: Id,
  objectiveId: Id,
  title: z.string(),
  type: KeyResultTypeSchema,
  start: z.number(), target: z.number(), current: z.number().nullable(), measure: z.string(), weight: z.number(),
  proposedScore: z.number().describe('From its result (core reviewScore): progress for increase/decrease, 0 or 1 for a milestone, the share of the cycle a threshold held'),
  score: z.number().describe('The score it closes with: the proposal unless set by hand'),
  reason: z.string().describe('Why the score differs from the proposal; empty when it does not'),
  kpiId: Id.nullable().describe('The KPI it was promoted to, once the review closed'),
});
export const ReviewObjective = z.object({
  objectiveId: Id,
  title: z.string(),
  kind: ObjectiveKind,
  status: z.string(),
  score: z.number().nullable().describe('The weighted mean of its key results\' scores; null without key results'),
  successAt: z.number().describe('1.0 for a committed objective, 0.7 for an aspirational one'),
  succeeded: z.boolean(),
  carriedToId: Id.nullable().describe('The draft it was carried over to, once closed'),
  parkedAsId: Id.nullable().describe('The backlog copy made of it, once closed'),
});
export const ReviewDecisionItem = z.union([
  z.object({ objectiveId: Id, decision: ReviewDecisionSchema }).strict(),
  z.object({ keyResultId: Id, decision: ReviewDecisionSchema }).strict(),
]);
export type ReviewDecisionItem = z.infer<typeof ReviewDecisionItem>;

export const Review = z.object({
  unitId: Id,
  periodId: Id,
  state: z.enum(['open', 'closed']).describe('open while the cycle is in review and not closed; closed is read-only for ever'),
  keyResults: z.array(ReviewKeyResult),
  objectives: z.array(ReviewObjective),
  answers: ReviewAnswers,
  decisions: z.array(ReviewDecisionItem.and(z.object({ kpi: z.object({ direction: KpiDirection, low: z.number().nullable(), high: z.number().nullable(), cadence: KpiCadence }).nullable() })))
    .describe('One per decided item; a key result promoted to a KPI carries the range and cadence it is kept by'),
  undecided: z.array(z.object({ kind: z.enum(['objective', 'keyResult']), id: Id, title: z.string() })).describe('What still needs a decision before closing (core undecidedItems)'),
  nextPeriod: Named.nullable().describe('The cycle carried-over work goes to: the first cycle starting after this one ends'),
  closedAt: Timestamp.nullable(),
  closedBy: Named.nullable(),
  can: z.object({ edit: z.boolean(), close: z.boolean() }),
  version: z.number().int().describe('0 until the review is first written'),
});
export type Review = z.infer<typeof Review>;

export const ReviewPatch = z.object({
  version: z.number().int().min(0, 'must be at least 0'),
  scores: z.array(z.object({ keyResultId: Id, score: Tenth, reason: ShortText.default('') }).strict()).max(200).optional(),
  answers: z.object({ achieved: LongText, stillOpen: LongText, lessons: LongText }).partial().strict().optional(),
  decisions: z.array(z.union([
    z.object({ objectiveId: Id, decision: ReviewDecisionSchema.nullable() }).strict(),
    z.object({
      keyResultId: Id, decision: ReviewDecisionSchema.nullable(),
      kpi: z.object({ direction: KpiDirection, low: z.number().nullable().optional(), high: z.number().nullable().optional(), cadence: KpiCadence }).strict().optional(),
    }).strict(),
  ])).max(400).optional().describe('null takes a decision back; promoteToKpi needs kpi'),
}).strict();
export type ReviewPatch = z.infer<typeof ReviewPatch>;
export const ReviewClose = z.object({ version: z.number().int().min(0, 'must be at least 0').describe('0 closes a review never written') }).strict();
export const ReviewParams = z.object({ id: Id, periodId: Id });

/** The organisation's view of a cycle's reviews. */
export const PeriodReviews = z.object({
  periodId: Id,
  units: z.array(z.object({
    unit: Named,
    state: z.enum(['notStarted', 'open', 'closed']),
    objectiveCount: z.number().int(),
    meanScore: z.number().nullable(),
    succeeded: z.number().int(),
  })),
  distribution: z.object({
    committed: z.array(z.number().int()).length(11).describe('How many committed objectives scored 0.0, 0.1, … 1.0 (rounded to tenths)'),
    aspirational: z.array(z.number().int()).length(11),
  }),
  moals: z.array(z.object({
    objectiveId: Id, title: z.string(),
    paidInBy: z.array(z.object({ objectiveId: Id, title: z.string(), unit: Named, score: z.number().nullable(), succeeded: z.boolean() })),
  })),
  notClosed: z.array(Named).describe('Units with objectives in the cycle whose review is not closed: moving the cycle to closed names them'),
});
export type PeriodReviews = z.infer<typeof PeriodReviews>;

/** A unit's scores and mood over its closed cycles, oldest first, for the trend on its page. */
export const UnitCycleTrend = z.object({
  cycles: z.array(z.object({
    period: Named.extend({ endDate: z.string() }),
    score: z.number().nullable().describe("The mean of its objectives' closing scores"),
    mood: z.number().nullable().describe("The retrospective's mean mood, 1–5, once three have voted"),
    votes: z.number().int(),
  })),
});
export type UnitCycleTrend = z.infer<typeof UnitCycleTrend>;
