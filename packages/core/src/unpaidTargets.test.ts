import { describe, expect, it } from 'vitest';
import { unpaidTargets } from './unpaidTargets.js';

describe('unpaid targets', () => {
  const moals = [
    { id: 'tilgang', keyResultIds: ['tilgang-kr1', 'tilgang-kr2'] },
    { id: 'mestring', keyResultIds: ['mestring-kr1'] },
    { id: 'fellesskap', keyResultIds: [] },
  ];
  it('keeps the targets no link points at, directly or through a key result', () => {
    expect(unpaidTargets(moals, [{ objectiveId: 'tilgang' }])).toEqual(['mestring', 'fellesskap']);
    expect(unpaidTargets(moals, [{ keyResultId: 'mestring-kr1' }, { keyResultId: 'tilgang-kr2' }])).toEqual(['fellesskap']);
  });
  it('keeps them all when nothing pays in, and none when everything does', () => {
    expect(unpaidTargets(moals, [])).toEqual(['tilgang', 'mestring', 'fellesskap']);
    expect(unpaidTargets(moals, [{ keyResultId: 'tilgang-kr1' }, { objectiveId: 'mestring' }, { objectiveId: 'fellesskap' }])).toEqual([]);
  });
});
