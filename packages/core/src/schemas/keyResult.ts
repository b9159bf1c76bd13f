// Key results: what is measured, from where to where, and their latest state.
import { z } from 'zod';
import { Id, OkrCanSchema, Timestamp, Title, Version } from './common.js';
import { ProgressReadingSchema, TrackStatusSchema } from './progress.js';
import { HintSchema } from './hint.js';

export const KeyResultTypeSchema = z.enum(['increase', 'decrease', 'above', 'below', 'milestone']);
const Value = z.number({ error: 'must be a number' }).finite('must be a finite number').min(-1e15, 'is too small').max(1e15, 'is too large');
export const Measure = z.string().trim().max(40, 'must be at most 40 characters');

export const KeyResult = z.object({
  id: Id,
  objectiveId: Id,
  title: z.string(),
  type: KeyResultTypeSchema,
  start: z.number(),
  target: z.number(),
  measure: z.string(),
  ownerId: Id.nullable(),
  weight: z.number(),
  current: z.number().nullable().describe("The latest check-in's value"),
  currentAt: Timestamp.nullable(),
  confidence: z.number().int().nullable(),
  progress: z.number(),
  rawProgress: z.number(),
  expectedProgress: z.number(),
  onTrack: z.boolean(),
  trackStatus: TrackStatusSchema,
  reading: ProgressReadingSchema,
  forecast: z.object({
    value: z.number(),
    progress: z.number(),
    met: z.boolean(),
    low: z.number().describe('The low end of the forecast value, from the spread of the recent paces'),
    high: z.number().describe('The high end of the forecast value'),
    lowProgress: z.number(),
    highProgress: z.number(),
    status: TrackStatusSchema.describe('The status told with the forecast: on track now but heading more than 10 points short is at risk'),
  }).nullable().optional(),
  can: OkrCanSchema,
  hints: z.array(HintSchema).describe("The coach's hints (packages/core/src/coach) while its objective is a draft; empty once published"),
  kpiId: Id.nullable().describe('The KPI it was promoted to, which holds its check-ins from then on'),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type KeyResult = z.infer<typeof KeyResult>;

type Direction = { type?: string | undefined; start?: number | undefined; target?: number | undefined };
export type KeyResultDirectionIssue = { field: 'target'; message: string; code: 'direction' | 'target_is_start' };
/** What is wrong with a key result's direction; errors name the target, where a wrong number was most likely typed.
 *  An increase or decrease whose target is its start would be met before anything happened. */
export function keyResultDirectionIssues(kr: Direction): KeyResultDirectionIssue[] {
  const issues: KeyResultDirectionIssue[] = [];
  if (kr.type === 'milestone' && kr.target !== undefined && kr.target !== 1) issues.push({ field: 'target', message: 'must be 1 for a milestone (done)', code: 'direction' });
  if (kr.start === undefined || kr.target === undefined) return issues;
  if ((kr.type === 'increase' || kr.type === 'decrease') && kr.target === kr.start) issues.push({ field: 'target', message: 'must differ from the start', code: 'target_is_start' });
  if (kr.type === 'increase' && kr.target < kr.start) issues.push({ field: 'target', message: 'must not be below the start for an increase', code: 'direction' });
  if (kr.type === 'decrease' && kr.target > kr.start) issues.push({ field: 'target', message: 'must not be above the start for a decrease', code: 'direction' });
  return issues;
}

const keyResultFields = {
  title: Title,
  type: KeyResultTypeSchema,
  start: Value.optional(),
  target: Value.optional(),
  measure: Measure.default(''),
  ownerId: Id.nullable().default(null),
  weight: z.number().finite().min(0, 'must not be negative').max(100, 'must be at most 100').default(1),
};
type KeyResultFields = { type: string; start?: number | undefined; target?: number | undefined };
function keyResultIssues(kr: KeyResultFields, ctx: z.RefinementCtx): void {
  if (kr.type !== 'milestone' && kr.target === undefined) {
    ctx.addIssue({ code: 'custom', path: ['target'], message: 'is required', params: { code: 'required' } });
  }
  if ((kr.type === 'increase' || kr.type === 'decrease') && kr.start === undefined) {
    ctx.addIssue({ code: 'custom', path: ['start'], message: 'is required', params: { code: 'required' } });
  }
  // A target equal to its start is well-formed, only unfit (422 from the use case, as on a change).
  for (const issue of keyResultDirectionIssues(kr).filter((i) => i.code !== 'target_is_start')) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message, params: { code: issue.code } });
}

export const KeyResultCreate = z.object({ objectiveId: Id, ...keyResultFields }).strict().superRefine(keyResultIssues);
export type KeyResultCreate = z.infer<typeof KeyResultCreate>;
/** A key result created with its objective, in the same request (POST /objectives). */
export const NewObjectiveKeyResult = z.object(keyResultFields).strict().superRefine(keyResultIssues);
export type NewObjectiveKeyResult = z.infer<typeof NewObjectiveKeyResult>;

export const KeyResultPatch = z.object({
  version: Version,
  title: Title.optional(),
  type: KeyResultTypeSchema.optional(),
  start: Value.optional(),
  target: Value.optional(),
  measure: Measure.optional(),
  ownerId: Id.nullable().optional(),
  weight: z.number().finite().min(0, 'must not be negative').max(100, 'must be at most 100').optional(),
}).strict();
export type KeyResultPatch = z.infer<typeof KeyResultPatch>;
