// The weekly check-in meeting (article 004: fifteen minutes, three questions): its agenda, what is
// said and decided per key result, who came, and its record once ended.
import { z } from 'zod';
import { Id, ListQuery, ShortText, Timestamp, Version } from './common.js';
import { Dependency } from './dependency.js';
import { TrackStatusSchema } from './progress.js';
import { AGENDA_REASONS } from '../meetingAgenda.js';

export const MeetingKind = z.enum(['weekly']);
const Named = z.object({ id: Id, name: z.string() });

/** Why an item is high on the agenda, in the order the agenda weighs them. */
export const AgendaReason = z.enum(AGENDA_REASONS);

export const MeetingBlocker = z.object({
  checkInId: Id,
  keyResultId: Id,
  text: z.string(),
  by: Named.nullable(),
  at: Timestamp,
  handled: z.object({
    how: z.enum(['noted', 'initiative', 'dependency']),
    initiativeId: Id.nullable(),
    dependencyId: Id.nullable(),
    by: Named.nullable(),
    at: Timestamp,
  }).nullable().describe('Set once the meeting handled it: noted as handled, or turned into an initiative or a dependency'),
});
export type MeetingBlocker = z.infer<typeof MeetingBlocker>;

export const AgendaItem = z.object({
  keyResultId: Id,
  title: z.string(),
  objectiveId: Id,
  objectiveTitle: z.string(),
  owner: Named.nullable(),
  measure: z.string(),
  start: z.number(),
  target: z.number(),
  progress: z.number(),
  expectedProgress: z.number(),
  trackStatus: TrackStatusSchema,
  forecast: z.object({ value: z.number(), progress: z.number(), status: TrackStatusSchema }).nullable(),
  checkedInSinceLastMeeting: z.boolean(),
  valueBefore: z.number().nullable().describe('The value at the previous meeting (its latest check-in then), null without one'),
  valueNow: z.number().nullable(),
  confidenceBefore: z.number().int().nullable(),
  confidenceNow: z.number().int().nullable(),
  reasons: z.array(AgendaReason).describe('Why it is placed where it is; empty: nothing calls for talk'),
  initiatives: z.array(z.object({ id: Id, title: z.string(), status: z.string(), owner: Named.nullable() })),
  blockers: z.array(MeetingBlocker).describe('Blockers written in check-ins since the previous meeting'),
  note: z.string(),
  decisions: z.array(z.string()),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const MeetingChanges = z.object({
  keyResults: z.array(z.object({
    keyResultId: Id, title: z.string(),
    valueBefore: z.number().nullable(), valueAfter: z.number().nullable(),
    confidenceBefore: z.number().int().nullable(), confidenceAfter: z.number().int().nullable(),
    trackBefore: TrackStatusSchema.nullable(), trackAfter: TrackStatusSchema,
  })).describe('Each key result whose value, confidence or track status moved since the previous meeting'),
  newBlockers: z.number().int(),
  handledBlockers: z.number().int(),
  dependencies: z.array(z.object({ id: Id, description: z.string(), stateBefore: z.string().nullable(), stateAfter: z.string() })),
});
export type MeetingChanges = z.infer<typeof MeetingChanges>;

export const Meeting = z.object({
  id: Id,
  unitId: Id,
  unitName: z.string(),
  periodId: Id,
  kind: MeetingKind,
  facilitatorId: Id.nullable(),
  startedAt: Timestamp,
  endedAt: Timestamp.nullable(),
  previousMeetingId: Id.nullable(),
  previousDecisions: z.array(z.object({ keyResultId: Id.nullable(), text: z.string() })).describe("The previous meeting's decisions, which this one opens with"),
  attendeeIds: z.array(Id),
  notes: z.string(),
  currentItem: z.number().int().describe("The agenda item the facilitator shows (0-based); followers' views move with it"),
  agenda: z.array(AgendaItem).describe('Status: the active key results, what needs talk first'),
  notCheckedIn: z.array(z.object({ keyResultId: Id, title: z.string(), owner: Named.nullable() })),
  dependencies: z.array(Dependency).describe("The unit's open dependencies, both directions"),
  changes: MeetingChanges.nullable().describe('What moved since the previous meeting; set once ended'),
  can: z.object({ edit: z.boolean() }),
  version: z.number().int(),
});
export type Meeting = z.infer<typeof Meeting>;

export const MeetingCreate = z.object({ unitId: Id, periodId: Id, kind: MeetingKind.default('weekly') }).strict();
export type MeetingCreate = z.infer<typeof MeetingCreate>;

export const MeetingPatch = z.object({
  version: Version,
  notes: ShortText.optional(),
  attendeeIds: z.array(Id).max(500).optional(),
  currentItem: z.number().int().min(0).optional(),
  items: z.array(z.object({
    keyResultId: Id,
    note: ShortText.optional(),
    decisions: z.array(z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters')).max(20).optional(),
  }).strict()).max(100).optional(),
}).strict();
export type MeetingPatch = z.infer<typeof MeetingPatch>;

/** A blocker handled in the meeting: noted, or turned into an initiative or a dependency. */
export const BlockerHandling = z.discriminatedUnion('how', [
  z.object({ how: z.literal('noted'), checkInId: Id }).strict(),
  z.object({ how: z.literal('initiative'), checkInId: Id, title: z.string().trim().min(1).max(200), ownerId: Id.nullable() }).strict(),
  z.object({ how: z.literal('dependency'), checkInId: Id, toUnitId: Id, description: z.string().trim().min(1).max(2000) }).strict(),
]);
export type BlockerHandling = z.infer<typeof BlockerHandling>;

/** One row of a unit's meeting list, and of the follow-up (meetings kept against those due). */
export const MeetingSummary = Meeting.pick({ id: true, unitId: true, periodId: true, kind: true, facilitatorId: true, startedAt: true, endedAt: true, attendeeIds: true });
export const MeetingQuery = ListQuery.extend({ unit: Id.optional(), period: Id.optional() }).strict();
export type MeetingQuery = z.infer<typeof MeetingQuery>;

/** Whether a unit's meetings keep its cadence in a cycle: shown per unit on the unit and organisation pages. */
export const MeetingFollowUp = z.object({
  unitId: Id,
  lastMeetingAt: Timestamp.nullable(),
  held: z.number().int().describe('Check-in days of the cycle so far that had their meeting (two in one week count once), at most due'),
  due: z.number().int().describe("Meetings due in the cycle so far by the unit's cadence"),
  keepsCadence: z.boolean(),
});
export type MeetingFollowUp = z.infer<typeof MeetingFollowUp>;

/** Ending a meeting: the version read, when the client holds one (a stale one answers 409). */
export const MeetingEnd = z.object({ version: Version.optional() }).strict();
export type MeetingEnd = z.infer<typeof MeetingEnd>;
export const MeetingFollowUpQuery = z.object({
  period: Id,
  under: Id.optional().describe("Only this unit and the units directly below it: the organisation page asks a level at a time, as it opens the tree, so an organisation of thousands of units reads no list of all of them"),
}).strict();
export const MeetingFollowUps = z.object({ periodId: Id, items: z.array(MeetingFollowUp) });
export type MeetingFollowUps = z.infer<typeof MeetingFollowUps>;
