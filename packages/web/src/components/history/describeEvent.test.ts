// The sentences of the histories and activity lists, as the three languages write them, for every
// type of event, with names for ids and values formatted as the app formats them.
import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '@varde/core/rules';
import type { EventEntry } from '@varde/core';
import nb from '../../i18n/nb.json';
import sv from '../../i18n/sv.json';
import en from '../../i18n/en.json';
import historyNb from '../../i18n/history/nb.json';
import historySv from '../../i18n/history/sv.json';
import historyEn from '../../i18n/history/en.json';
import { describeEvent, fieldRows, type EventContext } from './describeEvent';

type Lang = 'nb' | 'sv' | 'en';
async function translator(lng: Lang): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({
    resources: { nb: { translation: nb, history: historyNb }, sv: { translation: sv, history: historySv }, en: { translation: en, history: historyEn } },
    lng, ns: ['translation', 'history'], defaultNS: 'history', interpolation: { escapeValue: false },
  });
  return i18n.t;
}

const KR = 'k1';
const event = (over: Partial<EventEntry>): EventEntry => ({
  id: 'e1', seq: 1, type: 'keyResult.changed', at: '2026-11-03T09:00:00.000Z', actor: { id: 'p1', name: 'Marte Haugen' },
  subject: { kind: 'keyResult', id: KR, name: 'Pasientopprop', unitId: 'u1', objectiveId: 'o1', keyResultId: KR },
  changes: [], ...over,
});
const checkedIn = event({
  type: 'keyResult.checkedIn', actor: { id: 'p2', name: 'Jonas Bakke' },
  subject: { kind: 'checkIn', id: 'c1', name: 'Pasientopprop', unitId: 'u1', objectiveId: 'o1', keyResultId: KR },
  changes: [{ field: 'value', before: 45000, after: 56450 }, { field: 'confidence', before: 7, after: 8 }, { field: 'comment', before: null, after: 'Rekordmåned' }],
});
const names = { p1: 'Marte Haugen', p3: 'Kari Nordmann', q1: 'Q4 2026', o9: 'Flere medlemmer' };

describe('describeEvent', () => {
  const ctx = async (lang: Lang, over: Partial<EventContext> = {}): Promise<EventContext> => ({ t: await translator(lang), lang, timeZone: 'Europe/Oslo', names, ...over });

  it('says a change of the target on the key result\'s own page without naming it', async () => {
    const e = event({ changes: [{ field: 'target', before: 40, after: 45 }] });
    expect(describeEvent(e, await ctx('en', { ownId: KR })).sentence).toBe('Marte Haugen changed the target from 40 to 45');
    expect(describeEvent(e, await ctx('nb', { ownId: KR })).sentence).toBe('Marte Haugen endret målverdien fra 40 til 45');
    expect(describeEvent(e, await ctx('sv', { ownId: KR })).sentence).toBe('Marte Haugen ändrade målvärdet från 40 till 45');
    expect(describeEvent(e, await ctx('en', { ownId: 'o1' })).sentence).toBe('Marte Haugen changed «Pasientopprop»: the target from 40 to 45');
  });

  it('says a check-in with its values, and its comment apart', async () => {
    const en = describeEvent(checkedIn, await ctx('en'));
    expect(en.sentence).toBe('Jonas Bakke checked in on «Pasientopprop»: 45,000 → 56,450, confidence 8');
    expect(en.quotes).toEqual([{ label: 'Comment', text: 'Rekordmåned' }]);
    // Norwegian groups thousands with a (narrow) no-break space.
    expect(describeEvent(checkedIn, await ctx('nb')).sentence.replace(/\s/g, ' ')).toBe('Jonas Bakke sjekket inn på «Pasientopprop»: 45 000 → 56 450, sikkerhet 8');
    expect(describeEvent(checkedIn, await ctx('en', { ownId: KR })).sentence).toBe('Jonas Bakke checked in: 45,000 → 56,450, confidence 8');
    const first = { ...checkedIn, changes: [{ field: 'value', before: null, after: 12 }, { field: 'confidence', before: null, after: 7 }] };
    expect(describeEvent(first, await ctx('en')).sentence).toBe('Jonas Bakke checked in on «Pasientopprop»: 12, confidence 7');
    const removed = event({ type: 'checkIn.deleted', subject: checkedIn.subject, changes: [{ field: 'value', before: 12, after: null }, { field: 'confidence', before: 7, after: null }] });
    expect(describeEvent(removed, await ctx('en')).sentence).toBe('Marte Haugen removed a check-in on «Pasientopprop» (12, confidence 7)');
  });

  it('names people, periods and targets by the names the page came with, and says what was deleted since', async () => {
    const e = event({ type: 'objective.changed', subject: { kind: 'objective', id: 'o1', name: 'Tryggere oppfølging', unitId: 'u1', objectiveId: 'o1', keyResultId: null }, changes: [
      { field: 'ownerIds', before: ['p1'], after: ['p1', 'p3'] },
      { field: 'periodId', before: 'q0', after: 'q1' },
      { field: 'alignments', before: [], after: [{ objectiveId: 'o9' }] },
    ] });
    expect(describeEvent(e, await ctx('en', { ownId: 'o1' })).sentence).toBe(
      'Marte Haugen changed the owners from Marte Haugen to Marte Haugen and Kari Nordmann, the period from (deleted) to Q4 2026 and what it pays into from none to «Flere medlemmer»');
  });

  it('says choices in words, dates in the time zone, and leaves out what cannot be said', async () => {
    const c = await ctx('nb');
    const e = event({ type: 'objective.changed', subject: { kind: 'objective', id: 'o1', name: 'Mål', unitId: null, objectiveId: 'o1', keyResultId: null }, changes: [{ field: 'status', before: 'draft', after: 'active' }] });
    expect(describeEvent(e, c).sentence).toBe('Marte Haugen endret målet «Mål»: statusen fra Utkast til Aktivt');
    const p = event({ type: 'period.changed', subject: { kind: 'period', id: 'q1', name: 'Q4', unitId: null, objectiveId: null, keyResultId: null }, changes: [{ field: 'endDate', before: '2026-12-31', after: '2027-01-15' }] });
    expect(describeEvent(p, await ctx('en')).sentence).toBe('Marte Haugen changed the period «Q4»: the end date from 31 Dec 2026 to 15 Jan 2027');
    const o = event({ type: 'organisation.changed', subject: { kind: 'organisation', id: 'org', name: 'Laget', unitId: null, objectiveId: null, keyResultId: null }, changes: [{ field: 'strategy', before: { mission: 'a' }, after: { mission: 'b' } }, { field: 'checkInCadenceDays', before: 7, after: 14 }] });
    expect(describeEvent(o, await ctx('en')).sentence).toBe('Marte Haugen changed the organisation: the strategy and the days between check-ins from 7 to 14');
    expect(describeEvent(event({ type: 'session.signedIn', actor: null }), await ctx('sv')).sentence).toBe('Varde loggade in');
    const long = event({ changes: [{ field: 'title', before: 'x'.repeat(200), after: 'Kort' }] });
    expect(describeEvent(long, await ctx('en', { ownId: KR })).sentence).toMatch(/^Marte Haugen changed the title from «x{79}…» to «Kort»$/);
    expect(describeEvent(event({ changes: [{ field: 'somethingNew', before: 1, after: 2 }] }), await ctx('en', { ownId: KR })).sentence).toBe('Marte Haugen changed somethingNew from 1 to 2');
  });

  it.each(['nb', 'sv', 'en'] as const)('has a whole sentence for every type of event in %s', async (lang) => {
    const c = await ctx(lang);
    for (const type of EVENT_TYPES) {
      const e = event({ type, changes: [{ field: 'title', before: 'A', after: 'B' }, { field: 'value', before: 1, after: 2 }, { field: 'confidence', before: 5, after: 6 }] });
      for (const ownId of [undefined, KR]) {
        const { sentence } = describeEvent(e, { ...c, ownId });
        // A mood vote is told without its voter, even where the event has an actor (app/retrospectives.ts).
        if (type === 'retrospective.voted') expect(sentence, `${type} in ${lang}`).not.toContain('Marte Haugen');
        else expect(sentence, `${type} in ${lang}`).toMatch(/^Marte Haugen /);
        expect(sentence, `${type} in ${lang}`).not.toMatch(/\{\{|event\.|own\./);
      }
    }
  });

  it('lists every field before and after for the audit trail', async () => {
    const rows = fieldRows(event({ type: 'keyResult.created', changes: [{ field: 'title', before: null, after: 'Pasientopprop' }, { field: 'ownerId', before: null, after: 'p1' }] }), await ctx('en'));
    expect(rows).toEqual([{ field: 'The title', before: 'none', after: '«Pasientopprop»' }, { field: 'The owner', before: 'none', after: 'Marte Haugen' }]);
  });

  it('says how a meeting handled a blocker in words, not as the API names it', async () => {
    const e = event({ type: 'meeting.blockerHandled', subject: { kind: 'meeting', id: 'm1', name: 'Kampanjeteamet', unitId: 'u1', objectiveId: null, keyResultId: null },
      changes: [{ field: 'how', before: null, after: 'initiative' }] });
    const [row] = fieldRows(e, await ctx('nb'));
    expect(row!.after).not.toContain('initiative');
    expect(row!.after).toContain(nb.meeting.handled.initiative);
  });
});
