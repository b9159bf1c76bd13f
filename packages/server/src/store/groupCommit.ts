// Group commit for SQLite: writes that arrive while a commit is in progress wait and then land
// together in one transaction, so one fsync acknowledges many of them. Each write still lands
// whole or not at all: it runs inside its own savepoint, and one that fails is rolled back alone
// while the others commit. Nobody is answered before the commit that holds their write.
// PostgreSQL groups commits itself; there every write is simply its own transaction (check-ins,
// the busiest, are batched before they reach it: app/checkInBatches.ts).
import { CompiledQuery, type Transaction } from 'kysely';
import type { Store } from './database.js';
import type { Database } from './schema.js';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;
interface Job { work: Work<unknown>; resolve(value: unknown): void; reject(reason: unknown): void }

const SAVEPOINT = CompiledQuery.raw('savepoint job');
const RELEASE = CompiledQuery.raw('release savepoint job');
const ROLLBACK_TO = CompiledQuery.raw('rollback to savepoint job');

/** At most this many writes share one commit, so a burst cannot hold the database for long. */
const MAX_BATCH = 64;

class GroupCommit {
  private queue: Job[] = [];
  private flushing = false;
  constructor(private readonly store: Store) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work: work as Work<unknown>, resolve: resolve as (v: unknown) => void, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      // better-sqlite3 commits (and fsyncs) on the event loop's own thread, and Kysely's awaits are
      // only microtasks: without stepping back to the event loop before each batch, the requests
      // that arrived during a commit would not be read until the queue ran dry, and every batch
      // would hold one write. setImmediate runs after the loop has read what waits on the sockets.
      for (await yieldToEventLoop(); this.queue.length; await yieldToEventLoop()) {
        await this.commit(this.queue.splice(0, MAX_BATCH));
      }
    } finally {
      this.flushing = false;
    }
  }

  private async commit(batch: Job[]): Promise<void> {
    if (batch.length === 1) {
      // Alone, a write needs no savepoint: its own failure rolls back just itself.
      const job = batch[0]!;
      await this.store.db.transaction().execute(job.work).then(job.resolve, job.reject);
      return;
    }
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.store.db.transaction().execute(async (trx) => {
        for (const job of batch) {
          await trx.executeQuery(SAVEPOINT);
          try {
            outcomes.push({ ok: true, value: await job.work(trx) });
            await trx.executeQuery(RELEASE);
          } catch (error) {
            await trx.executeQuery(ROLLBACK_TO);
            await trx.executeQuery(RELEASE);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of this batch landed.
      for (const job of batch) job.reject(error);
      return;
    }
    batch.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value); else job.reject(outcome.error);
    });
  }
}

/** Lets the event loop read what waits on the sockets before the next batch is taken. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const committers = new WeakMap<Store, GroupCommit>();

/** Runs a write as one atomic unit and answers once it is durable. */
export function write<T>(store: Store, work: Work<T>): Promise<T> {
  if (store.dialect !== 'sqlite') return store.db.transaction().execute(work);
  let committer = committers.get(store);
  if (!committer) { committer = new GroupCommit(store); committers.set(store, committer); }
  return committer.run(work);
}
