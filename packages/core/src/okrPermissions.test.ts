import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkInRefusalReason, keyResultCan, mayChangeOkrs, objectiveCan, type CheckInFacts, type OkrActor } from './okrPermissions.js';

const ARCHIVED = '2026-11-01T10:00:00Z';
const member: OkrActor = { personId: 'p-member', isAdmin: false };
const owner: OkrActor = { personId: 'p-owner', isAdmin: false };
const admin: OkrActor = { personId: 'p-admin', isAdmin: true };
const stranger: OkrActor = { personId: 'p-stranger', isAdmin: false };
/** The facts as `actor` sees a key result of team Alfa owned by p-owner, who is no member of it. */
const facts = (actor: OkrActor, over: Partial<CheckInFacts> & { archivedAt?: string | null } = {}): CheckInFacts => ({
  unit: { archivedAt: over.archivedAt ?? null, actorIsMember: actor === member }, ownerId: 'p-owner', periodState: 'active', ...over,
});

describe('mayChangeOkrs', () => {
  it('lets admins and members change OKRs, nobody in an archived unit', () => {
    expect(mayChangeOkrs({ isAdmin: true }, { archivedAt: null, actorIsMember: false })).toBe(true);
    expect(mayChangeOkrs({ isAdmin: false }, { archivedAt: null, actorIsMember: true })).toBe(true);
    expect(mayChangeOkrs({ isAdmin: false }, { archivedAt: null, actorIsMember: false })).toBe(false);
    expect(mayChangeOkrs({ isAdmin: true }, { archivedAt: ARCHIVED, actorIsMember: true })).toBe(false);
  });
});

describe('keyResultCan', () => {
  it('lets a member and an admin do everything, and the owner who is no member only check in', () => {
    expect(keyResultCan(member, facts(member))).toEqual({ edit: true, delete: true, checkIn: true });
    expect(keyResultCan(admin, facts(admin))).toEqual({ edit: true, delete: true, checkIn: true });
    expect(keyResultCan(owner, facts(owner))).toEqual({ edit: false, delete: false, checkIn: true });
    expect(keyResultCan(stranger, facts(stranger))).toEqual({ edit: false, delete: false, checkIn: false });
    expect(keyResultCan(owner, facts(owner, { ownerId: null }))).toEqual({ edit: false, delete: false, checkIn: false });
  });
  it('takes no check-in in a closed period, while the key result may still be corrected', () => {
    expect(keyResultCan(member, facts(member, { periodState: 'closed' }))).toEqual({ edit: true, delete: true, checkIn: false });
    expect(keyResultCan(owner, facts(owner, { periodState: 'closed' })).checkIn).toBe(false);
    for (const periodState of ['planning', 'active', 'review']) expect(keyResultCan(owner, facts(owner, { periodState })).checkIn).toBe(true);
  });
  it('allows nothing to anyone in an archived unit', () => {
    fc.assert(fc.property(fc.boolean(), fc.boolean(), fc.constantFrom('p-owner', 'p-other'), fc.constantFrom('planning', 'active', 'review', 'closed'),
      (isAdmin, actorIsMember, personId, periodState) => {
        const kr: CheckInFacts = { unit: { archivedAt: ARCHIVED, actorIsMember }, ownerId: 'p-owner', periodState };
        expect(keyResultCan({ personId, isAdmin }, kr)).toEqual({ edit: false, delete: false, checkIn: false });
        expect(checkInRefusalReason({ personId, isAdmin }, kr)).toBe('unit_archived');
      }));
  });
  it('lets whoever may edit a key result check in on it unless the period is closed, and never lets less to an admin', () => {
    const arbitraryFacts = fc.record({
      unit: fc.record({ archivedAt: fc.constantFrom(null, ARCHIVED), actorIsMember: fc.boolean() }),
      ownerId: fc.constantFrom(null, 'p-owner', 'p-other'),
      periodState: fc.constantFrom('planning', 'active', 'review', 'closed'),
    });
    fc.assert(fc.property(arbitraryFacts, fc.constantFrom('p-owner', 'p-other'), (kr, personId) => {
      const can = keyResultCan({ personId, isAdmin: false }, kr);
      const adminCan = keyResultCan({ personId, isAdmin: true }, kr);
      expect(can.edit).toBe(can.delete);
      if (can.edit && kr.periodState !== 'closed') expect(can.checkIn).toBe(true);
      for (const what of ['edit', 'delete', 'checkIn'] as const) if (can[what]) expect(adminCan[what]).toBe(true);
      // What `can` says is exactly whether a check-in would be refused.
      expect(can.checkIn).toBe(checkInRefusalReason({ personId, isAdmin: false }, kr) === null);
    }));
  });
});

describe('checkInRefusalReason', () => {
  it('names why, an archived unit before the rights and the rights before the period', () => {
    expect(checkInRefusalReason(stranger, facts(stranger, { archivedAt: ARCHIVED, periodState: 'closed' }))).toBe('unit_archived');
    expect(checkInRefusalReason(stranger, facts(stranger, { periodState: 'closed' }))).toBe('not_allowed');
    expect(checkInRefusalReason(owner, facts(owner, { periodState: 'closed' }))).toBe('period_closed');
    expect(checkInRefusalReason(owner, facts(owner))).toBeNull();
  });
});

describe('objectiveCan', () => {
  it('gives an objective what a key result without an owner would be given', () => {
    fc.assert(fc.property(fc.boolean(), fc.boolean(), fc.constantFrom(null, ARCHIVED), fc.constantFrom('planning', 'active', 'review', 'closed'),
      (isAdmin, actorIsMember, archivedAt, periodState) => {
        const unit = { archivedAt, actorIsMember };
        expect(objectiveCan({ personId: 'p-owner', isAdmin }, { unit, periodState })).toEqual(keyResultCan({ personId: 'p-owner', isAdmin }, { unit, periodState, ownerId: null }));
      }));
  });
  it('does not let the owner of one of its key results check in on all of them', () => {
    expect(objectiveCan(owner, { unit: { archivedAt: null, actorIsMember: false }, periodState: 'active' })).toEqual({ edit: false, delete: false, checkIn: false });
    expect(objectiveCan(member, { unit: { archivedAt: null, actorIsMember: true }, periodState: 'active' })).toEqual({ edit: true, delete: true, checkIn: true });
  });
});
