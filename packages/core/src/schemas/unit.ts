// Units: the organisation tree (organisation → area → team), any depth, with members.
import { z } from 'zod';
import { Id, ListQuery, LongText, Timestamp, Title, Version } from './common.js';
import { MemberRole } from './person.js';
import { CheckInCadenceSchema, CheckInWeekday } from './organisation.js';

export const UnitKind = z.enum(['organisation', 'area', 'team']);
export type UnitKind = z.infer<typeof UnitKind>;
export const UnitMember = z.object({ personId: Id, role: MemberRole }).strict();
export type UnitMember = z.infer<typeof UnitMember>;

export const Unit = z.object({
  id: Id,
  parentId: Id.nullable(),
  name: z.string(),
  kind: UnitKind,
  description: z.string(),
  members: z.array(UnitMember),
  /** When an admin archived it (its OKRs kept, read-only; left out of roll-ups), or null. */
  archivedAt: Timestamp.nullable(),
  checkInWeekday: z.number().int().nullable().describe("The unit's own check-in weekday (1–7, Monday 1), or null for the organisation's"),
  checkInCadence: CheckInCadenceSchema.nullable().describe("The unit's own check-in cadence, or null for the organisation's"),
  checkIn: z.object({
    weekday: z.number().int(),
    cadence: CheckInCadenceSchema,
    cadenceDays: z.number().int().describe('Days between its check-in days (7 or 14; the organisation\'s days where the unit follows it). A key result is due from a check-in day until it is checked in'),
    inherited: z.boolean().describe('true when the unit sets neither, and both come from the organisation'),
  }).describe('The rhythm the unit checks in by: its own where set, else the organisation\'s (core\'s effectiveCheckIn)'),
  /** What the person asking may do (core's mayChangeOkrs). */
  can: z.object({ changeOkrs: z.boolean() }),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Unit = z.infer<typeof Unit>;

export const UnitAncestor = z.object({ id: Id, name: z.string() });
export type UnitAncestor = z.infer<typeof UnitAncestor>;
/** One unit as its own answers give it: with the units above it, so a page can show where it sits
 *  (the breadcrumb) without reading the whole tree. */
export const UnitWithAncestors = Unit.extend({
  ancestors: z.array(UnitAncestor).describe('The units above this one, from the organisation down to its parent; empty for the organisation itself'),
});
export type UnitWithAncestors = z.infer<typeof UnitWithAncestors>;

export const UnitQuery = ListQuery.extend({
  archived: z.enum(['true', 'false']).optional().describe('true: only archived units; false: only active ones; left out: both'),
});
export type UnitQuery = z.infer<typeof UnitQuery>;

const Members = z.array(UnitMember).max(500, 'at most 500 members')
  .refine((ms) => new Set(ms.map((m) => m.personId)).size === ms.length, { message: 'lists a person twice', params: { code: 'duplicate' } });

export const UnitCreate = z.object({
  parentId: Id,
  name: Title,
  kind: UnitKind.default('team'),
  description: LongText.default(''),
  members: Members.default([]),
  checkInWeekday: CheckInWeekday.nullable().default(null),
  checkInCadence: CheckInCadenceSchema.nullable().default(null),
}).strict();
export type UnitCreate = z.infer<typeof UnitCreate>;

export const UnitPatch = z.object({
  version: Version,
  parentId: Id.optional(),
  name: Title.optional(),
  kind: UnitKind.optional(),
  description: LongText.optional(),
  members: Members.optional(),
  checkInWeekday: CheckInWeekday.nullable().optional().describe("null: the organisation's"),
  checkInCadence: CheckInCadenceSchema.nullable().optional().describe("null: the organisation's"),
  /** true archives the unit (admins; not the organisation, not while units below it are active), false restores it. */
  archived: z.boolean({ error: 'must be true or false' }).optional(),
}).strict();
export type UnitPatch = z.infer<typeof UnitPatch>;
