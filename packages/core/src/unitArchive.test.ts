import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mayChangeOkrs, unitArchiveProblem, unitsInRollUp, type ArchivableUnit } from './unitArchive.js';

const u = (id: string, parentId: string | null, archivedAt: string | null = null): ArchivableUnit => ({ id, parentId, archivedAt });
const tree = [u('root', null), u('area', 'root'), u('team', 'area'), u('old', 'area', '2026-11-01T10:00:00Z'), u('older', 'old', '2026-10-01T10:00:00Z')];

describe('unitArchiveProblem', () => {
  it('refuses the organisation itself and a unit with active units below it', () => {
    expect(unitArchiveProblem(tree[0]!, tree, true)?.code).toBe('root');
    expect(unitArchiveProblem(tree[1]!, tree, true)).toMatchObject({ code: 'unit_has_active_children', count: 1 });
    expect(unitArchiveProblem(tree[2]!, tree, true)).toBeNull();
  });
  it('restores only below an active unit', () => {
    expect(unitArchiveProblem(tree[4]!, tree, false)?.code).toBe('parent_archived');
    expect(unitArchiveProblem(tree[3]!, tree, false)).toBeNull();
  });
});

describe('mayChangeOkrs', () => {
  it('lets admins and members change OKRs, nobody in an archived unit', () => {
    expect(mayChangeOkrs({ isAdmin: true }, { archivedAt: null, actorIsMember: false })).toBe(true);
    expect(mayChangeOkrs({ isAdmin: false }, { archivedAt: null, actorIsMember: true })).toBe(true);
    expect(mayChangeOkrs({ isAdmin: false }, { archivedAt: null, actorIsMember: false })).toBe(false);
    expect(mayChangeOkrs({ isAdmin: true }, { archivedAt: '2026-11-01T10:00:00Z', actorIsMember: true })).toBe(false);
  });
});

describe('unitsInRollUp', () => {
  it('leaves archived units and what is below them out, unless the roll-up starts in one', () => {
    expect(unitsInRollUp(tree, 'root').map((x) => x.id)).toEqual(['root', 'area', 'team']);
    expect(unitsInRollUp(tree, 'old').map((x) => x.id)).toEqual(tree.map((x) => x.id));
  });
  it('keeps exactly the units with no archived unit on the way up to where it starts', () => {
    // Random trees: unit i hangs under some unit before it.
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 40 }), (spec) => {
      const units = spec.map(([p, archived], i) => u(`u${i}`, i === 0 ? null : `u${p % i}`, i > 0 && archived ? 'x' : null));
      const kept = new Set(unitsInRollUp(units, 'u0').map((x) => x.id));
      const byId = new Map(units.map((x) => [x.id, x]));
      for (const x of units) {
        let clear = true;
        for (let at: ArchivableUnit | undefined = x; at && at.id !== 'u0'; at = at.parentId ? byId.get(at.parentId) : undefined) if (at.archivedAt) clear = false;
        expect(kept.has(x.id)).toBe(clear);
      }
    }));
  });
});
