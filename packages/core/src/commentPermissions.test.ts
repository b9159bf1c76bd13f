import { describe, expect, it } from 'vitest';
import { commentCan, mayComment } from './commentPermissions.js';
import { mayClearContradiction, mayFlagContradiction } from './contradictionPermissions.js';

const open = { archivedAt: null };
const archived = { archivedAt: '2026-09-08T10:00:00Z' };
const kari = { personId: 'kari', isAdmin: false };
const ola = { personId: 'ola', isAdmin: false };
const admin = { personId: 'hanne', isAdmin: true };

describe('comments', () => {
  it('anyone may comment, except in an archived unit', () => {
    expect(mayComment(open)).toBe(true);
    expect(mayComment(archived)).toBe(false);
  });
  it('the author edits and deletes their comment; an admin deletes it but does not put words in their mouth', () => {
    const mine = { authorId: 'kari' };
    expect(commentCan(kari, mine, open)).toEqual({ edit: true, delete: true });
    expect(commentCan(ola, mine, open)).toEqual({ edit: false, delete: false });
    expect(commentCan(admin, mine, open)).toEqual({ edit: false, delete: true });
    expect(commentCan(kari, { authorId: null }, open)).toEqual({ edit: false, delete: false });
  });
  it('nothing changes in an archived unit', () => {
    expect(commentCan(kari, { authorId: 'kari' }, archived)).toEqual({ edit: false, delete: false });
    expect(commentCan(admin, { authorId: 'kari' }, archived)).toEqual({ edit: false, delete: false });
  });
});

describe('contradiction flags', () => {
  it('members of either unit or of a unit above, and admins, flag and clear them', () => {
    const member = [{ actorIsMemberOrAbove: false }, { actorIsMemberOrAbove: true }];
    const nobody = [{ actorIsMemberOrAbove: false }, { actorIsMemberOrAbove: false }];
    expect(mayFlagContradiction({ isAdmin: false }, member)).toBe(true);
    expect(mayFlagContradiction({ isAdmin: false }, nobody)).toBe(false);
    expect(mayFlagContradiction({ isAdmin: true }, nobody)).toBe(true);
    expect(mayClearContradiction({ isAdmin: false }, nobody)).toBe(false);
    expect(mayClearContradiction({ isAdmin: false }, member)).toBe(true);
  });
});
