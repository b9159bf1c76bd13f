import { describe, expect, it } from 'vitest';
import { namedOnce, unitPageNames } from './unitPageNames.js';

describe('unitPageNames', () => {
  it('names every owner once, sorted, objectives, key results and initiatives alike', () => {
    const objectives = [
      { ownerIds: ['c', 'a'], keyResults: [{ ownerId: 'b' }, { ownerId: null }] },
      { ownerIds: [], keyResults: [{ ownerId: 'a' }] },
    ];
    expect(unitPageNames(objectives, [{ ownerId: 'd' }, { ownerId: null }, { ownerId: 'c' }])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('names nobody on a page without owners', () => {
    expect(unitPageNames([], [])).toEqual([]);
    expect(namedOnce([null, undefined, ''])).toEqual([]);
  });
});
