import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unitArchiveProblem, unitsInRollUp, type ArchivableUnit } from './unitArchive.js';

const u = (id: string, parentId: string | null, archivedAt: string | null = null): ArchivableUnit => ({ id, parentId, archivedAt });
const tree = [u('root', null), u('area', 'root'), u('team', 'area'), u('old', 'area', '2026-11-01T10:00:00Z'), u('older', 'old', '2026-10-01T10:00:00Z')];

describe('unitArchiveProblem', () => {
  it('refuses the organisation itself and a unit with active units below it', () => {
    expect(unitArchiveProblem(tree[0]!, tree, true)?.code).toBe('cannot_archive_root');
    expect(unitArchiveProblem(tree[1]!, tree, true)).toMatchObject({ code: 'unit_has_active_children', count: 1 });
    expect(unitArchiveProblem(tree[2]!, tree, true)).toBeNull();
  });
  it('restores only below an active unit', () => {
    expect(unitArchiveProblem(tree[4]!, tree, false)?.code).toBe('parent_archived');
    expect(unitArchiveProblem(tree[3]!, tree, false)).toBeNull();
  });
});

describe('unitsInRollUp', () => {
  it('leaves archived units and what is below them out, unless the roll-up starts in one', () => {
    expect(unitsInRollUp(tree, 'root').map((x) => x.id)).toEqual(['root', 'area', 'team']);
    expect(unitsInRollUp(tree, 'old').map((x) => x.id)).toEqual(['old', 'older']);
    expect(unitsInRollUp(tree, 'area').map((x) => x.id)).toEqual(['area', 'team']);
  });
  it('keeps exactly the units below where it starts with no archived unit on the way up', () => {
    // Random trees: unit i hangs under some unit before it.
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 40 }), (spec) => {
      const units = spec.map(([p, archived], i) => u(`u${i}`, i === 0 ? null : `u${p % i}`, i > 0 && archived ? 'x' : null));
      const kept = new Set(unitsInRollUp(units, 'u0').map((x) => x.id));
      const byId = new Map(units.map((x) => [x.id, x]));
      const from = `u${spec.length - 1 > 0 ? spec[0]![0] % spec.length : 0}`;
      const keptFrom = new Set(unitsInRollUp(units, from).map((x) => x.id));
      const fromArchived = byId.get(from)!.archivedAt !== null;
      for (const x of units) {
        let clear = true;
        let below = false;
        for (let at: ArchivableUnit | undefined = x; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
          if (at.id === from) { below = true; break; }
          if (at.archivedAt && !fromArchived) clear = false;
        }
        expect(keptFrom.has(x.id)).toBe(below && clear);
        if (from === 'u0') expect(kept.has(x.id)).toBe(below && clear);
      }
    }));
  });
});
