import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createdChanges, deletedChanges, fieldChanges } from './fieldChanges.js';

describe('fieldChanges', () => {
  const before = { title: 'Flere medlemmer', target: 40, ownerIds: ['a'], description: '' };
  it('lists only the fields that changed, with both values', () => {
    expect(fieldChanges(before, { title: 'Flere medlemmer', target: 45 }, ['title', 'target', 'ownerIds'])).toEqual([
      { field: 'target', before: 40, after: 45 },
    ]);
  });
  it('compares lists by their contents', () => {
    expect(fieldChanges(before, { ownerIds: ['a'] }, ['ownerIds'])).toEqual([]);
    expect(fieldChanges(before, { ownerIds: ['a', 'b'] }, ['ownerIds'])).toEqual([{ field: 'ownerIds', before: ['a'], after: ['a', 'b'] }]);
  });
  it('ignores fields that are not named or not given', () => {
    expect(fieldChanges(before, { description: 'ny' }, ['title'])).toEqual([]);
    expect(fieldChanges(before, { title: undefined }, ['title'])).toEqual([]);
  });
  it('says nothing changed when nothing did, and undoes itself', () => {
    fc.assert(fc.property(fc.record({ a: fc.integer(), b: fc.string() }), fc.record({ a: fc.integer(), b: fc.string() }), (x, y) => {
      expect(fieldChanges(x, x, ['a', 'b'])).toEqual([]);
      const forth = fieldChanges(x, y, ['a', 'b']);
      const back = fieldChanges(y, x, ['a', 'b']);
      expect(back).toEqual(forth.map((c) => ({ field: c.field, before: c.after, after: c.before })));
    }));
  });
});

describe('created and deleted', () => {
  it('hold the object whole, from nothing or to nothing', () => {
    expect(createdChanges({ title: 'T', weight: 1, ownerId: null }, ['title', 'weight', 'ownerId'])).toEqual([
      { field: 'title', before: null, after: 'T' }, { field: 'weight', before: null, after: 1 }, { field: 'ownerId', before: null, after: null },
    ]);
    expect(deletedChanges({ title: 'T' }, ['title'])).toEqual([{ field: 'title', before: 'T', after: null }]);
  });
});
