// On PostgreSQL, check-ins that arrive while others are being written are written together: one
// transaction and two round trips for the whole batch (store/checkInBatch.ts) instead of seven
// for each (store/checkIns.ts recordCheckIn). The round trips, more than the database's work, are
// what a check-in costs here. Each check-in is still checked on its own, refused on its own, and
// answered only after the commit that holds it.
// (SQLite gets the same effect from the group commit in store/groupCommit.ts.)
import { objectiveProgressOf } from '@varde/core';
import type { Store } from '../store/database.js';
import type { NewCheckIn } from '../store/checkIns.js';
import { checkInBatchTransaction, type BatchRead, type BatchWrite, type CurrentMove } from '../store/checkInBatch.js';
import type { KeyResultRecord } from '../store/keyResults.js';
import type { Actor } from './context.js';
import { notFound } from './errors.js';
import { checkInRefusal } from './checkInRefusal.js';

interface Pending { actor: Actor; checkIn: NewCheckIn; settled: boolean; resolve(): void; reject(reason: unknown): void }

/** At most this many check-ins share a transaction, so a burst cannot hold locks for long. */
const MAX_BATCH = 64;

/** Batches written at the same time, each on its own connection: while one waits for its commit
 *  to reach the disk, the next is already on its way. They lock objectives in one order. Three
 *  were 5–13 % slower than two in four alternating runs under the bench's load (smaller batches,
 *  more round trips for the same check-ins). */
const CONCURRENT_BATCHES = 2;

class CheckInBatches {
  private queue: Pending[] = [];
  private running = 0;
  private scheduled = false;
  constructor(private readonly store: Store) {}

  submit(actor: Actor, checkIn: NewCheckIn): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const pending: Pending = {
        actor, checkIn, settled: false,
        resolve: () => { pending.settled = true; resolve(); },
        reject: (reason) => { pending.settled = true; reject(reason); },
      };
      this.queue.push(pending);
      this.schedule();
    });
  }

  /** Starts a batch once the event loop has read what waits on the sockets, if one may start. */
  private schedule(): void {
    if (this.scheduled || this.running >= CONCURRENT_BATCHES) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.queue.length && this.running < CONCURRENT_BATCHES) {
        const batch = this.queue.splice(0, MAX_BATCH);
        this.running++;
        void this.run(batch).finally(() => {
          this.running--;
          if (this.queue.length) this.schedule();
        });
      }
    });
  }

  private async run(batch: Pending[]): Promise<void> {
    let written: Pending[];
    try {
      if (!this.store.pgPool) throw new Error('check-ins are written in batches on PostgreSQL only');
      written = await checkInBatchTransaction(this.store.pgPool, batch.map((p) => ({ keyResultId: p.checkIn.keyResultId, orgId: p.actor.orgId })), batch.map((p) => p.actor.personId), writeBatch(batch));
    } catch (error) {
      // The transaction failed as a whole (a lost connection, a constraint, a deadlock with some
      // other writer): nothing of it landed. Alone, each gets its own outcome.
      const open = batch.filter((p) => !p.settled);
      if (open.length === 1) open[0]!.reject(error);
      else for (const p of open) await this.run([p]);
      return;
    }
    for (const p of written) p.resolve();
  }
}

/** Refuses what may not be written; says what to write for the rest; answers those written. */
const writeBatch = (batch: Pending[]) => ({ contexts, keyResults }: BatchRead): { write: BatchWrite; result: Pending[] } => {
  const accepted: Pending[] = [];
  for (const p of batch) {
    // The store finds a key result only under its own organisation.
    const context = contexts.get(p.actor.orgId)?.get(p.checkIn.keyResultId);
    const kr = keyResults.get(p.checkIn.keyResultId);
    if (!context || !kr) { p.reject(notFound('The key result')); continue; }
    const refusal = checkInRefusal(p.actor, { kr, periodState: context.periodState, unitArchivedAt: context.unitArchivedAt, actorIsMember: context.members.has(p.actor.personId) }, p.checkIn);
    if (refusal) { p.reject(refusal); continue; }
    accepted.push(p);
  }
  const checkIns = accepted.map((p) => p.checkIn);
  const moves = currentMoves(checkIns, keyResults);
  return { write: { checkIns, moves, progress: progressAfter(moves, keyResults) }, result: accepted };
};

/** Each key result's current value becomes its newest check-in's, unless a later one is current
 *  already (a clock that went back), as setCurrent does for a check-in written alone. */
function currentMoves(checkIns: readonly NewCheckIn[], keyResults: ReadonlyMap<string, KeyResultRecord>): CurrentMove[] {
  const newest = new Map<string, NewCheckIn>();
  for (const c of checkIns) {
    const seen = newest.get(c.keyResultId);
    if (!seen || c.createdAt > seen.createdAt || (c.createdAt === seen.createdAt && c.id > seen.id)) newest.set(c.keyResultId, c);
  }
  return [...newest.values()]
    .filter((c) => { const at = keyResults.get(c.keyResultId)!.currentAt; return at === null || at <= c.createdAt; })
    .map((c) => ({ keyResultId: c.keyResultId, orgId: c.orgId, value: c.value, confidence: c.confidence, at: c.createdAt }));
}

/** The new progress of each objective whose key results moved, from all of its key results. */
function progressAfter(moves: readonly CurrentMove[], keyResults: ReadonlyMap<string, KeyResultRecord>): Array<{ objectiveId: string; orgId: string; progress: number }> {
  const moved = new Map(moves.map((m) => [m.keyResultId, m.value]));
  const objectives = new Map(moves.map((m) => [keyResults.get(m.keyResultId)!.objectiveId, m.orgId]));
  const siblings = new Map<string, KeyResultRecord[]>();
  for (const kr of keyResults.values()) {
    if (!objectives.has(kr.objectiveId)) continue;
    const list = siblings.get(kr.objectiveId);
    if (list) list.push(kr); else siblings.set(kr.objectiveId, [kr]);
  }
  return [...siblings].map(([objectiveId, krs]) => ({
    objectiveId, orgId: objectives.get(objectiveId)!,
    progress: objectiveProgressOf(krs.map((kr) => ({ type: kr.type, start: kr.start, target: kr.target, weight: kr.weight, current: moved.get(kr.id) ?? kr.current }))),
  }));
}

const batches = new WeakMap<Store, CheckInBatches>();

/** Writes a check-in that has passed no checks yet; resolves once it is durable, rejects with why it was refused. */
export function submitCheckIn(store: Store, actor: Actor, checkIn: NewCheckIn): Promise<void> {
  let b = batches.get(store);
  if (!b) { b = new CheckInBatches(store); batches.set(store, b); }
  return b.submit(actor, checkIn);
}
