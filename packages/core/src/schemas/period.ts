// Periods: years (for Moals) and cycles (quarter, tertial, half-year) with their state.
import { z } from 'zod';
import { Id, IsoDate, isRealDate, ListQuery, Timestamp, Title, Version } from './common.js';

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
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Period = z.infer<typeof Period>;

// Compared only when both are real dates: a malformed start date is its own error, not the end date's.
const endNotBeforeStart = (p: { startDate?: string | undefined; endDate?: string | undefined }) =>
  !p.startDate || !p.endDate || !isRealDate(p.startDate) || !isRealDate(p.endDate) || p.endDate >= p.startDate;
const endIssue = { message: 'must not be before the start date', path: ['endDate'], params: { code: 'order' } };

export const PeriodCreate = z.object({
  kind: PeriodKind,
  name: Title,
  startDate: IsoDate,
  endDate: IsoDate,
  state: PeriodStateSchema.default('planning'),
}).strict().refine(endNotBeforeStart, endIssue);
export type PeriodCreate = z.infer<typeof PeriodCreate>;

export const PeriodPatch = z.object({
  version: Version,
  name: Title.optional(),
  startDate: IsoDate.optional(),
  endDate: IsoDate.optional(),
  state: PeriodStateSchema.optional(),
}).strict().refine(endNotBeforeStart, endIssue);
export type PeriodPatch = z.infer<typeof PeriodPatch>;

export const PeriodQuery = ListQuery.extend({
  kind: PeriodKind.optional(),
  state: PeriodStateSchema.optional(),
});
export type PeriodQuery = z.infer<typeof PeriodQuery>;
