// The weekly check-in meeting (issue 14, article 004): a unit's fifteen minutes on its key results,
// stumbling blocks and dependencies. While it is open its agenda is computed afresh on every read,
// so a check-in made during the meeting moves it; ending it keeps the record (who came, what moved
// since the previous meeting, notes and decisions) and the agenda as it stood, which later reads show.
// Core decides the order (meetingAgenda), the changes (meetingChanges), what is due (checkInDue)
// and the follow-up (meetingCadence); this module reads the facts they need and writes what they allow.
import {
  checkInDue, checkInScheduleOf, createdChanges, DEPENDENCY_STATES, fieldChanges, forecast, forecastStatus, localDate, meetingAgenda,
  meetingChanges, meetingFollowUp, periodBounds,
  type AgendaItem, type BlockerHandling, type Dependency, type FieldChange, type Meeting, type MeetingCreate, type MeetingEnd,
  type MeetingFollowUp, type MeetingFollowUps, type MeetingPatch, type Organisation, type Page, type Period,
} from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import type { EventSubject } from '@varde/core';
import {
  blockerCheckIns, checkInPlace, countHandledIn, endMeeting, getMeetingRow, handledBlockers, insertHandledBlocker, insertMeeting,
  lastEndedMeeting, listMeetingRows, endedMeetingStarts, meetingItems, openMeetingOf, saveMeetingItem, updateMeeting, type MeetingRow,
} from '../store/meetings.js';
import { ownKeyResults, ownObjectivesWithOwners } from '../store/progress.js';
import { unitCheckInHistory } from '../store/checkInHistory.js';
import { listInitiatives } from '../store/initiatives.js';
import { peopleNames } from '../store/people.js';
import { getOrganisation } from '../store/organisations.js';
import { getPeriod } from '../store/periods.js';
import { getUnit, unitCadences, unitTree, type UnitRecord } from '../store/units.js';
import { dependencyRecords, listDependencyRows } from '../store/dependencies.js';
import { isUniqueViolation, type Db } from '../store/executor.js';
import { newId } from '../store/ids.js';
import { keyResultTrack, timingOf } from '../presenters/okr.js';
import { authorise, policies } from '../auth/policies.js';
import { readDependencies, raiseDependencyIn } from './dependencies.js';
import { addInitiativeIn } from './initiatives.js';
import type { Actor, Deps } from './context.js';
import { AppError, conflictOn, invalid, notFound, staleVersion, unitArchived } from './errors.js';
import { cursorOf, pageOf } from './paging.js';

const meetingSubject = (m: { id: string; unitId: string }, unitName: string): EventSubject =>
  ({ kind: 'meeting', id: m.id, name: unitName, unitId: m.unitId });

/** What a meeting's events tell, under the names of core's EVENT_FIELDS. */
const eventView = (m: MeetingRow, items: ReadonlyArray<{ keyResultId: string; note: string; decisions: string[] }> = []) => ({
  unitId: m.unitId, periodId: m.periodId, kind: m.kind, facilitatorId: m.facilitatorId, notes: m.notes,
  attendeeIds: m.attendeeIds, currentItem: m.currentItem, items, endedAt: m.endedAt,
});
const MEETING_FIELDS = ['unitId', 'periodId', 'kind', 'facilitatorId', 'notes', 'attendeeIds', 'currentItem', 'items', 'endedAt'] as const;

const meetingEnded = () => conflictOn('endedAt', 'is set: an ended meeting is a record and is read-only', 'meeting_ended');

/** What the agenda is computed from and what its record keeps. */
interface Agenda { agenda: AgendaItem[]; notCheckedIn: Meeting['notCheckedIn']; dependencies: Dependency[]; newBlockers: number }
interface Frozen extends Omit<Agenda, 'newBlockers'> {}

interface Context { unit: UnitRecord; period: Period; org: Organisation; previous: MeetingRow | undefined }

async function contextOf(db: Db, actor: Actor, m: MeetingRow): Promise<Context> {
  const [unit, period, org, previous] = await Promise.all([
    getUnit(db, actor.orgId, m.unitId), getPeriod(db, actor.orgId, m.periodId), getOrganisation(db, actor.orgId),
    m.previousMeetingId ? getMeetingRow(db, actor.orgId, m.previousMeetingId) : Promise.resolve(undefined),
  ]);
  if (!unit || !period || !org) throw notFound('The meeting');
  return { unit, period, org, previous };
}

/** The live agenda: the unit's active key results in the cycle, what needs talk first. */
async function computeAgenda(deps: Deps, db: Db, actor: Actor, m: MeetingRow, c: Context): Promise<Agenda> {
  const now = deps.clock.now();
  const tz = c.org.timeZone;
  const since = c.previous?.endedAt ?? null;
  const [objectiveRows, krRows, series, blockers, items, initiatives, dependencies] = await Promise.all([
    ownObjectivesWithOwners(db, actor.orgId, m.periodId, m.unitId),
    ownKeyResults(db, actor.orgId, m.periodId, m.unitId),
    unitCheckInHistory(db, actor.orgId, m.unitId, m.periodId),
    blockerCheckIns(db, actor.orgId, m.unitId, m.periodId, since),
    meetingItems(db, m.id),
    listInitiatives(db, actor.orgId, { unitId: m.unitId }, 500, undefined),
    readDependencies(deps, actor, { unit: m.unitId, state: 'open' }, 100, undefined, db).then((p) => p.items),
  ]);
  const objectives = new Map(objectiveRows.filter((o) => o.status === 'active').map((o) => [o.id, o.title]));
  const krs = krRows.filter((k) => objectives.has(k.objectiveId));
  const handled = await handledBlockers(db, actor.orgId, blockers.map((b) => b.checkInId));
  const names = await peopleNames(db, actor.orgId, [...new Set([...krs.flatMap((k) => (k.ownerId ? [k.ownerId] : [])), ...initiatives.flatMap((i) => (i.ownerId ? [i.ownerId] : []))])]);
  const named = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  const timing = timingOf(c.period, now, tz);
  const periodStart = periodBounds(c.period, tz).start.toISOString();
  const schedule = checkInScheduleOf({ checkInWeekday: c.unit.checkInWeekday, checkInCadence: c.unit.checkInCadence }, c.org, c.period.startDate);
  const itemOf = new Map(items.map((i) => [i.keyResultId, i]));

  const facts = krs.map((k) => {
    const points = series.filter((p) => p.keyResultId === k.id);
    const before = since === null ? undefined : points.filter((p) => p.at <= since).at(-1);
    const t = keyResultTrack(k, timing);
    const f = forecast(k, points.filter((p) => p.at >= periodStart).map((p) => ({ at: new Date(p.at), value: p.value })), c.period, now, tz);
    const own = blockers.filter((b) => b.keyResultId === k.id).map((b) => {
      const h = handled.get(b.checkInId);
      return { checkInId: b.checkInId, keyResultId: b.keyResultId, text: b.text, by: b.by, at: b.at,
        handled: h ? { how: h.how, initiativeId: h.initiativeId, dependencyId: h.dependencyId, by: h.by, at: h.at } : null };
    });
    const item = itemOf.get(k.id);
    return {
      keyResultId: k.id, title: k.title, objectiveId: k.objectiveId, objectiveTitle: objectives.get(k.objectiveId) ?? '',
      owner: named(k.ownerId), measure: k.measure, start: k.start, target: k.target,
      progress: t.progress, expectedProgress: t.expectedProgress, trackStatus: t.trackStatus,
      forecast: f ? { value: f.value, progress: f.progress, status: forecastStatus(t.trackStatus, k.type === 'increase' || k.type === 'decrease' ? f.progress : null) } : null,
      checkedInSinceLastMeeting: points.some((p) => p.at > (since ?? periodStart)),
      valueBefore: before?.value ?? null,
      valueNow: k.current,
      confidenceBefore: before?.confidence ?? null,
      confidenceNow: k.confidence,
      initiatives: initiatives.filter((i) => i.keyResultIds.includes(k.id) && i.status !== 'cancelled')
        .map((i) => ({ id: i.id, title: i.title, status: i.status, owner: named(i.ownerId) })),
      blockers: own,
      newBlockers: own.filter((b) => b.handled === null).length,
      note: item?.note ?? '',
      decisions: item?.decisions ?? [],
      due: checkInDue(k.currentAt ? new Date(k.currentAt) : null, now, schedule, tz),
    };
  });
  const agenda = meetingAgenda(facts).map(({ newBlockers: _n, due: _d, ...item }) => item);
  const notCheckedIn = facts.filter((f) => f.due).map((f) => ({ keyResultId: f.keyResultId, title: f.title, owner: f.owner }));
  return { agenda, notCheckedIn, dependencies, newBlockers: blockers.length };
}

async function present(deps: Deps, db: Db, actor: Actor, m: MeetingRow, c?: Context): Promise<Meeting> {
  const ctx = c ?? await contextOf(db, actor, m);
  const previousItems = ctx.previous ? await meetingItems(db, ctx.previous.id) : [];
  const open = m.endedAt === null;
  const shown: Frozen = open ? await computeAgenda(deps, db, actor, m, ctx) : m.agenda as Frozen;
  const mayEdit = open && ctx.unit.archivedAt === null && (actor.isAdmin || ctx.unit.members.some((p) => p.personId === actor.personId));
  return {
    id: m.id, unitId: m.unitId, unitName: ctx.unit.name, periodId: m.periodId, kind: m.kind, facilitatorId: m.facilitatorId,
    startedAt: m.startedAt, endedAt: m.endedAt, previousMeetingId: m.previousMeetingId,
    previousDecisions: previousItems.flatMap((i) => i.decisions.map((text) => ({ keyResultId: i.keyResultId, text }))),
    attendeeIds: m.attendeeIds, notes: m.notes, currentItem: m.currentItem,
    agenda: shown.agenda, notCheckedIn: shown.notCheckedIn,
    // A record's dependencies are as they stood; nothing is to be done with them from it.
    dependencies: open ? shown.dependencies : shown.dependencies.map((d) => ({ ...d, can: { acknowledge: false, decline: false, resolve: false } })),
    changes: (m.changes as Meeting['changes']) ?? null,
    can: { edit: mayEdit },
    version: m.version,
  };
}

export async function readMeeting(deps: Deps, actor: Actor, id: string, db: Db = deps.store.db): Promise<Meeting> {
  const m = await getMeetingRow(db, actor.orgId, id);
  if (!m) throw notFound('The meeting');
  return present(deps, db, actor, m);
}

export type MeetingSummaryOut = Pick<Meeting, 'id' | 'unitId' | 'periodId' | 'kind' | 'facilitatorId' | 'startedAt' | 'endedAt' | 'attendeeIds'>;
export async function readMeetings(deps: Deps, actor: Actor, filter: { unit?: string | undefined; period?: string | undefined }, limit: number, cursor: string | undefined): Promise<Page<MeetingSummaryOut>> {
  const rows = await listMeetingRows(deps.store.db, actor.orgId, { unitId: filter.unit, periodId: filter.period }, limit + 1, cursorOf(cursor));
  const page = pageOf(rows, limit);
  return {
    items: page.items.map((m) => ({ id: m.id, unitId: m.unitId, periodId: m.periodId, kind: m.kind, facilitatorId: m.facilitatorId, startedAt: m.startedAt, endedAt: m.endedAt, attendeeIds: m.attendeeIds })),
    nextCursor: page.nextCursor,
  };
}

/** Members of the unit and admins hold its meetings; an archived unit holds none. */
async function mayHold(db: Db, actor: Actor, unitId: string, field: string): Promise<void> {
  await authorise(policies.changeOkrsOf(db, actor, unitId, field), "hold this unit's meetings");
}

const openConflict = (openId: string) => new AppError(409, 'Conflict', `unitId has a meeting open (${openId}); end it before starting another`,
  [{ field: 'unitId', message: `has a meeting open: ${openId}`, code: 'meeting_open', params: { meetingId: openId } }]);

export async function startMeeting(deps: Deps, actor: Actor, input: MeetingCreate): Promise<Meeting> {
  const id = newId();
  try {
    return await unitOfWork(deps, actor, async ({ trx, record, now }) => {
      const unit = await getUnit(trx, actor.orgId, input.unitId);
      if (!unit) throw invalid('unitId', 'is not a unit in this organisation', 'unknown_unit');
      if (unit.archivedAt !== null) throw unitArchived('unitId');
      await mayHold(trx, actor, unit.id, 'unitId');
      const period = await getPeriod(trx, actor.orgId, input.periodId);
      if (!period) throw invalid('periodId', 'is not a period in this organisation', 'unknown_period');
      if (period.kind !== 'cycle' || period.state !== 'active') throw invalid('periodId', 'is not an active cycle: meetings follow the cycle that runs', 'not_active_cycle');
      const open = await openMeetingOf(trx, actor.orgId, unit.id);
      if (open) throw openConflict(open.id);
      const previous = await lastEndedMeeting(trx, actor.orgId, unit.id, now);
      await insertMeeting(trx, { id, orgId: actor.orgId, unitId: unit.id, periodId: period.id, kind: input.kind, facilitatorId: actor.personId, previousMeetingId: previous?.id ?? null, now });
      const created = (await getMeetingRow(trx, actor.orgId, id))!;
      record('meeting.started', meetingSubject(created, unit.name), createdChanges(eventView(created), MEETING_FIELDS).filter((c) => c.field !== 'items'));
      return present(deps, trx, actor, created);
    });
  } catch (error) {
    // Two starting at once: the one-open-meeting index refuses the second.
    if (!isUniqueViolation(error)) throw error;
    const open = await openMeetingOf(deps.store.db, actor.orgId, input.unitId);
    throw openConflict(open?.id ?? 'unknown');
  }
}

export async function changeMeeting(deps: Deps, actor: Actor, id: string, patch: MeetingPatch): Promise<Meeting> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const m = await getMeetingRow(trx, actor.orgId, id);
    if (!m) throw notFound('The meeting');
    await mayHold(trx, actor, m.unitId, 'id');
    if (m.endedAt !== null) throw meetingEnded();
    if (m.version !== patch.version) throw staleVersion('The meeting');
    const c = await contextOf(trx, actor, m);
    if (patch.attendeeIds) {
      const members = new Set(c.unit.members.map((p) => p.personId));
      if (patch.attendeeIds.some((p) => !members.has(p))) throw invalid('attendeeIds', 'must be members of the unit', 'not_a_member');
    }
    const krIds = new Set((await ownKeyResults(trx, actor.orgId, m.periodId, m.unitId)).map((k) => k.id));
    patch.items?.forEach((item, i) => {
      if (!krIds.has(item.keyResultId)) throw invalid(`items.${i}.keyResultId`, "is not a key result on the meeting's agenda", 'unknown_key_result');
    });
    if (patch.currentItem !== undefined && patch.currentItem >= Math.max(1, krIds.size)) {
      throw new AppError(422, 'Unprocessable Content', 'currentItem is past the last item of the agenda',
        [{ field: 'currentItem', message: 'is past the last item of the agenda', code: 'too_big', params: { maximum: Math.max(0, krIds.size - 1) } }]);
    }
    const beforeItems = await meetingItems(trx, m.id);
    const outcome = await updateMeeting(trx, actor.orgId, id, patch.version, {
      notes: patch.notes ?? m.notes, attendeeIds: patch.attendeeIds ? [...new Set(patch.attendeeIds)] : m.attendeeIds, currentItem: patch.currentItem ?? m.currentItem,
    }, now);
    if (outcome !== 'updated') throw outcome === 'stale' ? staleVersion('The meeting') : notFound('The meeting');
    const current = new Map(beforeItems.map((i) => [i.keyResultId, i]));
    for (const item of patch.items ?? []) {
      const was = current.get(item.keyResultId);
      await saveMeetingItem(trx, actor.orgId, m.id, { keyResultId: item.keyResultId, note: item.note ?? was?.note ?? '', decisions: item.decisions ?? was?.decisions ?? [] });
    }
    const after = (await getMeetingRow(trx, actor.orgId, id))!;
    const afterItems = patch.items ? await meetingItems(trx, m.id) : beforeItems;
    const changes = fieldChanges(eventView(m, beforeItems), eventView(after, afterItems), MEETING_FIELDS);
    const subject = meetingSubject(after, c.unit.name);
    // Moving to another item is what followers' screens follow: an event of its own.
    const moved = changes.filter((x) => x.field === 'currentItem');
    record('meeting.changed', subject, changes.filter((x) => x.field !== 'currentItem'));
    if (moved.length) record('meeting.moved', subject, moved);
    return present(deps, trx, actor, after, c);
  });
}

export async function finishMeeting(deps: Deps, actor: Actor, id: string, input: MeetingEnd): Promise<Meeting> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const m = await getMeetingRow(trx, actor.orgId, id);
    if (!m) throw notFound('The meeting');
    await mayHold(trx, actor, m.unitId, 'id');
    if (m.endedAt !== null) throw meetingEnded();
    if (input.version !== undefined && input.version !== m.version) throw staleVersion('The meeting');
    const c = await contextOf(trx, actor, m);
    const live = await computeAgenda(deps, trx, actor, m, c);
    const depRows = await listDependencyRows(trx, actor.orgId, { unitId: m.unitId, states: DEPENDENCY_STATES }, 500, undefined);
    const depRecords = await dependencyRecords(trx, actor.orgId, depRows);
    const before = ((c.previous?.agenda as Frozen | null)?.agenda ?? []).map((a) => ({ keyResultId: a.keyResultId, value: a.valueNow, confidence: a.confidenceNow, trackStatus: a.trackStatus }));
    const changes = meetingChanges({
      before,
      now: live.agenda.map((a) => ({ keyResultId: a.keyResultId, title: a.title, value: a.valueNow, confidence: a.confidenceNow, trackStatus: a.trackStatus })),
      since: c.previous?.endedAt ?? null,
      newBlockers: live.newBlockers,
      handledBlockers: await countHandledIn(trx, m.id),
      dependencies: depRecords.map((d) => ({ id: d.id, description: d.description, steps: d.steps })),
    });
    const frozen: Frozen = { agenda: live.agenda, notCheckedIn: live.notCheckedIn, dependencies: live.dependencies };
    const outcome = await endMeeting(trx, actor.orgId, id, m.version, { changes, agenda: frozen }, now);
    if (outcome !== 'updated') throw outcome === 'stale' ? staleVersion('The meeting') : notFound('The meeting');
    const ended = (await getMeetingRow(trx, actor.orgId, id))!;
    record('meeting.ended', meetingSubject(ended, c.unit.name), fieldChanges(eventView(m), eventView(ended), MEETING_FIELDS));
    return present(deps, trx, actor, ended, c);
  });
}

/** A blocker the meeting handles: noted, or turned into an initiative (the initiatives use case)
 *  or a dependency on another unit (the dependencies use case), in one transaction with its events. */
export async function handleBlocker(deps: Deps, actor: Actor, id: string, input: BlockerHandling): Promise<Meeting> {
  return unitOfWork(deps, actor, async (uow) => {
    const { trx, record, now } = uow;
    const m = await getMeetingRow(trx, actor.orgId, id);
    if (!m) throw notFound('The meeting');
    await mayHold(trx, actor, m.unitId, 'id');
    if (m.endedAt !== null) throw meetingEnded();
    const place = await checkInPlace(trx, actor.orgId, input.checkInId);
    if (!place || place.unitId !== m.unitId || place.periodId !== m.periodId) throw invalid('checkInId', "is not a check-in on the unit's key results in the meeting's cycle", 'unknown_check_in');
    if (!place.blockers?.trim()) throw invalid('checkInId', 'names no blocker', 'no_blocker');
    if ((await handledBlockers(trx, actor.orgId, [input.checkInId])).has(input.checkInId)) throw conflictOn('checkInId', 'is already handled', 'already_handled');
    let initiativeId: string | null = null;
    let dependencyId: string | null = null;
    if (input.how === 'initiative') {
      initiativeId = (await addInitiativeIn(uow, deps, actor, {
        unitId: m.unitId, periodId: m.periodId, title: input.title, description: place.blockers.trim().slice(0, 4000),
        ownerId: input.ownerId, status: 'planned', keyResultIds: [place.keyResultId],
      })).id;
    } else if (input.how === 'dependency') {
      dependencyId = (await raiseDependencyIn(uow, deps, actor, { fromUnitId: m.unitId, toUnitId: input.toUnitId, keyResultId: place.keyResultId, description: input.description })).id;
    }
    await insertHandledBlocker(trx, { orgId: actor.orgId, meetingId: m.id, checkInId: input.checkInId, how: input.how, initiativeId, dependencyId, byId: actor.personId, at: now });
    const c = await contextOf(trx, actor, m);
    const changes: FieldChange[] = [
      { field: 'checkInId', before: null, after: input.checkInId }, { field: 'how', before: null, after: input.how },
      ...(initiativeId ? [{ field: 'initiativeId', before: null, after: initiativeId }] : []),
      ...(dependencyId ? [{ field: 'dependencyId', before: null, after: dependencyId }] : []),
    ];
    record('meeting.blockerHandled', { ...meetingSubject(m, c.unit.name), keyResultId: place.keyResultId }, changes);
    return present(deps, trx, actor, m, c);
  });
}

function followUpOf(unitId: string, rhythm: { checkInWeekday: number | null; checkInCadence: 'weekly' | 'biweekly' | null } | undefined, org: Organisation, period: Period,
  today: string, startedAt: readonly string[] = []): MeetingFollowUp {
  const schedule = checkInScheduleOf(rhythm, org, period.startDate);
  const f = meetingFollowUp({ rhythm: schedule, cycle: period, today, meetingDates: startedAt.map((at) => localDate(new Date(at), org.timeZone)) });
  const lastMeetingAt = startedAt.reduce<string | null>((last, at) => (last === null || at > last ? at : last), null);
  return { unitId, lastMeetingAt, held: f.held, due: f.due, keepsCadence: f.keepsCadence };
}

async function followUpFacts(deps: Deps, actor: Actor, periodId: string) {
  const db = deps.store.db;
  const [org, period] = await Promise.all([getOrganisation(db, actor.orgId), getPeriod(db, actor.orgId, periodId)]);
  if (!org) throw notFound('The organisation');
  if (!period) throw invalid('period', 'is not a period in this organisation', 'unknown_period');
  return { db, org, period, today: localDate(deps.clock.now(), org.timeZone) };
}

/** Whether one unit's meetings keep its cadence in a cycle. */
export async function readUnitFollowUp(deps: Deps, actor: Actor, unitId: string, periodId: string): Promise<MeetingFollowUp> {
  const { db, org, period, today } = await followUpFacts(deps, actor, periodId);
  const unit = await getUnit(db, actor.orgId, unitId);
  if (!unit) throw notFound('The unit');
  const counts = await endedMeetingStarts(db, actor.orgId, period.id, unit.id);
  return followUpOf(unit.id, unit, org, period, today, counts.get(unit.id));
}

/** Every unit's follow-up in a cycle (the organisation page): a fixed handful of queries whatever the number of units. */
export async function readFollowUps(deps: Deps, actor: Actor, periodId: string, under?: string): Promise<MeetingFollowUps> {
  const { db, org, period, today } = await followUpFacts(deps, actor, periodId);
  const [tree, rhythms, counts] = await Promise.all([unitTree(db, actor.orgId), unitCadences(db, actor.orgId), endedMeetingStarts(db, actor.orgId, period.id)]);
  return {
    periodId: period.id,
    items: tree.filter((u) => u.archivedAt === null && (under === undefined || u.id === under || u.parentId === under)).map((u) => followUpOf(u.id, rhythms.get(u.id), org, period, today, counts.get(u.id))),
  };
}
