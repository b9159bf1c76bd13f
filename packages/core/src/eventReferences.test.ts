import { describe, expect, it } from 'vitest';
import { isReferenceField, referencedIds } from './eventReferences.js';

describe('referencedIds', () => {
  it('finds the ids of owners, periods, parents, alignments and members, before and after', () => {
    const ids = referencedIds([
      { field: 'ownerIds', before: ['p1'], after: ['p1', 'p2'] },
      { field: 'ownerId', before: null, after: 'p3' },
      { field: 'periodId', before: 'q1', after: 'q2' },
      { field: 'parentId', before: 'u1', after: null },
      { field: 'alignments', before: [{ objectiveId: 'o1' }], after: [{ keyResultId: 'k1' }] },
      { field: 'members', before: [], after: [{ personId: 'p4', role: 'lead' }] },
    ]);
    expect([...ids].sort()).toEqual(['k1', 'o1', 'p1', 'p2', 'p3', 'p4', 'q1', 'q2', 'u1']);
  });

  it('leaves out values that are not ids: titles, numbers, a member\'s role', () => {
    expect(referencedIds([
      { field: 'title', before: 'p1', after: 'p2' },
      { field: 'target', before: 40, after: 45 },
      { field: 'members', before: [{ personId: 'p1', role: 'lead' }], after: null },
    ])).toEqual(new Set(['p1']));
  });

  it('knows which fields refer to something', () => {
    expect(['ownerIds', 'alignments', 'members', 'periodId'].every(isReferenceField)).toBe(true);
    expect(['title', 'target', 'comment', 'role'].some(isReferenceField)).toBe(false);
  });
});
