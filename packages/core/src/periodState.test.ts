import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PERIOD_STATES, canTransition, type PeriodState } from './periodState.js';

describe('canTransition', () => {
  it('lists the states in the order of the cycle', () => {
    expect(PERIOD_STATES).toEqual(['planning', 'active', 'review', 'closed']);
  });

  it('moves one step forward: planning → active → review → closed', () => {
    expect(canTransition('planning', 'active')).toBe(true);
    expect(canTransition('active', 'review')).toBe(true);
    expect(canTransition('review', 'closed')).toBe(true);
  });

  it('reopens one step back', () => {
    expect(canTransition('active', 'planning')).toBe(true);
    expect(canTransition('review', 'active')).toBe(true);
    expect(canTransition('closed', 'review')).toBe(true);
  });

  it('does not jump or stay', () => {
    expect(canTransition('planning', 'review')).toBe(false);
    expect(canTransition('planning', 'closed')).toBe(false);
    expect(canTransition('closed', 'active')).toBe(false);
    expect(canTransition('closed', 'planning')).toBe(false);
    expect(canTransition('active', 'active')).toBe(false);
  });

  it('rejects unknown states', () => {
    expect(canTransition('draft' as PeriodState, 'planning')).toBe(false);
    expect(canTransition('planning', 'draft' as PeriodState)).toBe(false);
  });

  it('property: symmetric, never to itself, and every state reachable from planning', () => {
    const state = fc.constantFrom(...PERIOD_STATES);
    fc.assert(
      fc.property(state, state, (a, b) => {
        expect(canTransition(a, b)).toBe(canTransition(b, a));
        if (a === b) expect(canTransition(a, b)).toBe(false);
      }),
    );
    const seen = new Set<PeriodState>(['planning']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const a of [...seen]) for (const b of PERIOD_STATES) if (!seen.has(b) && canTransition(a, b)) { seen.add(b); changed = true; }
    }
    expect(seen.size).toBe(4);
  });
});
