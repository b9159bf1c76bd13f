// Team activity: what happened on a unit's OKRs (objectives, key results, check-ins, initiatives;
// not its administration), newest first; and on Mine, what happened on the person's units since
// their last visit. Their own changes are left out of Mine: they are no news to them.
//
// Marking seen is a person's place in a list, not a change to the organisation's data: it records
// no event, so it is written without the unit of work.
import { OKR_EVENT_KINDS, type EventPage, type MyActivity } from '@varde/core';
import { lastSeq, listEvents } from '../store/events.js';
import { getUnit } from '../store/units.js';
import { getPerson } from '../store/people.js';
import { activitySeen, markActivitySeen } from '../store/activitySeen.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { invalid, notFound } from './errors.js';
import { eventPage } from './eventPages.js';
import { seqCursorOf } from './paging.js';

const OKR_KINDS = [...OKR_EVENT_KINDS];

export async function readUnitActivity(deps: Deps, actor: Actor, unitId: string, limit: number, cursor: string | undefined): Promise<EventPage> {
  const db = deps.store.db;
  const beforeSeq = seqCursorOf(cursor);
  if (!(await getUnit(db, actor.orgId, unitId))) throw notFound('The unit');
  return eventPage(db, actor.orgId, await listEvents(db, actor.orgId, { unitIds: [unitId], kinds: OKR_KINDS, beforeSeq }, limit + 1), limit);
}

export async function readMyActivity(deps: Deps, actor: Actor, limit: number, cursor: string | undefined): Promise<MyActivity> {
  const db = deps.store.db;
  const below = seqCursorOf(cursor);
  // The newest seq is read first and bounds the list, so marking it seen never passes over an
  // event committed between the two reads and not listed.
  const [newest, seen, person] = await Promise.all([lastSeq(db, actor.orgId), activitySeen(db, actor.orgId, actor.personId), getPerson(db, actor.orgId, actor.personId)]);
  if (!person) throw notFound('The person');
  const seenSeq = seen?.seq ?? 0;
  const rows = await listEvents(db, actor.orgId, {
    unitIds: person.memberships.map((m) => m.unitId), kinds: OKR_KINDS, exceptActorId: actor.personId,
    aboveSeq: seenSeq, beforeSeq: Math.min(below ?? Infinity, newest + 1),
  }, limit + 1);
  return { ...await eventPage(db, actor.orgId, rows, limit), seenSeq, seenAt: seen?.seenAt ?? null, lastSeq: newest };
}

export async function markMyActivitySeen(deps: Deps, actor: Actor, seq: number): Promise<void> {
  const db = deps.store.db;
  if (seq > await lastSeq(db, actor.orgId)) throw invalid('seq', 'is beyond the newest event; mark the lastSeq you were given', 'beyond_newest');
  await markActivitySeen(db, actor.orgId, actor.personId, seq, isoNow(deps));
}
