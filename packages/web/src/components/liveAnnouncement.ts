// What a screen reader hears of someone else's change that is on screen: "Jonas checked in on
// «Pasientopprop»: 45 000 → 56 450". Only the OKR work is told; the organisation's administration
// updates the screens silently.
import type { TFunction } from 'i18next';
import type { EventEntry } from '@varde/core';
import { number } from '../i18n/format';

const TOLD = new Set(['objective', 'keyResult', 'initiative']);
const ACTIONS = new Set(['created', 'changed', 'deleted', 'restored']);

export function announcementOf(e: EventEntry, t: TFunction, lang: string): string | null {
  const name = e.actor?.name ?? 'Varde';
  const title = e.subject.name;
  if (e.type === 'keyResult.checkedIn') {
    const value = e.changes.find((c) => c.field === 'value');
    const after = typeof value?.after === 'number' ? number(lang, value.after) : '';
    return typeof value?.before === 'number'
      ? t('live.checkedIn', { name, title, before: number(lang, value.before), after })
      : t('live.checkedInFirst', { name, title, after });
  }
  if (e.type === 'checkIn.changed') return t('live.checkInChanged', { name, title });
  if (e.type === 'checkIn.deleted') return t('live.checkInDeleted', { name, title });
  const action = e.type.slice(e.type.indexOf('.') + 1);
  return TOLD.has(e.subject.kind) && ACTIONS.has(action) ? t(`live.${action}`, { name, title }) : null;
}
