// The organisation's roll-up of a period, kept between changes, so that the page of the root (or of
// any unit with a large tree below it) costs what its own objectives and its first level cost, not
// what the whole tree costs. Computed whole, the root's figures read every unit and every objective
// of the organisation: 364 ms at 20,000 units, against 25 ms for one of its areas.
//
// A copy is good for as long as the organisation's event counter has not moved: every change is
// recorded as an event in its own transaction, and the counter is taken in that transaction, so a
// counter read before the copy's rows were means that no change is missing from them; several
// instances on one PostgreSQL database each keep their own and tell changes the same way. When the
// counter has moved, the events since say what to read again: a change that reaches the roll-up only
// through one objective (a check-in, a key result or the objective edited, made or deleted) has that
// objective read again and only the units above it rolled up again (core's RollUpTree); a change to the tree, a period or anything not known to leave the roll-up
// alone reads it all again.
// A component of the composition root: stop() forgets every copy.
import { RollUpTree, unitsInRollUp, type EventType, type RolledUp } from '@varde/core';
import { changesSince, lastSeq } from '../store/events.js';
import { rolledObjectiveRows } from '../store/progress.js';
import { unitTree, type UnitNode } from '../store/units.js';
import type { Db } from '../store/executor.js';
import { groupBy } from './groupBy.js';

/** Changes that reach a roll-up only through the objective their event names. */
const THROUGH_OBJECTIVE: ReadonlySet<EventType> = new Set<EventType>([
  'objective.created', 'objective.changed', 'objective.deleted', 'objective.restored',
  'keyResult.created', 'keyResult.changed', 'keyResult.deleted', 'keyResult.restored', 'keyResult.checkedIn',
  'checkIn.changed', 'checkIn.deleted',
]);
/** Changes that touch nothing a roll-up reads (units, objectives' units, periods, statuses and progress). */
const ASIDE: ReadonlySet<EventType> = new Set<EventType>([
  'person.created', 'person.changed', 'person.passwordChanged', 'person.oneTimePasswordSet',
  'session.signedIn', 'session.signedOut', 'session.endedEverywhere',
  'initiative.created', 'initiative.changed', 'initiative.deleted', 'initiative.restored',
  'dependency.requested', 'dependency.acknowledged', 'dependency.declined', 'dependency.resolved',
  'comment.created', 'comment.changed', 'comment.deleted', 'contradiction.flagged', 'contradiction.cleared',
  'hint.dismissed', 'hint.reinstated', 'proposal.made', 'proposal.withdrawn',
  'meeting.started', 'meeting.changed', 'meeting.moved', 'meeting.blockerHandled', 'meeting.ended',
  'retrospective.changed', 'retrospective.voted', 'retrospective.actionDone',
]);
/** More changes than this since a copy are read as a new one. */
const PATCH_LIMIT = 1_000;
// A copy of a 20,000-unit organisation holds about 100,000 objectives (some 15 MB).
const MAX_COPIES = 16;

/** Units' names sort as people read them; ties keep one order on every store. */
export const byName = (a: UnitNode, b: UnitNode): number => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** One period's roll-up of the organisation, as of the organisation's event `seq`. Its figures are
 *  made with no expected progress: `rolledAt` (core) gives them the moment's. */
export interface KeptRollUp {
  readonly seq: number;
  readonly rootId: string;
  /** The units in the organisation's roll-up: archived ones and what hangs below them left out. */
  readonly units: ReadonlyMap<string, UnitNode>;
  /** A unit's units right below it in the roll-up, by name. */
  childrenOf(unitId: string): readonly UnitNode[];
  /** How many units its tree holds, itself included; 0 for a unit not in the roll-up. */
  sizeOf(unitId: string): number;
  /** A unit's figures as of the newest refresh: read them all in one go, between two awaits. */
  figures(unitId: string): RolledUp | undefined;
}

interface Copy extends KeptRollUp {
  /** Changed in place by the one refresh of the copy under way, in one synchronous step. */
  readonly tree: RollUpTree;
}

export class KeptRollUps {
  private readonly copies = new Map<string, Copy>();
  private readonly refreshing = new Map<string, Promise<Copy | null>>();

  /** The copy held, however old: for choosing a path before anything is read. */
  held(orgId: string, periodId: string): KeptRollUp | undefined {
    return this.copies.get(`${orgId} ${periodId}`);
  }

  /** The roll-up as it stands now, or null when the organisation has no single root to roll up to. */
  async current(db: Db, orgId: string, periodId: string): Promise<KeptRollUp | null> {
    const key = `${orgId} ${periodId}`;
    const seq = await lastSeq(db, orgId);
    for (;;) {
      const copy = this.copies.get(key);
      if (copy && copy.seq >= seq) return copy;
      // One refresh at a time for a copy; one that started before this call's counter was read may
      // not hold what this caller just wrote, so the caller looks again once it is done.
      const under = this.refreshing.get(key);
      if (under) { await under.catch(() => null); continue; }
      const done = this.refresh(db, orgId, periodId, seq, copy).finally(() => this.refreshing.delete(key));
      this.refreshing.set(key, done);
      const fresh = await done;
      if (fresh === null) return null;
    }
  }

  stop(): void {
    this.copies.clear();
  }

  private async refresh(db: Db, orgId: string, periodId: string, seq: number, from: Copy | undefined): Promise<Copy | null> {
    const key = `${orgId} ${periodId}`;
    let copy: Copy | null;
    try {
      copy = (from && await this.patched(db, orgId, periodId, seq, from)) ?? await this.whole(db, orgId, periodId, seq);
    } finally {
      // A refresh that failed leaves no copy behind: the next one reads the roll-up whole.
      this.copies.delete(key);
    }
    if (copy === null) return null;
    if (this.copies.size >= MAX_COPIES) this.copies.delete(this.copies.keys().next().value!);
    this.copies.set(key, copy);
    return copy;
  }

  /** The copy with the objectives the changes since it name read again, or undefined when a change
   *  may have touched more than those. */
  private async patched(db: Db, orgId: string, periodId: string, seq: number, from: Copy): Promise<Copy | undefined> {
    const changes = await changesSince(db, orgId, from.seq, seq, PATCH_LIMIT + 1);
    if (changes.length > PATCH_LIMIT) return undefined;
    const ids = new Set<string>();
    for (const c of changes) {
      if (THROUGH_OBJECTIVE.has(c.type) && c.objectiveId) ids.add(c.objectiveId);
      else if (!ASIDE.has(c.type)) return undefined;
    }
    if (ids.size === 0) return { ...from, seq };
    const rows = await rolledObjectiveRows(db, orgId, periodId, { ids: [...ids] });
    // From here to the end, nothing waits: a reader sees the roll-up before these changes or after.
    for (const id of ids) from.tree.set(id, null);
    for (const o of rows) from.tree.set(o.id, { unitId: o.unitId, progress: o.progress, expected: 0 });
    from.tree.settle();
    return { ...from, seq };
  }

  private async whole(db: Db, orgId: string, periodId: string, seq: number): Promise<Copy | null> {
    const [tree, rows] = await Promise.all([unitTree(db, orgId), rolledObjectiveRows(db, orgId, periodId)]);
    const roots = tree.filter((u) => u.parentId === null);
    if (roots.length !== 1) return null;
    const rootId = roots[0]!.id;
    const units = new Map(unitsInRollUp(tree, rootId).map((u) => [u.id, u]));
    const list = [...units.values()];
    const children = groupBy(list.filter((u) => u.parentId !== null), (u) => u.parentId!);
    for (const c of children.values()) c.sort(byName);
    // Each unit counts itself and every unit above it, up to the root (a tree is a few levels deep).
    const sizes = new Map<string, number>();
    for (const u of list) {
      let steps = 0;
      for (let at: UnitNode | undefined = u; at && steps++ < units.size; at = at.parentId ? units.get(at.parentId) : undefined) sizes.set(at.id, (sizes.get(at.id) ?? 0) + 1);
    }
    // Objectives of units left out (archived) are left out by the tree.
    const rolled = new RollUpTree(list);
    for (const o of rows) rolled.set(o.id, { unitId: o.unitId, progress: o.progress, expected: 0 });
    rolled.rollAll();
    return {
      seq, rootId, units, tree: rolled,
      childrenOf: (id) => children.get(id) ?? [],
      sizeOf: (id) => sizes.get(id) ?? 0,
      figures: (id) => rolled.get(id),
    };
  }
}
