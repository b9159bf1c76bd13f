// The one write path: a use case's change and the events that say what changed land in one
// transaction, or neither does. After the commit the event feed is told, so live streams on every
// instance read the new events.
import { type EventSubject, type EventType, type FieldChange } from '@varde/core';
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { newId } from '../store/ids.js';
import type { Deps } from '../app/context.js';

export interface UnitOfWork {
  readonly trx: Transaction<Database>;
  /** The time of the change, the same for all it writes. */
  readonly now: string;
  /** Records an event of this change. A `.changed` event with no changes is dropped: a save that
   *  changed nothing is not history. */
  record(type: EventType, subject: EventSubject, changes: FieldChange[]): void;
}

/** Who acts: a person of an organisation, or Varde itself (personId null). */
export interface WorkActor { orgId: string; personId: string | null }

/** Collects the events of one change; `flush` appends them in the change's transaction. */
export class EventRecorder {
  readonly events: NewEvent[] = [];
  constructor(private readonly actor: WorkActor, private readonly now: string) {}
  record(type: EventType, subject: EventSubject, changes: FieldChange[]): void {
    if (type.endsWith('.changed') && changes.length === 0) return;
    this.events.push({ id: newId(), type, subject, actorId: this.actor.personId, at: this.now, changes });
  }
}

export async function unitOfWork<T>(deps: Deps, actor: WorkActor, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const now = deps.clock.now().toISOString();
  let last: number | undefined;
  const result = await deps.store.db.transaction().execute(async (trx) => {
    const recorder = new EventRecorder(actor, now);
    const value = await work({ trx, now, record: (type, subject, changes) => recorder.record(type, subject, changes) });
    if (recorder.events.length) {
      last = await appendEvents(trx, actor.orgId, recorder.events);
      await deps.events.inTransaction(trx, actor.orgId, last);
    }
    return value;
  });
  if (last !== undefined) deps.events.committed(actor.orgId, last);
  return result;
}
