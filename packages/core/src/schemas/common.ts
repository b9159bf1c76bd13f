// Shapes shared by every resource: ids, dates, versions, list pages and problem documents.
// The API and the web client validate with these same schemas, so they cannot disagree.
import { z } from 'zod';

export const Id = z.string().min(1, 'must not be empty').max(64, 'is too long').regex(/^[A-Za-z0-9_-]+$/, 'is not a valid id');

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
export const IsoDate = z.string().refine(isRealDate, { message: 'must be a date written YYYY-MM-DD', params: { code: 'invalid_date' } });
export const Timestamp = z.string().describe('ISO 8601 instant, UTC');

export const Version = z.number().int('must be a whole number').min(1, 'must be at least 1')
  .max(2_147_483_647, 'is larger than any version') // the store keeps versions as 32-bit integers
  .describe('The version you read; a stale one answers 409');

export const Title = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
export const LongText = z.string().max(4000, 'must be at most 4000 characters');
export const ShortText = z.string().max(2000, 'must be at most 2000 characters');

// Query strings are strict like bodies: a misspelt filter (?unitId= for ?unit=) answers 400
// naming it, rather than a silently unfiltered list.
export const ListQuery = z.object({
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(100),
  cursor: z.string().max(200, 'is too long').optional(),
}).strict();
export type ListQuery = z.infer<typeof ListQuery>;

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
export interface Page<T> { items: T[]; nextCursor: string | null }

export const IdParams = z.object({ id: Id });

/** What the person asking may do with an objective or a key result (core's okrPermissions). */
export const OkrCanSchema = z.object({
  edit: z.boolean(),
  delete: z.boolean(),
  checkIn: z.boolean().describe("A key result: whether they may check in on it (its owner may, member or not). An objective: whether they may on all of its key results, as its unit's members and admins may"),
}).describe('What the person asking may do with it, decided by the rules the server enforces; nothing once the unit is archived, no check-in once the period is closed');

export const FieldError = z.object({
  field: z.string(),
  message: z.string(),
  code: z.string().describe('What is wrong, for a client to say in its own language: required, too_short, too_big, invalid_date, unknown_unit, stale, …'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional().describe('The limits the code refers to, e.g. { minimum: 10 }'),
});
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  errors: z.array(FieldError).optional(),
  units: z.array(z.object({ id: z.string(), name: z.string(), draftCount: z.number().int().optional() })).optional()
    .describe('A refused activation (unpublished_drafts): the units with unpublished drafts in the cycle, with draftCount; a refused closing (reviews_not_closed): the units whose review is not closed'),
});
export type Problem = z.infer<typeof Problem>;
export type FieldError = z.infer<typeof FieldError>;
