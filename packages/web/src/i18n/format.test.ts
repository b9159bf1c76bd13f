// Ages read as people write them, with the language's plurals, and a unit of measure typed as a
// plural noun never follows a number that reads as one.
import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import nb from './nb.json';
import sv from './sv.json';
import en from './en.json';
import { ago, date, dayHeading, dayKey, list, number, timeOfDay, valueWithMeasure } from './format';

async function translator(lng: 'nb' | 'sv' | 'en'): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ resources: { nb: { translation: nb }, sv: { translation: sv }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}

// A Tuesday at noon; the ages below are measured back from it in the machine's own time zone.
const now = new Date(2026, 8, 15, 12, 0, 0);
const before = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const AGES: Array<[string, string, Record<'nb' | 'sv' | 'en', string>]> = [
  ['20 seconds', before(20_000), { nb: 'akkurat nå', sv: 'nyss', en: 'just now' }],
  ['a clock a little ahead', new Date(now.getTime() + 30_000).toISOString(), { nb: 'akkurat nå', sv: 'nyss', en: 'just now' }],
  ['1 minute', before(MIN + 5_000), { nb: 'for 1 minutt siden', sv: 'för 1 minut sedan', en: '1 minute ago' }],
  ['5 minutes', before(5 * MIN), { nb: 'for 5 minutter siden', sv: 'för 5 minuter sedan', en: '5 minutes ago' }],
  ['1 hour', before(HOUR + MIN), { nb: 'for 1 time siden', sv: 'för 1 timme sedan', en: '1 hour ago' }],
  ['3 hours', before(3 * HOUR), { nb: 'for 3 timer siden', sv: 'för 3 timmar sedan', en: '3 hours ago' }],
  ['yesterday morning', new Date(2026, 8, 14, 8, 0).toISOString(), { nb: 'i går', sv: 'igår', en: 'yesterday' }],
  ['4 days', new Date(2026, 8, 11, 15, 0).toISOString(), { nb: 'for 4 dager siden', sv: 'för 4 dagar sedan', en: '4 days ago' }],
  ['3 weeks', before(21 * DAY), { nb: 'for 3 uker siden', sv: 'för 3 veckor sedan', en: '3 weeks ago' }],
  ['2 weeks', before(14 * DAY), { nb: 'for 2 uker siden', sv: 'för 2 veckor sedan', en: '2 weeks ago' }],
  ['3 months', before(92 * DAY), { nb: 'for 3 måneder siden', sv: 'för 3 månader sedan', en: '3 months ago' }],
];

describe.each(['nb', 'sv', 'en'] as const)('ago in %s', (lang) => {
  it.each(AGES)('%s ago', async (_name, iso, expected) => {
    expect(ago(await translator(lang), iso, now)).toBe(expected[lang]);
  });
});

describe('ago', () => {
  it('never says døgn, the word Intl.RelativeTimeFormat uses in Norwegian', async () => {
    const t = await translator('nb');
    for (let days = 1; days < 90; days++) expect(ago(t, before(days * DAY), now)).not.toMatch(/døgn/);
  });
});

describe('valueWithMeasure', () => {
  it('keeps a plural unit away from a number that reads as one', () => {
    expect(valueWithMeasure('nb', 1, 'møter')).toBe('1 (møter)');
    expect(valueWithMeasure('sv', 1, 'dagar')).toBe('1 (dagar)');
    expect(valueWithMeasure('en', 1, 'days')).toBe('1 (days)');
    expect(valueWithMeasure('nb', 5, 'møter')).toBe('5 møter');
    expect(valueWithMeasure('nb', 0, 'møter')).toBe('0 møter');
  });

  it('writes decimals with the language\'s separator, and a decimal reads as plural', () => {
    expect(valueWithMeasure('nb', 1.5, 'dager')).toBe('1,5 dager');
    expect(valueWithMeasure('sv', 1.5, 'dagar')).toBe('1,5 dagar');
    expect(valueWithMeasure('en', 1.5, 'days')).toBe('1.5 days');
    expect(valueWithMeasure('nb', 1.001, 'dager')).toBe('1 (dager)');
  });

  it('leaves symbols and codes beside any number', () => {
    expect(valueWithMeasure('nb', 1, '%')).toBe('1 %');
    expect(valueWithMeasure('nb', 1, 'NOK')).toBe('1 NOK');
    expect(valueWithMeasure('nb', 1, '')).toBe('1');
    expect(valueWithMeasure('nb', null, 'møter')).toBe('–');
  });

  it('groups thousands as the language does', () => {
    expect(number('nb', 120000)).toBe('120\u00a0000');
    expect(number('sv', 120000)).toBe('120\u00a0000');
    expect(number('en', 120000)).toBe('120,000');
  });
});

describe('counted strings through i18next', () => {
  it.each([
    ['nb', 0, 'Ingen nøkkelresultater venter på innsjekk'], ['nb', 1, '1 nøkkelresultat venter på innsjekk'], ['nb', 2, '2 nøkkelresultater venter på innsjekk'],
    ['sv', 0, 'Inga nyckelresultat väntar på incheckning'], ['sv', 1, '1 nyckelresultat väntar på incheckning'],
    ['en', 0, 'No key results need a check-in'], ['en', 1, '1 key result needs a check-in'], ['en', 3, '3 key results need a check-in'],
  ] as const)('%s, %d due', async (lang, count, expected) => {
    expect((await translator(lang))('home.dueTitle', { count })).toBe(expected);
  });

  it('says "1 eget mål" and "2 egne mål" on the team page', async () => {
    const t = await translator('nb');
    expect(t('unit.counts', { count: 1, subtree: 4 })).toBe('1 eget mål, 4 med enhetene under');
    expect(t('unit.counts', { count: 2, subtree: 4 })).toBe('2 egne mål, 4 med enhetene under');
    expect((await translator('sv'))('unit.counts', { count: 1, subtree: 4 })).toBe('1 eget mål, 4 med enheterna under');
  });
});

describe("dates in the organisation's time zone", () => {
  // 23:30 UTC on 2 November is 00:30 on the 3rd in Oslo.
  const late = '2026-11-02T23:30:00.000Z';
  it('says the day and the time there, whatever the machine\'s zone', () => {
    expect(dayKey(late, 'Europe/Oslo')).toBe('2026-11-03');
    expect(dayKey(late, 'UTC')).toBe('2026-11-02');
    expect(timeOfDay('nb', late, 'Europe/Oslo')).toBe('00:30');
    expect(dayHeading('en', late, 'Europe/Oslo')).toBe('Tuesday, 3 November 2026');
    expect(dayHeading('nb', late, 'Europe/Oslo')).toBe('tirsdag 3. november 2026');
    expect(date('sv', late, 'Europe/Oslo')).toBe('3 nov. 2026');
  });
  it('lists in the language', () => {
    expect(list('en', ['Marte', 'Jonas', 'Kari'])).toBe('Marte, Jonas and Kari');
    expect(list('nb', ['Marte', 'Jonas', 'Kari'])).toBe('Marte, Jonas og Kari');
    expect(list('sv', ['Marte', 'Jonas'])).toBe('Marte och Jonas');
  });
});
