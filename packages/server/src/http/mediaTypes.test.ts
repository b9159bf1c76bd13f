import { describe, expect, it } from 'vitest';
import { prefersCsv } from './mediaTypes.js';

describe('prefersCsv', () => {
  it('answers CSV only to a client that names it, at least as much as JSON', () => {
    expect(prefersCsv('text/csv')).toBe(true);
    expect(prefersCsv('text/csv, application/json;q=0.5')).toBe(true);
    expect(prefersCsv('application/json;q=0.9, Text/CSV')).toBe(true);
    expect(prefersCsv('application/json, text/csv;q=0.5')).toBe(false);
    expect(prefersCsv('text/csv;q=0')).toBe(false);
    expect(prefersCsv('*/*')).toBe(false);
    expect(prefersCsv('application/json')).toBe(false);
    expect(prefersCsv(undefined)).toBe(false);
    expect(prefersCsv('text/csvx')).toBe(false);
  });
});
