import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rolledAt, rollUp, RollUpTree, subtreeIds, type RollUpObjective, type RollUpUnit } from './rollUp.js';

// A union: the organisation, two areas, three teams under them.
const units: RollUpUnit[] = [
  { id: 'union', parentId: null },
  { id: 'members', parentId: 'union' },
  { id: 'services', parentId: 'union' },
  { id: 'recruiting', parentId: 'members' },
  { id: 'retention', parentId: 'members' },
  { id: 'legal-aid', parentId: 'services' },
];

describe('rollUp', () => {
  it('averages own objectives and child units, leaving out children without objectives', () => {
    const objectives: RollUpObjective[] = [
      { unitId: 'recruiting', progress: 0.6, expected: 0.5 },
      { unitId: 'recruiting', progress: 0.2, expected: 0.5 },
      { unitId: 'retention', progress: 0.8, expected: 0.5 },
      { unitId: 'union', progress: 0.1, expected: 0.5 },
    ];
    const r = rollUp(units, objectives);
    expect(r.get('recruiting')).toEqual({ progress: 0.4, expectedProgress: 0.5, onTrack: true, status: 'on-track', objectiveCount: 2, subtreeObjectiveCount: 2 });
    expect(r.get('members')?.progress).toBeCloseTo(0.6); // mean of 0.4 and 0.8: each team weighs 1
    expect(r.get('members')?.subtreeObjectiveCount).toBe(3);
    expect(r.get('members')?.objectiveCount).toBe(0);
    // union: own 0.1 and members 0.6; services has nothing and does not drag the mean down
    expect(r.get('union')?.progress).toBeCloseTo(0.35);
    expect(r.get('union')?.status).toBe('at-risk');
    expect(r.get('union')?.subtreeObjectiveCount).toBe(4);
    expect(r.get('services')).toEqual({ progress: 0, expectedProgress: 0, onTrack: true, status: 'on-track', objectiveCount: 0, subtreeObjectiveCount: 0 });
    expect(r.get('legal-aid')?.subtreeObjectiveCount).toBe(0);
  });

  it('gives every unit an entry, in the order given', () => {
    expect([...rollUp(units, []).keys()]).toEqual(units.map((u) => u.id));
  });

  it('flags a unit off track when its teams lag the calendar', () => {
    const r = rollUp(units, [
      { unitId: 'legal-aid', progress: 0.2, expected: 0.7 },
      { unitId: 'legal-aid', progress: 0.3, expected: 0.7 },
    ]);
    expect(r.get('services')).toMatchObject({ progress: 0.25, expectedProgress: 0.7, onTrack: false, status: 'off-track' });
  });

  it('ignores objectives of unknown units and clamps progress', () => {
    const r = rollUp(units, [
      { unitId: 'ghost', progress: 1, expected: 1 },
      { unitId: 'retention', progress: 1.4, expected: 0.5 },
    ]);
    expect(r.get('retention')?.progress).toBe(1);
    expect(r.get('union')?.subtreeObjectiveCount).toBe(1);
    expect(r.has('ghost')).toBe(false);
  });

  it('treats a unit with an unknown parent as a root', () => {
    const r = rollUp([{ id: 'a', parentId: 'missing' }], [{ unitId: 'a', progress: 0.5, expected: 0.5 }]);
    expect(r.get('a')?.progress).toBe(0.5);
  });

  it('breaks parent cycles without hanging: units on a cycle become roots', () => {
    const cyclic: RollUpUnit[] = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
      { id: 'c', parentId: 'a' },
      { id: 'self', parentId: 'self' },
    ];
    const r = rollUp(cyclic, [
      { unitId: 'c', progress: 1, expected: 0 },
      { unitId: 'b', progress: 0, expected: 0 },
      { unitId: 'self', progress: 0.5, expected: 0 },
    ]);
    expect(r.get('a')).toMatchObject({ progress: 1, subtreeObjectiveCount: 1 });
    expect(r.get('b')).toMatchObject({ progress: 0, subtreeObjectiveCount: 1 });
    expect(r.get('self')).toMatchObject({ progress: 0.5, subtreeObjectiveCount: 1 });
    expect(subtreeIds(cyclic, 'a')).toEqual(['a', 'c']);
  });

  it('counts a repeated unit id once', () => {
    const r = rollUp([{ id: 'a', parentId: null }, { id: 'a', parentId: 'a' }], [{ unitId: 'a', progress: 0.3, expected: 0.3 }]);
    expect(r.size).toBe(1);
    expect(r.get('a')?.objectiveCount).toBe(1);
  });

  it('handles a chain 10 000 units deep', () => {
    const chain: RollUpUnit[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `u${i}`, parentId: i === 0 ? null : `u${i - 1}` }));
    const r = rollUp(chain, [{ unitId: 'u9999', progress: 0.7, expected: 0.5 }]);
    expect(r.get('u0')).toMatchObject({ progress: 0.7, subtreeObjectiveCount: 1, objectiveCount: 0 });
    expect(subtreeIds(chain, 'u0')).toHaveLength(10_000);
  });

  it('handles a 10 000-unit cycle', () => {
    const ring: RollUpUnit[] = Array.from({ length: 10_000 }, (_, i) => ({ id: `u${i}`, parentId: `u${(i + 1) % 10_000}` }));
    expect(rollUp(ring, []).size).toBe(10_000);
  });

  // Its speed is measured by `npm run bench`, not timed here.
  it('rolls up 2 000 units and 10 000 objectives', () => {
    const tree: RollUpUnit[] = Array.from({ length: 2_000 }, (_, i) => ({ id: `u${i}`, parentId: i === 0 ? null : `u${Math.floor((i - 1) / 5)}` }));
    const objectives: RollUpObjective[] = Array.from({ length: 10_000 }, (_, i) => ({ unitId: `u${(i * 7) % 2_000}`, progress: (i % 11) / 10, expected: 0.5 }));
    const r = rollUp(tree, objectives);
    expect(r.get('u0')?.subtreeObjectiveCount).toBe(10_000);
  });
});

describe('subtreeIds', () => {
  it('lists the unit and everything below it, root first', () => {
    expect(subtreeIds(units, 'members')).toEqual(['members', 'recruiting', 'retention']);
    expect(subtreeIds(units, 'union')).toHaveLength(6);
    expect(subtreeIds(units, 'legal-aid')).toEqual(['legal-aid']);
    expect(subtreeIds(units, 'nobody')).toEqual([]);
  });
});

describe('rollUp: properties', () => {
  // random forests: unit i's parent is null or an earlier unit
  const forest = fc.integer({ min: 1, max: 40 }).chain((n) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 })))),
      fc.array(fc.record({ unit: fc.integer({ min: 0, max: n - 1 }), progress: fc.double({ min: 0, max: 1, noNaN: true }), expected: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 60 }),
    ),
  );

  it('matches a straightforward recursive definition', () => {
    fc.assert(
      fc.property(forest, ([parents, objs]) => {
        const us = parents.map((p, i) => ({ id: `u${i}`, parentId: p < 0 ? null : `u${p}` }));
        const os = objs.map((o) => ({ unitId: `u${o.unit}`, progress: o.progress, expected: o.expected }));
        const r = rollUp(us, os);
        const reference = (id: string): { p: number; e: number; count: number } => {
          const items: { p: number; e: number }[] = os.filter((o) => o.unitId === id).map((o) => ({ p: o.progress, e: o.expected }));
          let count = items.length;
          for (const child of us.filter((u) => u.parentId === id)) {
            const c = reference(child.id);
            if (c.count > 0) items.push(c);
            count += c.count;
          }
          const mean = (f: (x: { p: number; e: number }) => number) => (items.length === 0 ? 0 : items.reduce((s, x) => s + f(x), 0) / items.length);
          return { p: mean((x) => x.p), e: mean((x) => x.e), count };
        };
        for (const u of us) {
          const want = reference(u.id);
          const got = r.get(u.id)!;
          expect(got.progress).toBeCloseTo(want.p, 9);
          expect(got.expectedProgress).toBeCloseTo(want.e, 9);
          expect(got.subtreeObjectiveCount).toBe(want.count);
          expect(got.onTrack).toBe(got.status === 'on-track');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a unit lies within the range of the objectives below it, and subtrees partition', () => {
    fc.assert(
      fc.property(forest, ([parents, objs]) => {
        const us = parents.map((p, i) => ({ id: `u${i}`, parentId: p < 0 ? null : `u${p}` }));
        const os = objs.map((o) => ({ unitId: `u${o.unit}`, progress: o.progress, expected: o.expected }));
        const r = rollUp(us, os);
        for (const u of us) {
          const inside = new Set(subtreeIds(us, u.id));
          const below = os.filter((o) => inside.has(o.unitId)).map((o) => o.progress);
          const got = r.get(u.id)!;
          expect(got.subtreeObjectiveCount).toBe(below.length);
          if (below.length > 0) {
            expect(got.progress).toBeGreaterThanOrEqual(Math.min(...below) - 1e-12);
            expect(got.progress).toBeLessThanOrEqual(Math.max(...below) + 1e-12);
          }
        }
        const roots = us.filter((u) => u.parentId === null);
        expect(roots.reduce((s, u) => s + subtreeIds(us, u.id).length, 0)).toBe(us.length);
      }),
      { numRuns: 300 },
    );
  });

  it('a roll-up made at one moment and given another (rolledAt) is the roll-up made at that moment', () => {
    fc.assert(
      fc.property(forest, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), ([parents, objs], then, now) => {
        const us = parents.map((p, i) => ({ id: `u${i}`, parentId: p < 0 ? null : `u${p}` }));
        const at = (expected: number) => rollUp(us, objs.map((o) => ({ unitId: `u${o.unit}`, progress: o.progress, expected })));
        const kept = at(then);
        const fresh = at(now);
        for (const u of us) {
          const got = rolledAt(kept.get(u.id)!, now);
          const want = fresh.get(u.id)!;
          expect({ ...got, expectedProgress: 0 }).toEqual({ ...want, expectedProgress: 0 });
          expect(got.expectedProgress).toBeCloseTo(want.expectedProgress, 12);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a RollUpTree changed one objective at a time and settled holds what rollUp gives for the objectives it holds', () => {
    const steps = fc.array(fc.record({ id: fc.integer({ min: 0, max: 15 }), unit: fc.integer({ min: -1, max: 40 }), progress: fc.double({ min: -0.5, max: 1.5, noNaN: true }) }), { maxLength: 40 });
    fc.assert(
      fc.property(forest, steps, ([parents, objs], changes) => {
        const us = parents.map((p, i) => ({ id: `u${i}`, parentId: p < 0 ? null : `u${p}` }));
        const held = new Map(objs.map((o, i) => [`o${i}`, { unitId: `u${o.unit}`, progress: o.progress, expected: 0.5 }]));
        const tree = new RollUpTree(us);
        for (const [id, o] of held) tree.set(id, o);
        tree.rollAll();
        for (const c of changes) {
          // unit -1 takes the objective out; a unit past the forest's is unknown, and left out too.
          const o = c.unit < 0 ? null : { unitId: `u${c.unit}`, progress: c.progress, expected: 0.5 };
          tree.set(`o${c.id}`, o);
          if (o) held.set(`o${c.id}`, o); else held.delete(`o${c.id}`);
          tree.settle();
          const want = rollUp(us, [...held.values()]);
          for (const u of us) {
            const got = tree.get(u.id)!;
            const w = want.get(u.id)!;
            expect(got.progress).toBeCloseTo(w.progress, 12);
            expect(got.expectedProgress).toBeCloseTo(w.expectedProgress, 12);
            expect([got.objectiveCount, got.subtreeObjectiveCount]).toEqual([w.objectiveCount, w.subtreeObjectiveCount]);
          }
        }
        expect(tree.get('nobody')).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('never hangs on arbitrary parent links, cycles included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 30 }), { minLength: 1, maxLength: 30 }), (links) => {
        const us = links.map((p, i) => ({ id: `u${i}`, parentId: p < 0 ? null : `u${p}` }));
        const r = rollUp(us, us.map((u) => ({ unitId: u.id, progress: 0.5, expected: 0.5 })));
        expect(r.size).toBe(us.length);
        const total = [...r.values()].reduce((s, x) => s + x.objectiveCount, 0);
        expect(total).toBe(us.length);
        for (const u of us) expect(subtreeIds(us, u.id)[0]).toBe(u.id);
      }),
    );
  });
});
