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
  const tree = buildTree(units);
  const n = tree.ids.length;
  const sumProgress = new Float64Array(n);
  const sumExpected = new Float64Array(n);
  const items = new Uint32Array(n);
  const own = new Uint32Array(n);
  const subtree = new Uint32Array(n);

  for (const o of objectives) {
    const i = tree.index.get(o.unitId);
    if (i === undefined) continue;
    sumProgress[i]! += clamp01(o.progress);
    sumExpected[i]! += clamp01(o.expected);
    items[i]! += 1;
    own[i]! += 1;
    subtree[i]! += 1;
  }

  const result = new Map<string, RolledUp>();
  const rolled = new Array<RolledUp>(n);
  const order = tree.topDown();
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const count = items[i]!;
    const progress = count === 0 ? 0 : clamp01(sumProgress[i]! / count);
    const expectedProgress = count === 0 ? 0 : clamp01(sumExpected[i]! / count);
    rolled[i] = { progress, expectedProgress, ...unitTrack(progress, expectedProgress, count), objectiveCount: own[i]!, subtreeObjectiveCount: subtree[i]! };

    const parent = tree.parent[i]!;
    if (parent >= 0 && subtree[i]! > 0) {
      sumProgress[parent]! += progress;
      sumExpected[parent]! += expectedProgress;
      items[parent]! += 1;
      subtree[parent]! += subtree[i]!;
    }
  }
  for (let i = 0; i < n; i++) result.set(tree.ids[i]!, rolled[i]!);
  return result;
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
