// The events table: what changed, who changed it and when, appended in the change's own
// transaction (events/unitOfWork.ts), read by the histories, the audit trail, the activity lists
// and the live stream.
import type { EventEntry, EventSubject, EventType, FieldChange, SubjectKind } from '@varde/core';
import type { Selectable } from 'kysely';
import type { Db } from './executor.js';
import type { EventTable } from './schema.js';

/** An event as a use case records it; its seq is given when it is appended. */
export interface NewEvent {
  id: string; type: EventType; subject: EventSubject; actorId: string | null; at: string; changes: FieldChange[];
}

/** The row of an event once its seq is known: what the PostgreSQL check-in batch writes too. */
export function eventRow(orgId: string, seq: number, e: NewEvent): Selectable<EventTable> {
  return {
    org_id: orgId, seq, id: e.id, type: e.type,
    subject_kind: e.subject.kind, subject_id: e.subject.id, subject_name: e.subject.name,
    unit_id: e.subject.unitId ?? null, objective_id: e.subject.objectiveId ?? null, key_result_id: e.subject.keyResultId ?? null,
    actor_id: e.actorId, at: e.at, changes: JSON.stringify(e.changes),
  };
}

/** Takes `count` numbers from the organisation's counter and answers the last. The counter's row
 *  stays locked until the transaction ends, so an organisation's events commit in seq order. */
export async function takeSeqs(db: Db, orgId: string, count: number): Promise<number> {
  const row = await db.insertInto('event_counters').values({ org_id: orgId, seq: count })
    .onConflict((oc) => oc.column('org_id').doUpdateSet((eb) => ({ seq: eb('event_counters.seq', '+', eb.ref('excluded.seq')) })))
    .returning('seq').executeTakeFirstOrThrow();
  return Number(row.seq);
}

/** Appends an organisation's events in the order given; answers the seq of the last. */
export async function appendEvents(db: Db, orgId: string, events: readonly NewEvent[]): Promise<number> {
  const last = await takeSeqs(db, orgId, events.length);
  const first = last - events.length + 1;
  const rows = events.map((e, i) => eventRow(orgId, first + i, e));
  // SQLite takes at most 32,766 parameters a statement: 13 a row.
  for (let i = 0; i < rows.length; i += 1000) await db.insertInto('events').values(rows.slice(i, i + 1000)).execute();
  return last;
}

export interface EventFilter {
  subjectId?: string | undefined;
  objectiveId?: string | undefined;
  keyResultId?: string | undefined;
  unitIds?: readonly string[] | undefined;
  actorId?: string | undefined;
  /** Leaves out what this person did: their own changes are no news to them. */
  exceptActorId?: string | undefined;
  types?: readonly string[] | undefined;
  kinds?: readonly SubjectKind[] | undefined;
  /** Times, ISO 8601: from inclusive, to exclusive. */
  from?: string | undefined;
  to?: string | undefined;
  /** Newest first, below this seq (a page's cursor). */
  beforeSeq?: number | undefined;
  /** Oldest first, above this seq (a stream resuming). */
  afterSeq?: number | undefined;
  /** Above this seq, still newest first (what came after a person's last visit). */
  aboveSeq?: number | undefined;
}

const entry = (r: Selectable<EventTable> & { actor_name: string | null }): EventEntry => ({
  id: r.id, seq: Number(r.seq), type: r.type as EventType, at: r.at,
  actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
  subject: { kind: r.subject_kind as SubjectKind, id: r.subject_id, name: r.subject_name, unitId: r.unit_id, objectiveId: r.objective_id, keyResultId: r.key_result_id },
  changes: JSON.parse(r.changes) as FieldChange[],
});

/** An organisation's events, newest first (or oldest first after `afterSeq`), with their actors' names. */
export async function listEvents(db: Db, orgId: string, filter: EventFilter, limit: number): Promise<EventEntry[]> {
  let q = db.selectFrom('events').leftJoin('people', 'people.id', 'events.actor_id')
    .selectAll('events').select('people.name as actor_name')
    .where('events.org_id', '=', orgId);
  if (filter.subjectId) q = q.where('events.subject_id', '=', filter.subjectId);
  if (filter.objectiveId) q = q.where('events.objective_id', '=', filter.objectiveId);
  if (filter.keyResultId) q = q.where('events.key_result_id', '=', filter.keyResultId);
  if (filter.unitIds) q = q.where('events.unit_id', 'in', filter.unitIds.length ? [...filter.unitIds] : ['']);
  if (filter.actorId) q = q.where('events.actor_id', '=', filter.actorId);
  const except = filter.exceptActorId;
  if (except) q = q.where((eb) => eb.or([eb('events.actor_id', 'is', null), eb('events.actor_id', '<>', except)]));
  if (filter.types?.length) q = q.where('events.type', 'in', [...filter.types]);
  if (filter.kinds?.length) q = q.where('events.subject_kind', 'in', [...filter.kinds]);
  if (filter.from) q = q.where('events.at', '>=', filter.from);
  if (filter.to) q = q.where('events.at', '<', filter.to);
  if (filter.beforeSeq !== undefined) q = q.where('events.seq', '<', filter.beforeSeq);
  if (filter.afterSeq !== undefined) q = q.where('events.seq', '>', filter.afterSeq);
  if (filter.aboveSeq !== undefined) q = q.where('events.seq', '>', filter.aboveSeq);
  const rows = await q.orderBy('events.seq', filter.afterSeq !== undefined ? 'asc' : 'desc').limit(limit).execute();
  return rows.map(entry);
}

/** The organisation's newest seq, 0 before its first event. */
export async function lastSeq(db: Db, orgId: string): Promise<number> {
  const row = await db.selectFrom('event_counters').select('seq').where('org_id', '=', orgId).executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/** What the organisation's events after `afterSeq` up to `toSeq` were of, oldest first, at most
 *  `limit`: enough for a reader that keeps its own copy to tell what it must read again. */
export async function changesSince(db: Db, orgId: string, afterSeq: number, toSeq: number, limit: number):
  Promise<Array<{ seq: number; type: EventType; objectiveId: string | null }>> {
  const rows = await db.selectFrom('events').select(['seq', 'type', 'objective_id']).where('org_id', '=', orgId)
    .where('seq', '>', afterSeq).where('seq', '<=', toSeq).orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({ seq: Number(r.seq), type: r.type as EventType, objectiveId: r.objective_id }));
}
