// Decides a unit's progress in the organisation tree: the mean of its own objectives and of its
// child units that have objectives, rolled up from the leaves, so every level "pays into" the next.

import { trackStatus, type TrackStatus } from './trackStatus.js';

export interface RollUpUnit {
  id: string;
  parentId: string | null;
}

export interface RollUpObjective {
  unitId: string;
  progress: number;
  expected: number;
}

export interface RolledUp {
  progress: number;
  expectedProgress: number;
  onTrack: boolean;
  status: TrackStatus;
  /** The unit's own objectives. */
  objectiveCount: number;
  /** The objectives of the unit and of every unit below it. */
  subtreeObjectiveCount: number;
}

/**
 * Every unit gets an entry. A unit's progress (and expected progress) is the mean of its own
 * objectives' progress and of each child unit's rolled-up progress, each item weight 1; children
 * with no objectives anywhere below them are left out. A unit with no objectives in its subtree has
 * progress 0, expected 0, on track. Status comes from trackStatus as for an objective.
 * Objectives of unknown units are ignored; a parentId that is unknown makes the unit a root; a unit
 * on a parent cycle is treated as a root (its parent link is dropped); a repeated id counts once
 * (the first). Progress values are clamped to [0, 1]. Runs in O(units + objectives), without recursion.
 */
export function rollUp(units: readonly RollUpUnit[], objectives: readonly RollUpObjective[]): Map<string, RolledUp> {
  const tree = new RollUpTree(units);
  for (const o of objectives) tree.count(o);
  tree.rollAll();
  return tree.all();
}

/**
 * The roll-up of rollUp, kept as objectives change one at a time: after `set`, only the units of
 * the changed objectives and the units above them are rolled up again (`settle`), in the same way
 * as rollUp rolls up every unit. What a unit holds is the same as rollUp over the objectives set,
 * but for the last bits of a sum taken in another order.
 */
export class RollUpTree {
  private readonly tree: Tree;
  private readonly ownProgress: Float64Array;
  private readonly ownExpected: Float64Array;
  private readonly own: Uint32Array;
  private readonly progress: Float64Array;
  private readonly expected: Float64Array;
  private readonly items: Uint32Array;
  private readonly subtree: Uint32Array;
  private readonly depth: Uint32Array;
  /** The objectives given by `set`, each unit's by id, to sum again when one changes. */
  private readonly ownOf = new Map<number, Map<string, { progress: number; expected: number }>>();
  private readonly unitOf = new Map<string, number>();
  private readonly changed = new Set<number>();

  constructor(units: readonly RollUpUnit[]) {
    this.tree = buildTree(units);
    const n = this.tree.ids.length;
    this.ownProgress = new Float64Array(n);
    this.ownExpected = new Float64Array(n);
    this.own = new Uint32Array(n);
    this.progress = new Float64Array(n);
    this.expected = new Float64Array(n);
    this.items = new Uint32Array(n);
    this.subtree = new Uint32Array(n);
    this.depth = new Uint32Array(n);
    for (const i of this.tree.topDown()) { const p = this.tree.parent[i]!; if (p >= 0) this.depth[i] = this.depth[p]! + 1; }
  }

  /** Counts an objective that is never changed (rollUp's way); rollAll then rolls up every unit. */
  count(o: RollUpObjective): void {
    const i = this.tree.index.get(o.unitId);
    if (i === undefined) return;
    this.ownProgress[i]! += clamp01(o.progress);
    this.ownExpected[i]! += clamp01(o.expected);
    this.own[i]! += 1;
  }

  /** Puts an objective in (or moves it, or changes it), or takes it out with null. Objectives of
   *  unknown units are left out, as in rollUp. */
  set(objectiveId: string, o: RollUpObjective | null): void {
    const was = this.unitOf.get(objectiveId);
    if (was !== undefined) {
      this.ownOf.get(was)!.delete(objectiveId);
      this.unitOf.delete(objectiveId);
      this.changed.add(was);
    }
    const i = o ? this.tree.index.get(o.unitId) : undefined;
    if (o && i !== undefined) {
      let mine = this.ownOf.get(i);
      if (!mine) this.ownOf.set(i, mine = new Map());
      mine.set(objectiveId, { progress: clamp01(o.progress), expected: clamp01(o.expected) });
      this.unitOf.set(objectiveId, i);
      this.changed.add(i);
    }
  }

  /** Rolls up every unit, children before their parents. */
  rollAll(): void {
    for (const i of this.changed) this.sumOwn(i);
    this.changed.clear();
    const order = this.tree.topDown();
    for (let k = order.length - 1; k >= 0; k--) this.rollUnit(order[k]!);
  }

  /** Rolls up again the units whose objectives changed and every unit above them, deepest first. */
  settle(): void {
    if (this.changed.size === 0) return;
    const again = new Set<number>();
    for (const i of this.changed) {
      this.sumOwn(i);
      for (let at = i; at >= 0 && !again.has(at); at = this.tree.parent[at]!) again.add(at);
    }
    this.changed.clear();
    for (const i of [...again].sort((a, b) => this.depth[b]! - this.depth[a]!)) this.rollUnit(i);
  }

  /** A unit's roll-up as last rolled, or undefined for a unit not in the tree. */
  get(unitId: string): RolledUp | undefined {
    const i = this.tree.index.get(unitId);
    return i === undefined ? undefined : this.rolled(i);
  }

  all(): Map<string, RolledUp> {
    const result = new Map<string, RolledUp>();
    for (let i = 0; i < this.tree.ids.length; i++) result.set(this.tree.ids[i]!, this.rolled(i));
    return result;
  }

  private sumOwn(i: number): void {
    let progress = 0;
    let expected = 0;
    const mine = this.ownOf.get(i);
    for (const o of mine?.values() ?? []) { progress += o.progress; expected += o.expected; }
    this.ownProgress[i] = progress;
    this.ownExpected[i] = expected;
    this.own[i] = mine?.size ?? 0;
  }

  /** The rule: the mean of the unit's own objectives and of each child with objectives below it. */
  private rollUnit(i: number): void {
    let sumProgress = this.ownProgress[i]!;
    let sumExpected = this.ownExpected[i]!;
    let items = this.own[i]!;
    let subtree = this.own[i]!;
    for (let c = this.tree.firstChild[i]!; c !== -1; c = this.tree.nextSibling[c]!) {
      if (this.subtree[c] === 0) continue;
      sumProgress += this.progress[c]!;
      sumExpected += this.expected[c]!;
      items += 1;
      subtree += this.subtree[c]!;
    }
    this.progress[i] = items === 0 ? 0 : clamp01(sumProgress / items);
    this.expected[i] = items === 0 ? 0 : clamp01(sumExpected / items);
    this.items[i] = items;
    this.subtree[i] = subtree;
  }

  private rolled(i: number): RolledUp {
    const progress = this.progress[i]!;
    const expectedProgress = this.expected[i]!;
    return { progress, expectedProgress, ...unitTrack(progress, expectedProgress, this.items[i]!), objectiveCount: this.own[i]!, subtreeObjectiveCount: this.subtree[i]! };
  }
}

/** How a rolled-up unit stands: one with nothing to roll up is on track. */
function unitTrack(progress: number, expectedProgress: number, items: number): Pick<RolledUp, 'onTrack' | 'status'> {
  return items === 0 ? { onTrack: true, status: 'on-track' } : trackStatus({ type: 'objective', progress, expected: expectedProgress });
}

/**
 * A roll-up of one period's objectives at another moment. They share the period's expected
 * progress, so every unit with objectives below it expects that much and only its standing
 * changes: a roll-up kept between changes (the server's keptRollUps.ts) is made with any
 * expected value and given the moment's here.
 */
export function rolledAt(r: RolledUp, expected: number): RolledUp {
  const expectedProgress = r.subtreeObjectiveCount === 0 ? 0 : clamp01(expected);
  return { ...r, expectedProgress, ...unitTrack(r.progress, expectedProgress, r.subtreeObjectiveCount) };
}

/**
 * The id of rootId and of every unit below it, root first, then level by level. Empty when rootId
 * is not a unit. Parent cycles are broken as in rollUp.
 */
export function subtreeIds(units: readonly RollUpUnit[], rootId: string): string[] {
  const tree = buildTree(units);
  const root = tree.index.get(rootId);
  if (root === undefined) return [];
  return tree.below(root).map((i) => tree.ids[i]!);
}

interface Tree {
  ids: string[];
  index: Map<string, number>;
  /** Effective parent index, -1 for a root. */
  parent: Int32Array;
  /** Children as linked lists, in input order: a unit's first child, and each unit's next sibling (-1: none). */
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** Every unit, each after its parent. */
  topDown(): number[];
  /** The unit and every unit below it, breadth first. */
  below(root: number): number[];
}

function buildTree(units: readonly RollUpUnit[]): Tree {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const parentIds: (string | null)[] = [];
  for (const u of units) {
    if (index.has(u.id)) continue;
    index.set(u.id, ids.length);
    ids.push(u.id);
    parentIds.push(u.parentId);
  }
  const n = ids.length;
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = parentIds[i];
    parent[i] = p === null || p === undefined ? -1 : index.get(p) ?? -1;
  }
  breakCycles(parent);

  // children as linked lists in arrays: firstChild / nextSibling, in input order
  const firstChild = new Int32Array(n).fill(-1);
  const lastChild = new Int32Array(n).fill(-1);
  const nextSibling = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p < 0) continue;
    if (firstChild[p] === -1) firstChild[p] = i;
    else nextSibling[lastChild[p]!] = i;
    lastChild[p] = i;
  }

  const breadthFirst = (roots: number[]): number[] => {
    const order = roots;
    for (let k = 0; k < order.length; k++) {
      for (let c = firstChild[order[k]!]!; c !== -1; c = nextSibling[c]!) order.push(c);
    }
    return order;
  };

  return {
    ids,
    index,
    parent,
    firstChild,
    nextSibling,
    topDown: () => {
      const roots: number[] = [];
      for (let i = 0; i < n; i++) if (parent[i]! < 0) roots.push(i);
      return breadthFirst(roots);
    },
    below: (root) => breadthFirst([root]),
  };
}

/** Walks each parent chain once; every unit found on a cycle becomes a root. */
function breakCycles(parent: Int32Array): void {
  const n = parent.length;
  const state = new Uint8Array(n); // 0 unseen, 1 on the current walk, 2 settled
  const walk: number[] = [];
  for (let s = 0; s < n; s++) {
    let i = s;
    while (i >= 0 && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      i = parent[i]!;
    }
    if (i >= 0 && state[i] === 1) {
      // i is on the current walk: the walk from i onwards is a cycle
      const cycle = walk.slice(walk.indexOf(i));
      for (const c of cycle) parent[c] = -1;
    }
    for (const w of walk) state[w] = 2;
    walk.length = 0;
  }
}

function clamp01(x: number): number {
  return Number.isNaN(x) ? 0 : Math.min(1, Math.max(0, x));
}
