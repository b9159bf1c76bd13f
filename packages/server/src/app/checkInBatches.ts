// Check-ins that arrive while others are being written are written together: one transaction for
// the whole batch (store/checkInBatch.ts: two round trips on PostgreSQL, one commit and one fsync
// on SQLite) instead of one each. The round trips and the commits, more than the database's
// work, are what a check-in costs. Each check-in is still checked on its own, refused on its own,
// recorded with its event, and answered only after the commit that holds it.
// A component of the composition root: stop() lets what was submitted finish and refuses more.
import { checkInWrite, type KeyResultStanding } from '@varde/core';
import type { NewCheckIn } from '../store/checkIns.js';
import type { NewEvent } from '../store/events.js';
import { concurrentBatches, writeCheckInBatch, type BatchRead, type BatchWrite } from '../store/checkInBatch.js';
import type { Store } from '../store/database.js';
import type { EventFeed } from '../events/eventFeed.js';
import { newId } from '../store/ids.js';
import type { Actor } from './context.js';
import { AppError, notFound } from './errors.js';
import { checkInRefusal } from './checkInRefusal.js';

interface Pending { actor: Actor; checkIn: NewCheckIn; settled: boolean; resolve(): void; reject(reason: unknown): void }

/** At most this many check-ins share a transaction, so a burst cannot hold locks for long. */
const MAX_BATCH = 64;

export class CheckInBatches {
  private queue: Pending[] = [];
  private running = 0;
  private scheduled = false;
  private stopping = false;
  private drained: Array<() => void> = [];
  /** Batches written at the same time, each on its own connection on PostgreSQL: while one waits
   *  for its commit to reach the disk, the next is already on its way. Three were 5–13 % slower
   *  than two in four alternating runs under the bench's load (smaller batches, more round trips
   *  for the same check-ins). */
  private readonly concurrent: number;

  constructor(private readonly store: Store, private readonly events: EventFeed, private readonly options: { recordEvents: boolean } = { recordEvents: true }) {
    this.concurrent = concurrentBatches(store);
  }

  /** Writes a check-in that has passed no checks yet; resolves once it is durable, rejects with why it was refused. */
  submit(actor: Actor, checkIn: NewCheckIn): Promise<void> {
    if (this.stopping) return Promise.reject(new AppError(503, 'Service Unavailable', 'Varde is shutting down; try again in a moment'));
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

  /** Waits for what was submitted to be written; refuses what comes after. */
  stop(): Promise<void> {
    this.stopping = true;
    if (this.idle()) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private idle(): boolean { return this.queue.length === 0 && this.running === 0 && !this.scheduled; }

  /** Starts a batch once the event loop has read what waits on the sockets, if one may start. */
  private schedule(): void {
    if (this.scheduled || this.running >= this.concurrent) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      while (this.queue.length && this.running < this.concurrent) {
        const batch = this.queue.splice(0, MAX_BATCH);
        this.running++;
        void this.run(batch).finally(() => {
          this.running--;
          if (this.queue.length) this.schedule();
          else if (this.idle()) for (const done of this.drained.splice(0)) done();
        });
      }
    });
  }

  private async run(batch: Pending[]): Promise<void> {
    let written: Pending[];
    try {
      const { result, seqs } = await writeCheckInBatch(this.store, batch.map((p) => ({ keyResultId: p.checkIn.keyResultId, orgId: p.actor.orgId })), batch.map((p) => p.actor.personId), writeBatch(batch, this.options.recordEvents));
      written = result;
      for (const { orgId, seq } of seqs) this.events.committed(orgId, seq);
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

/** Refuses what may not be written; says what to write for the rest, by core's checkInWrite; answers those written. */
const writeBatch = (batch: Pending[], recordEvents: boolean) => ({ contexts, keyResults }: BatchRead): { write: BatchWrite; result: Pending[] } => {
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
  const standing = new Map<string, KeyResultStanding>([...keyResults].map(([id, kr]) => [id, kr]));
  const decided = checkInWrite(checkIns, standing);
  const orgOf = new Map(checkIns.map((c) => [c.keyResultId, c.orgId]));
  const objectiveOrg = new Map(checkIns.map((c) => [keyResults.get(c.keyResultId)!.objectiveId, c.orgId]));
  const events = !recordEvents ? [] : checkIns.map((c, i) => {
    const kr = keyResults.get(c.keyResultId)!;
    return { orgId: c.orgId, event: checkedIn(c, { unitId: contexts.get(c.orgId)!.get(c.keyResultId)!.unitId, objectiveId: kr.objectiveId, title: kr.title }, decided.before[i]!) };
  });
  return {
    write: {
      checkIns,
      moves: decided.moves.map((m) => ({ ...m, orgId: orgOf.get(m.keyResultId)! })),
      progress: decided.progress.map((p) => ({ ...p, orgId: objectiveOrg.get(p.objectiveId)! })),
      events,
    },
    result: accepted,
  };
};

/** A check-in's event: about the check-in, on its key result, from the value and confidence before it to its own. */
export function checkedIn(c: NewCheckIn, where: { unitId: string; objectiveId: string; title: string }, before: { value: number | null; confidence: number | null }): NewEvent {
  const changes = [
    { field: 'value', before: before.value, after: c.value },
    { field: 'confidence', before: before.confidence, after: c.confidence },
    ...(c.comment ? [{ field: 'comment', before: null, after: c.comment }] : []),
    ...(c.blockers ? [{ field: 'blockers', before: null, after: c.blockers }] : []),
  ];
  return {
    id: newId(), type: 'keyResult.checkedIn', actorId: c.authorId, at: c.createdAt, changes,
    subject: { kind: 'checkIn', id: c.id, name: where.title, unitId: where.unitId, objectiveId: where.objectiveId, keyResultId: c.keyResultId },
  };
}
