import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { EventEntry } from '@varde/core';
import en from '../i18n/en.json';
import nb from '../i18n/nb.json';
import { announcementOf } from './liveAnnouncement';

const i18n = i18next.createInstance();
await i18n.init({ lng: 'nb', resources: { en: { translation: en }, nb: { translation: nb } }, interpolation: { escapeValue: false } });

const event = (type: EventEntry['type'], kind: EventEntry['subject']['kind'], changes: EventEntry['changes'] = []): EventEntry => ({
  id: 'e1', seq: 1, type, at: '2026-11-25T10:00:00Z', actor: { id: 'p-jonas', name: 'Jonas' }, changes,
  subject: { kind, id: 'x', name: 'Pasientopprop', unitId: 'u1', objectiveId: 'o1', keyResultId: 'k1' },
});

describe('announcementOf', () => {
  it('tells a check-in with the value before and after, in the language read', () => {
    const e = event('keyResult.checkedIn', 'checkIn', [{ field: 'value', before: 45_000, after: 56_450 }, { field: 'confidence', before: 7, after: 8 }]);
    expect(announcementOf(e, i18n.getFixedT('nb'), 'nb')).toBe('Jonas sjekket inn på «Pasientopprop»: 45\u00a0000 → 56\u00a0450');
    expect(announcementOf(e, i18n.getFixedT('en'), 'en')).toBe('Jonas checked in on «Pasientopprop»: 45,000 → 56,450');
  });
  it('tells a first check-in by its value alone', () => {
    expect(announcementOf(event('keyResult.checkedIn', 'checkIn', [{ field: 'value', before: null, after: 3 }]), i18n.getFixedT('en'), 'en'))
      .toBe('Jonas checked in on «Pasientopprop»: 3');
  });
  it('tells changes to OKRs, and nothing of the administration', () => {
    expect(announcementOf(event('objective.changed', 'objective'), i18n.getFixedT('en'), 'en')).toBe('Jonas changed «Pasientopprop»');
    expect(announcementOf(event('keyResult.deleted', 'keyResult'), i18n.getFixedT('en'), 'en')).toBe('Jonas deleted «Pasientopprop»');
    expect(announcementOf(event('unit.changed', 'unit'), i18n.getFixedT('en'), 'en')).toBeNull();
    expect(announcementOf(event('person.changed', 'person'), i18n.getFixedT('en'), 'en')).toBeNull();
  });
});
