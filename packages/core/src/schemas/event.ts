// An entry of the audit trail, an object's history or a unit's activity: one recorded event.
import { z } from 'zod';
import { EVENT_TYPES, SUBJECT_KINDS } from '../events.js';
import { Id, Timestamp } from './common.js';

export const FieldChangeSchema = z.object({
  field: z.string().describe('The field as the API names it: title, target, ownerIds, value, confidence, …'),
  before: z.unknown().describe('Its value before; null when the object was created'),
  after: z.unknown().describe('Its value after; null when the object was deleted'),
});

export const EventEntry = z.object({
  id: Id,
  seq: z.number().int().describe("The event's place in its organisation's order; the live stream's event id"),
  type: z.enum(EVENT_TYPES),
  at: Timestamp,
  actor: z.object({ id: Id, name: z.string() }).nullable().describe('Who made the change; null for Varde itself (a sweep)'),
  subject: z.object({
    kind: z.enum(SUBJECT_KINDS), id: Id, name: z.string(),
    unitId: Id.nullable(), objectiveId: Id.nullable(), keyResultId: Id.nullable(),
  }),
  changes: z.array(FieldChangeSchema),
});
export type EventEntry = z.infer<typeof EventEntry>;
