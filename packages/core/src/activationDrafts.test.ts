import { describe, expect, it } from 'vitest';
import { activationRefusal } from './activationDrafts.js';

describe('activationRefusal', () => {
  const units = [
    { id: 'u2', name: 'Verving', draftCount: 1 },
    { id: 'u1', name: 'Arrangement', draftCount: 3 },
    { id: 'u3', name: 'Økonomi', draftCount: 0 },
  ];

  it('refuses while units have drafts, naming them in order with their counts', () => {
    const refusal = activationRefusal(units, false);
    expect(refusal?.code).toBe('unpublished_drafts');
    expect(refusal?.units).toEqual([{ id: 'u1', name: 'Arrangement', draftCount: 3 }, { id: 'u2', name: 'Verving', draftCount: 1 }]);
    expect(refusal?.message).toContain('Arrangement (3 drafts), Verving (1 draft)');
  });

  it('lets the cycle start when confirmed, or when no unit has drafts', () => {
    expect(activationRefusal(units, true)).toBeUndefined();
    expect(activationRefusal([{ id: 'u3', name: 'Økonomi', draftCount: 0 }], false)).toBeUndefined();
    expect(activationRefusal([], false)).toBeUndefined();
  });
});
