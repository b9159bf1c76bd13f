// The organisation (tenant) and its strategy: the top of the OKR pyramid.
import { z } from 'zod';
import { LongText, Timestamp, Title, Version, Id } from './common.js';

export const Language = z.enum(['nb', 'sv', 'en']);
export type Language = z.infer<typeof Language>;
export const CycleCadenceSchema = z.enum(['quarter', 'tertial', 'half-year']);

export const CheckInCadenceSchema = z.enum(['weekly', 'biweekly']);
export const CheckInWeekday = z.number().int('must be a whole number').min(1, 'must be 1–7 (Monday 1)').max(7, 'must be 1–7 (Monday 1)');

export const TimeZone = z.string().max(64).refine((tz) => {
  try { new Intl.DateTimeFormat('en', { timeZone: tz }); return true; } catch { return false; }
}, { message: 'must be an IANA time zone such as Europe/Oslo', params: { code: 'invalid_time_zone' } });

export const Theme = z.object({ title: Title, description: LongText.default('') }).strict();
export const Strategy = z.object({
  mission: LongText,
  vision: LongText,
  values: z.array(z.string().trim().min(1, 'must not be empty').max(200)).max(20, 'at most 20 values'),
  themes: z.array(Theme).max(20, 'at most 20 themes'),
}).strict();
export type Strategy = z.infer<typeof Strategy>;

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  language: Language,
  timeZone: z.string(),
  fiscalYearStartMonth: z.number().int(),
  cycleCadence: CycleCadenceSchema,
  checkInCadenceDays: z.number().int().describe("After how many days since the last check-in a key result is due one, in units that follow the organisation's cadence; follows checkInCadence (7 or 14) when that is changed"),
  checkInWeekday: z.number().int().describe('The default check-in weekday, 1–7 with Monday 1'),
  checkInCadence: CheckInCadenceSchema.describe('The default check-in cadence'),
  strategy: Strategy,
  rootUnitId: Id.nullable().describe("The unit at the top of the organisation's tree (kind organisation): where GET /units/{id}/progress starts the organisation's roll-up"),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationPatch = z.object({
  version: Version,
  name: Title.optional(),
  language: Language.optional(),
  timeZone: TimeZone.optional(),
  fiscalYearStartMonth: z.number().int('must be a whole number').min(1, 'must be 1–12').max(12, 'must be 1–12').optional(),
  cycleCadence: CycleCadenceSchema.optional(),
  checkInCadenceDays: z.number().int('must be a whole number').min(1, 'must be at least 1 day').max(90, 'must be at most 90 days').optional()
    .describe('7 or 14 alone also sets checkInCadence (weekly, biweekly); other days leave it'),
  checkInWeekday: CheckInWeekday.optional(),
  checkInCadence: CheckInCadenceSchema.optional().describe('Sets checkInCadenceDays to 7 or 14 too, unless the same change sets them'),
  strategy: Strategy.partial().optional(),
}).strict();
export type OrganisationPatch = z.infer<typeof OrganisationPatch>;
