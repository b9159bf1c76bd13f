// The weekly check-in meeting of a unit (issue 14): start, run, end and read its record; blockers
// handled from it; whether units keep their cadence.
import {
  BlockerHandling, IdParams, Meeting, MeetingCreate, MeetingEnd, MeetingFollowUp, MeetingFollowUpQuery, MeetingFollowUps, MeetingPatch,
  MeetingQuery, MeetingSummary, page,
} from '@varde/core';
import { changeMeeting, finishMeeting, handleBlocker, readFollowUps, readMeeting, readMeetings, readUnitFollowUp, startMeeting } from '../app/meetings.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const meetingRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/meetings', { schema: {
    tags: ['meetings'], summary: "A unit's meetings, newest first, with ?unit= and ?period=",
    querystring: MeetingQuery, response: { 200: page(MeetingSummary), ...problems } } },
  async (request) => {
    const { limit, cursor, unit, period } = request.query;
    return readMeetings(deps, actorOf(request), { unit, period }, limit, cursor);
  });
  app.post('/api/v1/meetings', { schema: {
    tags: ['meetings'], summary: "Start a unit's weekly meeting in the active cycle (the unit's members and admins)",
    description: 'The one starting it facilitates. The period must be an active cycle (422 naming periodId, not_active_cycle); one meeting of a unit is open at a time (409 naming unitId, meeting_open, with the open one\'s id in params.meetingId). The agenda follows the three questions: the key results (what needs talk first: off track, falling confidence, no check-in since the last meeting, new blockers, at risk), the blockers written since the last meeting, and the open dependencies both ways; `notCheckedIn` lists the key results due a check-in by the unit\'s cadence and weekday.',
    body: MeetingCreate, response: { 201: Meeting, ...problems } } },
  async (request, reply) => reply.code(201).send(await startMeeting(deps, actorOf(request), request.body)));
  app.get('/api/v1/meetings/follow-up', { schema: {
    tags: ['meetings'], summary: "Every unit's follow-up in a cycle: meetings held against those due by its cadence, and whether it keeps it",
    querystring: MeetingFollowUpQuery, response: { 200: MeetingFollowUps, ...problems } } },
  async (request) => readFollowUps(deps, actorOf(request), request.query.period, request.query.under));
  app.get('/api/v1/units/:id/meetings/follow-up', { schema: {
    tags: ['meetings'], summary: "One unit's follow-up in a cycle: its last meeting, meetings held against those due, whether it keeps its cadence",
    params: IdParams, querystring: MeetingFollowUpQuery, response: { 200: MeetingFollowUp, ...problems } } },
  async (request) => readUnitFollowUp(deps, actorOf(request), request.params.id, request.query.period));
  app.get('/api/v1/meetings/:id', { schema: {
    tags: ['meetings'], summary: 'One meeting: its agenda computed afresh while it is open, as it stood once ended, with its record',
    params: IdParams, response: { 200: Meeting, ...problems } } },
  async (request) => readMeeting(deps, actorOf(request), request.params.id));
  app.patch('/api/v1/meetings/:id', { schema: {
    tags: ['meetings'], summary: 'Write in an open meeting: notes, attendees, the item shown, notes and decisions per key result',
    description: 'Attendees must be members of the unit (422 naming attendeeIds, not_a_member). Moving `currentItem` records meeting.moved, which the live stream carries to everyone following. A stale version answers 409 naming version; an ended meeting is read-only (409 naming endedAt, meeting_ended).',
    params: IdParams, body: MeetingPatch, response: { 200: Meeting, ...problems } } },
  async (request) => changeMeeting(deps, actorOf(request), request.params.id, request.body));
  app.post('/api/v1/meetings/:id/end', { schema: {
    tags: ['meetings'], summary: 'End the meeting and keep its record: attendees, what changed since the previous meeting, notes and decisions',
    description: '`changes` lists the key results whose value, confidence or track status moved since the previous meeting, the blockers written and handled, and the dependencies whose state moved. The agenda is kept as it stood; the next meeting opens with the decisions.',
    params: IdParams, body: MeetingEnd, response: { 200: Meeting, ...problems } } },
  async (request) => finishMeeting(deps, actorOf(request), request.params.id, request.body ?? {}));
  app.post('/api/v1/meetings/:id/blockers', { schema: {
    tags: ['meetings'], summary: "Handle a blocker from a check-in: note it as handled, turn it into an initiative with an owner, or into a dependency on another unit",
    description: 'In one transaction with the initiative or dependency it makes and their events. The check-in must be on the unit\'s key results in the meeting\'s cycle and name a blocker (422 naming checkInId); one already handled answers 409 (already_handled).',
    params: IdParams, body: BlockerHandling, response: { 200: Meeting, ...problems } } },
  async (request) => handleBlocker(deps, actorOf(request), request.params.id, request.body));
};
