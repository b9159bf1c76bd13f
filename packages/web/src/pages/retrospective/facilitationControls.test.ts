import { describe, expect, it } from 'vitest';
import { facilitationCommandOf, RETROSPECTIVE_MS, STEPS, stepShareMs } from './facilitationControls';

const key = (k: string, mod: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mod });

describe('the facilitated retrospective', () => {
  it('goes through the six questions and then the actions, sharing the two hours', () => {
    expect(STEPS).toEqual(['mood', 'reachingGoals', 'inclusion', 'support', 'method', 'stop', 'actions']);
    expect(stepShareMs * STEPS.length).toBe(RETROSPECTIVE_MS);
  });
  it('takes N, P, the arrows, O and Escape, and leaves the browser its own shortcuts', () => {
    expect(['n', 'N', 'ArrowRight'].map((k) => facilitationCommandOf(key(k)))).toEqual(['next', 'next', 'next']);
    expect(['p', 'P', 'ArrowLeft'].map((k) => facilitationCommandOf(key(k)))).toEqual(['previous', 'previous', 'previous']);
    expect(facilitationCommandOf(key('o'))).toBe('note');
    expect(facilitationCommandOf(key('Escape'))).toBe('leave');
    expect(facilitationCommandOf(key('n', { ctrlKey: true }))).toBeNull();
    expect(facilitationCommandOf(key('x'))).toBeNull();
  });
});
