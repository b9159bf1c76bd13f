import { describe, expect, it } from 'vitest';
import { dependencyCan, mayRaiseDependency, mayTakeDependencyStep, type DependencySides } from './dependencyPermissions.js';

// The campaign team (from) needs the analysis team (to) to deliver the waiting-time figures.
const person = { isAdmin: false };
const admin = { isAdmin: true };
const raising: DependencySides = { from: { actorIsMember: true }, to: { actorIsMember: false } };
const asked: DependencySides = { from: { actorIsMember: false }, to: { actorIsMember: true } };
const third: DependencySides = { from: { actorIsMember: false }, to: { actorIsMember: false } };

describe('who may raise a dependency', () => {
  it("the raising unit's members and admins, while the unit is not archived", () => {
    expect(mayRaiseDependency(person, { actorIsMember: true, archivedAt: null })).toBe(true);
    expect(mayRaiseDependency(person, { actorIsMember: false, archivedAt: null })).toBe(false);
    expect(mayRaiseDependency(admin, { actorIsMember: false, archivedAt: null })).toBe(true);
    expect(mayRaiseDependency(admin, { actorIsMember: true, archivedAt: '2026-10-01T00:00:00Z' })).toBe(false);
  });
});

describe('who may take a step', () => {
  it("the asked unit's members answer it; the raising unit's members do not", () => {
    expect(mayTakeDependencyStep(person, asked, 'acknowledged')).toBe(true);
    expect(mayTakeDependencyStep(person, asked, 'declined')).toBe(true);
    expect(mayTakeDependencyStep(person, raising, 'acknowledged')).toBe(false);
    expect(mayTakeDependencyStep(person, raising, 'declined')).toBe(false);
  });
  it('members of either unit resolve it; a member of a third unit takes no step, an admin every one', () => {
    expect(mayTakeDependencyStep(person, raising, 'resolved')).toBe(true);
    expect(mayTakeDependencyStep(person, asked, 'resolved')).toBe(true);
    for (const step of ['acknowledged', 'declined', 'resolved'] as const) {
      expect(mayTakeDependencyStep(person, third, step)).toBe(false);
      expect(mayTakeDependencyStep(admin, third, step)).toBe(true);
    }
  });
});

describe('can on a dependency', () => {
  it('offers only the next steps of the flow that the side may take', () => {
    expect(dependencyCan(person, { state: 'requested', sides: asked })).toEqual({ acknowledge: true, decline: true, resolve: false });
    expect(dependencyCan(person, { state: 'requested', sides: raising })).toEqual({ acknowledge: false, decline: false, resolve: false });
    expect(dependencyCan(person, { state: 'acknowledged', sides: raising })).toEqual({ acknowledge: false, decline: false, resolve: true });
    expect(dependencyCan(person, { state: 'declined', sides: asked })).toEqual({ acknowledge: false, decline: false, resolve: true });
    expect(dependencyCan(admin, { state: 'resolved', sides: third })).toEqual({ acknowledge: false, decline: false, resolve: false });
    expect(dependencyCan(person, { state: 'acknowledged', sides: third })).toEqual({ acknowledge: false, decline: false, resolve: false });
  });
});
