import { describe, expect, it } from 'vitest';
import { closingRefusal } from './periodClosing.js';

describe('closingRefusal', () => {
  const units = [{ id: 'b', name: 'Salg', closed: false }, { id: 'a', name: 'Drift', closed: true }, { id: 'c', name: 'Økonomi', closed: false }];

  it('names the units whose review is not closed, by name', () => {
    const r = closingRefusal(units, false);
    expect(r?.code).toBe('reviews_not_closed');
    expect(r?.units).toEqual([{ id: 'b', name: 'Salg' }, { id: 'c', name: 'Økonomi' }]);
    expect(r?.message).toContain('Salg, Økonomi');
  });
  it('lets the cycle close once confirmed, or when every review is closed', () => {
    expect(closingRefusal(units, true)).toBeUndefined();
    expect(closingRefusal(units.map((u) => ({ ...u, closed: true })), false)).toBeUndefined();
    expect(closingRefusal([], false)).toBeUndefined();
  });
});
