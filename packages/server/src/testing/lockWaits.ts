// For tests of races on PostgreSQL: a write held open in a transaction of the test's own, while
// the request under test runs into it. Waiting for PostgreSQL to report the request's backend as
// blocked on a lock makes the race happen every time instead of by chance.
import { sql, type Transaction } from 'kysely';
import type { Store } from '../store/database.js';
import type { Database } from '../store/schema.js';

/** Resolves once some other backend waits for a lock (at most `timeoutMs`). */
export async function someoneWaitsForALock(store: Store, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await sql<{ n: string }>`select count(*) as n from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()`.execute(store.db);
    if (Number(rows[0]!.n) > 0) return;
    if (Date.now() > deadline) throw new Error('no request came to wait for the lock');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Runs `write` in a transaction and keeps it open until `whileOpen` has started and a request
 *  waits on its locks; commits, then answers what `whileOpen` answered. */
export async function raceAgainstOpenWrite<T>(store: Store, write: (trx: Transaction<Database>) => Promise<unknown>, whileOpen: () => Promise<T>): Promise<T> {
  let pending: Promise<T> | undefined;
  await store.db.transaction().execute(async (trx) => {
    await write(trx);
    pending = whileOpen();
    await someoneWaitsForALock(store);
  });
  return pending!;
}
