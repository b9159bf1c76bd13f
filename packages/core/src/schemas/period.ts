// Periods: years (for Moals) and cycles (quarter, tertial, half-year) with their state.
import { z } from 'zod';
import { Id, IsoDate, isRealDate, ListQuery, Timestamp, Title, Version } from './common.js';
import { RITUAL_DATE_FIELDS, ritualDateProblems } from '../periodRituals.js';

export const PeriodKind = z.enum(['year', 'cycle']);
export type PeriodKind = z.infer<typeof PeriodKind>;
export const PeriodStateSchema = z.enum(['planning', 'active', 'review', 'closed']);

export const Period = z.object({
  id: Id,
  kind: PeriodKind,
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  state: PeriodStateSchema,
  planningStartDate: z.string().nullable().describe('The first day of the planning window (the workshops), or null'),
  planningEndDate: z.string().nullable().describe('The last day of the planning window, or null'),
  reviewDate: z.string().nullable().describe('The day of the review at the end of the cycle, or null'),
  retrospectiveDate: z.string().nullable().describe('The day of the retrospective, or null'),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Period = z.infer<typeof Period>;

// Compared only when both are real dates: a malformed start date is its own error, not the end date's.
const endNotBeforeStart = (p: { startDate?: string | undefined; endDate?: string | undefined }) =>
  !p.startDate || !p.endDate || !isRealDate(p.startDate) || !isRealDate(p.endDate) || p.endDate >= p.startDate;
const endIssue = { message: 'must not be before the start date', path: ['endDate'], params: { code: 'order' } };

const RitualDate = IsoDate.nullable();
const ritualDates = {
  planningStartDate: RitualDate.optional(),
  planningEndDate: RitualDate.optional(),
  reviewDate: RitualDate.optional(),
  retrospectiveDate: RitualDate.optional(),
};
type RitualInput = { startDate?: string | undefined; endDate?: string | undefined } & { [K in (typeof RITUAL_DATE_FIELDS)[number]]?: string | null | undefined };
/** Judged on what the body holds, each date only once it is a real date (else it is its own error);
 *  the use case judges again against the stored period, for what the body leaves out. */
function ritualsInOrder(p: RitualInput, ctx: z.RefinementCtx): void {
  const real = (v: string | null | undefined) => (v && isRealDate(v) ? v : undefined);
  const start = real(p.startDate);
  const end = real(p.endDate);
  const problems = ritualDateProblems({
    startDate: start ?? '', endDate: end ?? '9999-12-31',
    planningStartDate: real(p.planningStartDate), planningEndDate: real(p.planningEndDate),
    reviewDate: real(p.reviewDate), retrospectiveDate: real(p.retrospectiveDate),
  });
  for (const problem of problems) {
    ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field], params: { code: problem.code, ...problem.params } });
  }
}

export const PeriodCreate = z.object({
  kind: PeriodKind,
  name: Title,
  startDate: IsoDate,
  endDate: IsoDate,
  state: PeriodStateSchema.default('planning'),
  ...ritualDates,
}).strict().refine(endNotBeforeStart, endIssue).superRefine(ritualsInOrder);
export type PeriodCreate = z.infer<typeof PeriodCreate>;

export const PeriodPatch = z.object({
  version: Version,
  name: Title.optional(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  state: PeriodStateSchema.optional(),
  ...ritualDates,
  confirm: z.boolean({ error: 'must be true or false' }).optional()
    .describe('true: become active even though units have unpublished drafts (else 409 unpublished_drafts), or closed even though units have not closed their review (else 409 reviews_not_closed)'),
}).strict().refine(endNotBeforeStart, endIssue).superRefine(ritualsInOrder);
export type PeriodPatch = z.infer<typeof PeriodPatch>;

export const PeriodQuery = ListQuery.extend({
  kind: PeriodKind.optional(),
  state: PeriodStateSchema.optional(),
});
export type PeriodQuery = z.infer<typeof PeriodQuery>;
