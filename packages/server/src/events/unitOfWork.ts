// The one write path: a use case's change and the events that say what changed land in one
// transaction, or neither does. After the commit the event feed is told, so live streams on every
// instance read the new events.
import { type EventSubject, type EventType, type FieldChange } from '@varde/core';
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { newId } from '../store/ids.js';
import type { Deps } from '../app/context.js';

/** Who acts: a person of an organisation, or Varde itself (personId null). */
export interface WorkActor { orgId: string; personId: string | null }

export interface UnitOfWork {
  readonly trx: Transaction<Database>;
  /** The time of the change, the same for all it writes. */
  readonly now: string;
  /** Records an event of this change, by the unit of work's actor or, when only the change itself
   *  tells who acted (a sign-out by session token), by `by`. A `.changed` event with no changes is
   *  dropped: a save that changed nothing is not history. */
  record(type: EventType, subject: EventSubject, changes: FieldChange[], by?: WorkActor): void;
}

/** Runs `work` in a transaction and appends the events it recorded before the commit. `actor` may
 *  be null when each event names its own. */
export async function unitOfWork<T>(deps: Deps, actor: WorkActor | null, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  const now = deps.clock.now().toISOString();
  const appended: Array<{ orgId: string; seq: number }> = [];
  const result = await deps.store.db.transaction().execute(async (trx) => {
    const byOrg = new Map<string, NewEvent[]>();
    const record: UnitOfWork['record'] = (type, subject, changes, by) => {
      const who = by ?? actor;
      if (!who) throw new Error(`${type}: an event without an actor or an organisation`);
      if (type.endsWith('.changed') && changes.length === 0) return;
      const list = byOrg.get(who.orgId) ?? byOrg.set(who.orgId, []).get(who.orgId)!;
      list.push({ id: newId(), type, subject, actorId: who.personId, at: now, changes });
    };
    const value = await work({ trx, now, record });
    for (const [orgId, events] of byOrg) {
      const seq = await appendEvents(trx, orgId, events);
      await deps.events.inTransaction(trx, orgId, seq);
      appended.push({ orgId, seq });
    }
    return value;
  });
  for (const { orgId, seq } of appended) deps.events.committed(orgId, seq);
  return result;
}
