import { describe, expect, it } from 'vitest';
import { kpiCan } from './kpiPermissions.js';

const open = { archivedAt: null, actorIsMember: false };
const member = { archivedAt: null, actorIsMember: true };
const archived = { archivedAt: '2026-01-01T00:00:00.000Z', actorIsMember: true };

describe('kpiCan', () => {
  it('members and admins change, delete and check in', () => {
    expect(kpiCan({ personId: 'p', isAdmin: false }, { unit: member, ownerId: null })).toEqual({ edit: true, delete: true, checkIn: true });
    expect(kpiCan({ personId: 'a', isAdmin: true }, { unit: open, ownerId: null })).toEqual({ edit: true, delete: true, checkIn: true });
  });
  it('the owner who is not a member only checks in; anyone else only reads', () => {
    expect(kpiCan({ personId: 'o', isAdmin: false }, { unit: open, ownerId: 'o' })).toEqual({ edit: false, delete: false, checkIn: true });
    expect(kpiCan({ personId: 'x', isAdmin: false }, { unit: open, ownerId: 'o' })).toEqual({ edit: false, delete: false, checkIn: false });
  });
  it("an archived unit's KPIs take nothing, not even from the owner or an admin", () => {
    expect(kpiCan({ personId: 'o', isAdmin: true }, { unit: archived, ownerId: 'o' })).toEqual({ edit: false, delete: false, checkIn: false });
  });
});
