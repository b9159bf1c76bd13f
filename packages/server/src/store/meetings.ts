// A unit's weekly meetings: the meeting row, its notes and decisions per key result, the blockers
// it handled, the check-ins with blockers it looks at, and the follow-up of every unit in a cycle
// in one grouped query.
import { updatedRows, type Db, type VersionedUpdate } from './executor.js';
import type { MeetingTable } from './schema.js';

export interface MeetingRow {
  id: string; orgId: string; unitId: string; periodId: string; kind: 'weekly'; facilitatorId: string | null;
  startedAt: string; endedAt: string | null; notes: string; attendeeIds: string[]; currentItem: number;
  previousMeetingId: string | null; changes: unknown; agenda: unknown; version: number; updatedAt: string;
}

const presentRow = (r: MeetingTable): MeetingRow => ({
  id: r.id, orgId: r.org_id, unitId: r.unit_id, periodId: r.period_id, kind: r.kind as 'weekly', facilitatorId: r.facilitator_id,
  startedAt: r.started_at, endedAt: r.ended_at, notes: r.notes, attendeeIds: JSON.parse(r.attendee_ids) as string[],
  currentItem: r.current_item, previousMeetingId: r.previous_meeting_id,
  changes: r.changes === null ? null : JSON.parse(r.changes), agenda: r.agenda === null ? null : JSON.parse(r.agenda),
  version: r.version, updatedAt: r.updated_at,
});

export async function getMeetingRow(db: Db, orgId: string, id: string): Promise<MeetingRow | undefined> {
  const r = await db.selectFrom('meetings').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return r ? presentRow(r) : undefined;
}

/** The unit's meeting that has not ended, if any. */
export async function openMeetingOf(db: Db, orgId: string, unitId: string): Promise<MeetingRow | undefined> {
  const r = await db.selectFrom('meetings').selectAll().where('org_id', '=', orgId).where('unit_id', '=', unitId).where('ended_at', 'is', null).executeTakeFirst();
  return r ? presentRow(r) : undefined;
}

/** The unit's latest meeting that ended before `before`. */
export async function lastEndedMeeting(db: Db, orgId: string, unitId: string, before: string): Promise<MeetingRow | undefined> {
  const r = await db.selectFrom('meetings').selectAll().where('org_id', '=', orgId).where('unit_id', '=', unitId)
    .where('ended_at', 'is not', null).where('ended_at', '<=', before).orderBy('ended_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r ? presentRow(r) : undefined;
}

export interface NewMeeting { id: string; orgId: string; unitId: string; periodId: string; kind: string; facilitatorId: string; previousMeetingId: string | null; now: string }
export async function insertMeeting(db: Db, m: NewMeeting): Promise<void> {
  await db.insertInto('meetings').values({
    id: m.id, org_id: m.orgId, unit_id: m.unitId, period_id: m.periodId, kind: m.kind, facilitator_id: m.facilitatorId,
    started_at: m.now, ended_at: null, notes: '', attendee_ids: '[]', current_item: 0, previous_meeting_id: m.previousMeetingId,
    changes: null, agenda: null, version: 1, updated_at: m.now,
  }).execute();
}

/** A meeting already ended, with its record: for the demo seed, which writes weeks of them at once. */
export async function insertMeetingRecord(db: Db, m: NewMeeting & { endedAt: string; notes: string; attendeeIds: readonly string[]; currentItem: number; changes: unknown; agenda: unknown }): Promise<void> {
  await db.insertInto('meetings').values({
    id: m.id, org_id: m.orgId, unit_id: m.unitId, period_id: m.periodId, kind: m.kind, facilitator_id: m.facilitatorId,
    started_at: m.now, ended_at: m.endedAt, notes: m.notes, attendee_ids: JSON.stringify(m.attendeeIds), current_item: m.currentItem,
    previous_meeting_id: m.previousMeetingId, changes: JSON.stringify(m.changes), agenda: JSON.stringify(m.agenda), version: 2, updated_at: m.endedAt,
  }).execute();
}

export interface MeetingChange { notes: string; attendeeIds: readonly string[]; currentItem: number }
export async function updateMeeting(db: Db, orgId: string, id: string, version: number, next: MeetingChange, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('meetings')
    .set({ notes: next.notes, attendee_ids: JSON.stringify(next.attendeeIds), current_item: next.currentItem, version: version + 1, updated_at: now })
    .where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).where('ended_at', 'is', null).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  return (await getMeetingRow(db, orgId, id)) ? 'stale' : 'missing';
}

/** Ends an open meeting at `version`, keeping its record. */
export async function endMeeting(db: Db, orgId: string, id: string, version: number, record: { changes: unknown; agenda: unknown }, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('meetings')
    .set({ ended_at: now, changes: JSON.stringify(record.changes), agenda: JSON.stringify(record.agenda), version: version + 1, updated_at: now })
    .where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).where('ended_at', 'is', null).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  return (await getMeetingRow(db, orgId, id)) ? 'stale' : 'missing';
}

/** Newest first; the cursor is the id of the last meeting of the page before. */
export async function listMeetingRows(db: Db, orgId: string, filter: { unitId?: string | undefined; periodId?: string | undefined }, limit: number, cursor: string | undefined): Promise<MeetingRow[]> {
  let q = db.selectFrom('meetings').selectAll().where('org_id', '=', orgId);
  if (filter.unitId) q = q.where('unit_id', '=', filter.unitId);
  if (filter.periodId) q = q.where('period_id', '=', filter.periodId);
  if (cursor) {
    const after = await db.selectFrom('meetings').select(['started_at', 'id']).where('org_id', '=', orgId).where('id', '=', cursor).executeTakeFirst();
    if (after) q = q.where((eb) => eb.or([eb('started_at', '<', after.started_at), eb.and([eb('started_at', '=', after.started_at), eb('id', '<', after.id)])]));
  }
  return (await q.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(presentRow);
}

export interface MeetingItemRow { keyResultId: string; note: string; decisions: string[] }
export async function meetingItems(db: Db, meetingId: string): Promise<MeetingItemRow[]> {
  const rows = await db.selectFrom('meeting_items').select(['key_result_id', 'note', 'decisions']).where('meeting_id', '=', meetingId).orderBy('key_result_id').execute();
  return rows.map((r) => ({ keyResultId: r.key_result_id, note: r.note, decisions: JSON.parse(r.decisions) as string[] }));
}

export async function saveMeetingItem(db: Db, orgId: string, meetingId: string, item: MeetingItemRow): Promise<void> {
  await db.deleteFrom('meeting_items').where('meeting_id', '=', meetingId).where('key_result_id', '=', item.keyResultId).execute();
  await db.insertInto('meeting_items').values({ org_id: orgId, meeting_id: meetingId, key_result_id: item.keyResultId, note: item.note, decisions: JSON.stringify(item.decisions) }).execute();
}

export interface HandledBlockerRow { meetingId: string; checkInId: string; how: 'noted' | 'initiative' | 'dependency'; initiativeId: string | null; dependencyId: string | null; by: { id: string; name: string } | null; at: string }

/** How the check-ins' blockers were handled, by any meeting. */
export async function handledBlockers(db: Db, orgId: string, checkInIds: readonly string[]): Promise<Map<string, HandledBlockerRow>> {
  if (checkInIds.length === 0) return new Map();
  const rows = await db.selectFrom('meeting_blockers').leftJoin('people', 'people.id', 'meeting_blockers.by_id')
    .select(['meeting_blockers.meeting_id', 'meeting_blockers.check_in_id', 'meeting_blockers.how', 'meeting_blockers.initiative_id', 'meeting_blockers.dependency_id',
      'meeting_blockers.by_id', 'people.name', 'meeting_blockers.at'])
    .where('meeting_blockers.org_id', '=', orgId).where('meeting_blockers.check_in_id', 'in', [...checkInIds]).execute();
  return new Map(rows.map((r) => [r.check_in_id, {
    meetingId: r.meeting_id, checkInId: r.check_in_id, how: r.how as HandledBlockerRow['how'], initiativeId: r.initiative_id, dependencyId: r.dependency_id,
    by: r.by_id ? { id: r.by_id, name: r.name ?? '' } : null, at: r.at,
  }]));
}

export async function countHandledIn(db: Db, meetingId: string): Promise<number> {
  const r = await db.selectFrom('meeting_blockers').select((eb) => eb.fn.countAll<number | string>().as('n')).where('meeting_id', '=', meetingId).executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function insertHandledBlocker(db: Db, h: { orgId: string; meetingId: string; checkInId: string; how: string; initiativeId: string | null; dependencyId: string | null; byId: string; at: string }): Promise<void> {
  await db.insertInto('meeting_blockers').values({
    org_id: h.orgId, meeting_id: h.meetingId, check_in_id: h.checkInId, how: h.how, initiative_id: h.initiativeId, dependency_id: h.dependencyId, by_id: h.byId, at: h.at,
  }).execute();
}

export interface BlockerCheckIn { checkInId: string; keyResultId: string; text: string; by: { id: string; name: string } | null; at: string }

/** The check-ins naming blockers on the unit's live key results in the period, written after `since` (all of them when null). */
export async function blockerCheckIns(db: Db, orgId: string, unitId: string, periodId: string, since: string | null): Promise<BlockerCheckIn[]> {
  let q = db.selectFrom('check_ins as c')
    .innerJoin('key_results as k', 'k.id', 'c.key_result_id')
    .innerJoin('objectives as o', 'o.id', 'k.objective_id')
    .leftJoin('people as p', 'p.id', 'c.author_id')
    .select(['c.id', 'c.key_result_id', 'c.blockers', 'c.author_id', 'p.name', 'c.created_at'])
    .where('o.org_id', '=', orgId).where('o.unit_id', '=', unitId).where('o.period_id', '=', periodId)
    .where('o.status', '=', 'active').where('c.blockers', 'is not', null);
  if (since) q = q.where('c.created_at', '>', since);
  const rows = await q.orderBy('c.created_at').orderBy('c.id').execute();
  return rows.flatMap((r) => {
    const text = r.blockers?.trim();
    return text ? [{ checkInId: r.id, keyResultId: r.key_result_id, text, by: r.author_id ? { id: r.author_id, name: r.name ?? '' } : null, at: r.created_at }] : [];
  });
}

/** A check-in with its key result's unit and period, for handling its blocker. */
export async function checkInPlace(db: Db, orgId: string, checkInId: string): Promise<{ keyResultId: string; unitId: string; periodId: string | null; blockers: string | null } | undefined> {
  const r = await db.selectFrom('check_ins as c').innerJoin('key_results as k', 'k.id', 'c.key_result_id').innerJoin('objectives as o', 'o.id', 'k.objective_id')
    .select(['c.key_result_id', 'o.unit_id', 'o.period_id', 'c.blockers']).where('c.org_id', '=', orgId).where('c.id', '=', checkInId).executeTakeFirst();
  return r ? { keyResultId: r.key_result_id, unitId: r.unit_id, periodId: r.period_id, blockers: r.blockers } : undefined;
}

/** When each ended meeting of the cycle began, by unit: the follow-up counts the check-in days they cover. */
export async function endedMeetingStarts(db: Db, orgId: string, periodId: string, unitId?: string): Promise<Map<string, string[]>> {
  let q = db.selectFrom('meetings').select(['unit_id', 'started_at'])
    .where('org_id', '=', orgId).where('period_id', '=', periodId).where('ended_at', 'is not', null);
  if (unitId) q = q.where('unit_id', '=', unitId);
  const out = new Map<string, string[]>();
  for (const r of await q.execute()) {
    const list = out.get(r.unit_id) ?? [];
    list.push(String(r.started_at));
    out.set(r.unit_id, list);
  }
  return out;
}
