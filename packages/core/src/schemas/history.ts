// The histories of objectives and key results, the audit trail and the activity lists: pages of
// recorded events, newest first, with the names of what their changes refer to by id.
import { z } from 'zod';
import { EVENT_TYPES } from '../events.js';
import { isEventTime } from '../eventTimeRange.js';
import { Id, ListQuery, Timestamp } from './common.js';
import { EventEntry } from './event.js';

export const EventPage = z.object({
  items: z.array(EventEntry),
  nextCursor: z.string().nullable().describe('The seq of the last entry while there are more: pass it as ?cursor= for the next page'),
  names: z.record(z.string(), z.string()).describe('The names of the people, units, periods, objectives and key results that the changes of these entries refer to by id (ownerIds, periodId, parentId, alignments, members, …), now. An id missing here is of something deleted since'),
});
export type EventPage = z.infer<typeof EventPage>;

const EventTime = z.string().max(40, 'is too long').refine(isEventTime, {
  message: "must be a date (YYYY-MM-DD, a day in the organisation's time zone) or an ISO 8601 instant with its offset, like 2026-11-03T08:00:00Z",
  params: { code: 'invalid_timestamp' },
});
const knownTypes: ReadonlySet<string> = new Set(EVENT_TYPES);

export const AuditQuery = ListQuery.extend({
  actor: Id.optional().describe('Only what this person did'),
  subject: Id.optional().describe('Only events about this object (its id: an objective, a key result, a check-in, a unit, a person, …)'),
  type: z.string().max(2000, 'is too long')
    .transform((s) => s.split(','))
    .refine((types) => types.every((t) => knownTypes.has(t)), { message: `must be event types separated by commas, each one of ${EVENT_TYPES.join(', ')}`, params: { code: 'unknown_event_type' } })
    .optional().describe('Only these types of event, separated by commas'),
  from: EventTime.optional().describe("From this time on; a date is that day's start in the organisation's time zone"),
  to: EventTime.optional().describe("Before this time; a date takes in that whole day in the organisation's time zone"),
  format: z.enum(['json', 'csv']).optional().describe('csv: the whole matching trail as CSV, as Accept: text/csv asks too'),
}).strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

export const MyActivity = EventPage.extend({
  seenSeq: z.number().int().describe('The seq you last marked seen (0 before your first visit): the entries are those after it'),
  seenAt: Timestamp.nullable().describe('When you last marked them seen: your last visit'),
  lastSeq: z.number().int().describe("The organisation's newest seq when this was read: mark it seen to start the next visit from here"),
});
export type MyActivity = z.infer<typeof MyActivity>;

export const ActivitySeen = z.object({
  seq: z.number().int('must be a whole number').min(0, 'must be at least 0').max(Number.MAX_SAFE_INTEGER, 'is too big')
    .describe('Everything up to this seq has been seen: the lastSeq you were given'),
}).strict();
export type ActivitySeen = z.infer<typeof ActivitySeen>;
