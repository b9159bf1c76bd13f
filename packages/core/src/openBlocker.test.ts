import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openBlocker } from './openBlocker.js';

describe('openBlocker', () => {
  it('is the newest check-in\'s blockers, trimmed, with when and by whom', () => {
    expect(openBlocker({ blockers: '  Venter på juristene ', createdAt: '2026-11-20T10:00:00.000Z', authorName: 'Kari' }))
      .toEqual({ text: 'Venter på juristene', since: '2026-11-20T10:00:00.000Z', authorName: 'Kari' });
  });
  it('is cleared by a newest check-in without blockers', () => {
    expect(openBlocker({ blockers: null, createdAt: '2026-11-20T10:00:00.000Z', authorName: 'Kari' })).toBeNull();
    expect(openBlocker({ blockers: '   ', createdAt: '2026-11-20T10:00:00.000Z', authorName: null })).toBeNull();
    expect(openBlocker(null)).toBeNull();
  });
  it('is open exactly when the blockers hold more than white space', () => {
    fc.assert(fc.property(fc.option(fc.string()), (blockers) => {
      const b = openBlocker({ blockers, createdAt: 'x', authorName: null });
      expect(b !== null).toBe((blockers ?? '').trim() !== '');
      if (b) expect(b.text).toBe(blockers!.trim());
    }));
  });
});
