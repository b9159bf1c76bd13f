import { describe, expect, it } from 'vitest';
import { eventTimeBounds, isEventTime } from './eventTimeRange.js';

describe('isEventTime', () => {
  it('takes dates and instants with an offset', () => {
    for (const ok of ['2026-11-03', '2026-11-03T08:00:00Z', '2026-11-03T08:00Z', '2026-11-03T08:00:00.123+01:00', '2024-02-29']) expect(isEventTime(ok), ok).toBe(true);
  });
  it('refuses what is not a real time, or has no offset', () => {
    for (const bad of ['', 'yesterday', '2026-02-30', '2026-13-01', '2026-11-03T08:00:00', '2026-11-03T24:00:00Z', '2025-02-29', '3.11.2026', '1730000000']) expect(isEventTime(bad), bad).toBe(false);
  });
});

describe('eventTimeBounds', () => {
  it('takes a date as that day in the time zone, the end date whole', () => {
    // Oslo is UTC+1 in November.
    expect(eventTimeBounds({ from: '2026-11-03', to: '2026-11-30' }, 'Europe/Oslo')).toEqual({
      from: '2026-11-02T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z',
    });
    // …and UTC+2 in summer.
    expect(eventTimeBounds({ from: '2026-06-01' }, 'Europe/Oslo')).toEqual({ from: '2026-05-31T22:00:00.000Z' });
  });
  it('takes an instant as written, in UTC', () => {
    expect(eventTimeBounds({ from: '2026-11-03T08:00:00+01:00', to: '2026-11-03T10:00Z' }, 'Europe/Oslo')).toEqual({
      from: '2026-11-03T07:00:00.000Z', to: '2026-11-03T10:00:00.000Z',
    });
  });
  it('leaves out an open end', () => {
    expect(eventTimeBounds({}, 'UTC')).toEqual({});
  });
});
