import { describe, expect, it } from 'vitest';
import { isRestorable, restorableUntil, RESTORE_WINDOW_DAYS } from './restoreWindow.js';

describe('the restore window', () => {
  const deletedAt = new Date('2026-11-25T10:00:00Z');
  it('ends 30 days after the deletion', () => {
    expect(RESTORE_WINDOW_DAYS).toBe(30);
    expect(restorableUntil(deletedAt).toISOString()).toBe('2026-12-25T10:00:00.000Z');
  });
  it('holds until the last millisecond before its end, and not at it', () => {
    expect(isRestorable(deletedAt, deletedAt)).toBe(true);
    expect(isRestorable(deletedAt, new Date('2026-12-25T09:59:59.999Z'))).toBe(true);
    expect(isRestorable(deletedAt, new Date('2026-12-25T10:00:00.000Z'))).toBe(false);
  });
});
