// An organisation row for storage tests that need one to hang rows on, written straight to the store.
import type { NewOrganisation } from '../store/organisations.js';

export function testOrganisation(id: string, name = id): NewOrganisation {
  return {
    id, name, language: 'nb', timeZone: 'Europe/Oslo', fiscalYearStartMonth: 1, cycleCadence: 'quarter', checkInCadenceDays: 7,
    strategy: { mission: '', vision: '', values: [], themes: [] }, isDemo: false, now: '2026-11-25T10:00:00.000Z',
  };
}
