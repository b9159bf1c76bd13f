import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEPENDENCY_STATES, dependencyOpen, dependencyStepIssue, dependencyUnanswered, nextDependencyStates, type DependencyState } from './dependencyFlow.js';

describe('the flow of a dependency', () => {
  it('is answered from requested, and resolved once answered', () => {
    expect(nextDependencyStates('requested')).toEqual(['acknowledged', 'declined']);
    expect(nextDependencyStates('acknowledged')).toEqual(['resolved']);
    expect(nextDependencyStates('declined')).toEqual(['resolved']);
    expect(nextDependencyStates('resolved')).toEqual([]);
  });

  it('names the state for a step the flow has no arrow for', () => {
    expect(dependencyStepIssue('requested', 'resolved', null)).toMatchObject({ field: 'state', code: 'illegal_transition' });
    expect(dependencyStepIssue('acknowledged', 'declined', 'Nei')).toMatchObject({ field: 'state', code: 'illegal_transition' });
    expect(dependencyStepIssue('resolved', 'acknowledged', 'Ja')?.message).toBe('cannot change: the dependency is resolved');
    expect(dependencyStepIssue('acknowledged', 'acknowledged', 'Ja')?.message).toBe('cannot go from acknowledged to acknowledged; from acknowledged it goes to resolved');
    expect(dependencyStepIssue('declined', 'requested', null)).toMatchObject({ field: 'state' });
  });

  it('takes an acknowledgement with or without a reply, but a decline only with its reason', () => {
    expect(dependencyStepIssue('requested', 'acknowledged', 'Vi leverer tallene innen fredag')).toBeNull();
    expect(dependencyStepIssue('requested', 'acknowledged', undefined)).toBeNull();
    expect(dependencyStepIssue('requested', 'declined', '  ')).toEqual({ field: 'reply', code: 'required', message: 'must give the reason for declining' });
    expect(dependencyStepIssue('requested', 'declined', 'Vi har ikke kapasitet før i mars')).toBeNull();
    expect(dependencyStepIssue('acknowledged', 'resolved', null)).toBeNull();
  });

  it('is open until resolved', () => {
    expect(DEPENDENCY_STATES.filter(dependencyOpen)).toEqual(['requested', 'acknowledged', 'declined']);
  });

  it('property: every state reaches resolved, nothing leaves it, and nothing returns to requested', () => {
    const state = fc.constantFrom(...DEPENDENCY_STATES);
    fc.assert(fc.property(state, state, (a, b) => {
      if (b === 'requested' || a === 'resolved' || a === b) expect(dependencyStepIssue(a, b, 'grunn')?.field).toBe('state');
    }));
    for (const s of DEPENDENCY_STATES) {
      let at: DependencyState = s;
      for (let i = 0; i < 3 && at !== 'resolved'; i++) at = nextDependencyStates(at).at(-1)!;
      expect(at).toBe('resolved');
    }
  });
});

describe('an unanswered dependency', () => {
  const raisedAt = '2026-11-02T09:00:00.000Z';
  it('is marked a week after it was raised while still requested', () => {
    expect(dependencyUnanswered({ state: 'requested', raisedAt }, new Date('2026-11-09T08:59:59.999Z'))).toBe(false);
    expect(dependencyUnanswered({ state: 'requested', raisedAt }, new Date('2026-11-09T09:00:00.000Z'))).toBe(true);
  });
  it('is never marked once answered', () => {
    for (const state of ['acknowledged', 'declined', 'resolved'] as const) {
      expect(dependencyUnanswered({ state, raisedAt }, new Date('2027-01-01T00:00:00Z'))).toBe(false);
    }
  });
});
