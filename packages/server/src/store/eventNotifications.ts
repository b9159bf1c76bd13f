// How a committed event reaches the live streams of every instance. On PostgreSQL the writing
// transaction sends NOTIFY with the organisation and the last seq it appended; PostgreSQL delivers
// it on commit (never for a rolled-back write) to every instance listening on the database, this
// one included. On SQLite one process holds the database, so the announcement after commit is
// all there is. A notification says only that there is something new: readers read the rows.
import type pg from 'pg';
import { sql } from 'kysely';
import type { Store } from './database.js';
import type { Db } from './executor.js';

export type EventsListener = (orgId: string, seq: number) => void;

export interface EventNotifications {
  /** In the transaction that appended events, after their seqs are known. */
  inTransaction(db: Db, orgId: string, seq: number): Promise<void>;
  /** After that transaction committed. */
  afterCommit(orgId: string, seq: number): void;
  /** `resync` is called after a lost connection came back: notifications in between are lost,
   *  so readers should look for rows they have not seen. */
  start(listener: EventsListener, resync: () => void): Promise<void>;
  stop(): Promise<void>;
}

/** A schema of its own (a test's, or a second Varde in one database) gets a channel of its own. */
export const eventChannel = (schema: string | undefined): string => (schema && schema !== 'public' ? `varde_events_${schema}` : 'varde_events');

const payload = (orgId: string, seq: number) => `${orgId}:${seq}`;
function parse(text: string | undefined): [string, number] | undefined {
  const at = text?.lastIndexOf(':') ?? -1;
  if (!text || at <= 0) return undefined;
  const seq = Number(text.slice(at + 1));
  return Number.isSafeInteger(seq) ? [text.slice(0, at), seq] : undefined;
}

export function eventNotifications(store: Store): EventNotifications {
  return store.dialect === 'postgres' && store.pgPool ? postgresNotifications(store.pgPool, eventChannel(store.pgSchema)) : inProcessNotifications();
}

function inProcessNotifications(): EventNotifications {
  let listener: EventsListener | undefined;
  return {
    inTransaction: async () => {},
    afterCommit: (orgId, seq) => listener?.(orgId, seq),
    start: async (l) => { listener = l; },
    stop: async () => { listener = undefined; },
  };
}

/** The NOTIFY a PostgreSQL transaction sends, as SQL text: the check-in batch appends it to its own round trip. */
export const notifySql = (client: pg.PoolClient, channel: string, orgId: string, seq: number): string =>
  `select pg_notify(${client.escapeLiteral(channel)}, ${client.escapeLiteral(payload(orgId, seq))})`;

function postgresNotifications(pool: pg.Pool, channel: string): EventNotifications {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (listener: EventsListener, resync: () => void, attempt: number): Promise<void> => {
    const { default: pgModule } = await import('pg');
    const c = new pgModule.Client(pool.options);
    const again = () => {
      if (stopped || client !== c) return;
      client = undefined;
      c.end().catch(() => undefined);
      retry = setTimeout(() => void connect(listener, resync, attempt + 1).catch(() => undefined), Math.min(5000, 100 * 2 ** attempt));
    };
    c.on('error', again);
    c.on('end', again);
    c.on('notification', (n) => {
      const parsed = n.channel === channel ? parse(n.payload) : undefined;
      if (parsed) listener(...parsed);
    });
    client = c;
    try {
      await c.connect();
      await c.query(`listen ${c.escapeIdentifier(channel)}`);
    } catch (error) {
      if (attempt === 0) { client = undefined; await c.end().catch(() => undefined); throw error; }
      again();
      return;
    }
    if (attempt > 0) resync();
  };
  return {
    inTransaction: async (db, orgId, seq) => { await sql`select pg_notify(${channel}, ${payload(orgId, seq)})`.execute(db); },
    afterCommit: () => {},
    start: (listener, resync) => { stopped = false; return connect(listener, resync, 0); },
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
