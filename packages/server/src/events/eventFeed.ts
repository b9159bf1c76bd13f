// The event dispatcher: tells whoever listens (the live streams) that an organisation has events
// up to a seq, whichever instance wrote them. A component with a start and a stop, built in the
// composition root.
import type { Db } from '../store/executor.js';
import type { Store } from '../store/database.js';
import { eventNotifications, type EventNotifications } from '../store/eventNotifications.js';

export type EventsAvailable = (orgId: string, seq: number) => void;

export class EventFeed {
  private readonly listeners = new Set<EventsAvailable>();
  private readonly resyncs = new Set<() => void>();
  private readonly notifications: EventNotifications;
  private started = false;

  constructor(store: Store) {
    this.notifications = eventNotifications(store);
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.notifications.start((orgId, seq) => { for (const l of this.listeners) l(orgId, seq); }, () => { for (const r of this.resyncs) r(); });
    this.started = true;
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.notifications.stop();
  }

  /** Called by the unit of work in the transaction that appended events. */
  inTransaction(db: Db, orgId: string, seq: number): Promise<void> {
    return this.notifications.inTransaction(db, orgId, seq);
  }

  /** Called by the unit of work once that transaction committed. */
  committed(orgId: string, seq: number): void {
    this.notifications.afterCommit(orgId, seq);
  }

  /** `resync`: notifications may have been lost (a lost connection to PostgreSQL came back). */
  subscribe(listener: EventsAvailable, resync?: () => void): () => void {
    this.listeners.add(listener);
    if (resync) this.resyncs.add(resync);
    return () => { this.listeners.delete(listener); if (resync) this.resyncs.delete(resync); };
  }
}
