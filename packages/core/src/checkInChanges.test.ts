import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkInChanges, type CheckInChangeFacts } from './checkInChanges.js';

const author = { personId: 'p-author', isAdmin: false };
// 23:30 in Oslo on 25 November is 22:30 UTC; the next Oslo day begins at 23:00 UTC.
const facts = (over: Partial<CheckInChangeFacts> = {}): CheckInChangeFacts => ({
  actor: author, checkIn: { authorId: 'p-author', createdAt: new Date('2026-11-25T08:00:00Z') }, keyResultOwnerId: 'p-owner',
  now: new Date('2026-11-25T22:30:00Z'), timeZone: 'Europe/Oslo', readOnly: false, ...over,
});

describe('checkInChanges', () => {
  it('lets the author change a check-in on the day it was made, in the organisation\'s time zone', () => {
    expect(checkInChanges(facts())).toEqual({ edit: true, delete: true });
    // Past midnight in Oslo, though still 25 November in UTC.
    expect(checkInChanges(facts({ now: new Date('2026-11-25T23:10:00Z') }))).toEqual({ edit: false, delete: false });
    expect(checkInChanges(facts({ now: new Date('2026-11-25T23:10:00Z'), timeZone: 'UTC' }))).toEqual({ edit: true, delete: true });
  });
  it('lets the key result\'s owner and admins change it later, and no other member', () => {
    const later = new Date('2026-12-09T10:00:00Z');
    expect(checkInChanges(facts({ now: later, actor: { personId: 'p-owner', isAdmin: false } })).edit).toBe(true);
    expect(checkInChanges(facts({ now: later, actor: { personId: 'p-admin', isAdmin: true } })).delete).toBe(true);
    expect(checkInChanges(facts({ actor: { personId: 'p-other', isAdmin: false } }))).toEqual({ edit: false, delete: false });
    expect(checkInChanges(facts({ checkIn: { authorId: null, createdAt: new Date('2026-11-25T08:00:00Z') }, keyResultOwnerId: null, actor: { personId: 'p-other', isAdmin: false } })).edit).toBe(false);
  });
  it('lets nobody change a read-only key result\'s check-ins', () => {
    fc.assert(fc.property(fc.boolean(), fc.constantFrom('p-author', 'p-owner', 'p-other'), (isAdmin, personId) => {
      expect(checkInChanges(facts({ readOnly: true, actor: { personId, isAdmin } }))).toEqual({ edit: false, delete: false });
    }));
  });
  it('never allows less to an admin than to anyone else', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2026-01-01'), max: new Date('2027-01-01'), noInvalidDate: true }), fc.constantFrom('p-author', 'p-owner', 'p-other'), (now, personId) => {
      const member = checkInChanges(facts({ now, actor: { personId, isAdmin: false } }));
      const admin = checkInChanges(facts({ now, actor: { personId, isAdmin: true } }));
      expect(admin.edit || !member.edit).toBe(true);
      expect(admin.edit).toBe(true);
    }));
  });
});
