// Every hint the coach can give has its three sentences (what to look at, why, how to fix) in each
// language, and names what its params carry: the verb found, the person, the counts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { HINT_CODES } from '@varde/core/rules';
import { hintText } from './CoachHints';

const load = (lang: string) => JSON.parse(readFileSync(new URL(`../i18n/planning/${lang}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe.each(['nb', 'sv', 'en'])('the coach in %s', (lang) => {
  const t = i18next.createInstance();
  void t.init({ lng: lang, resources: { [lang]: { translation: load(lang) } }, interpolation: { escapeValue: false }, initAsync: false });
  const say = t.t.bind(t) as Parameters<typeof hintText>[0];

  it.each(HINT_CODES)('says what to look at, why and how to fix for %s', (code) => {
    for (const part of ['look', 'why', 'fix'] as const) {
      const text = hintText(say, { code, params: { count: 4, limit: 3, milestones: 2, verb: 'X', name: 'Y', value: 5 } }, part);
      expect(text, `${code}.${part}`).not.toContain('coach.codes');
      expect(text.length).toBeGreaterThan(10);
    }
  });

  it('names the verb a task-like key result starts with, and the member without an initiative', () => {
    expect(hintText(say, { code: 'task-like', params: { verb: 'Arrangere' } }, 'look')).toContain('«Arrangere»');
    expect(hintText(say, { code: 'member-without-initiative', params: { personId: 'p1', name: 'Ida Halvorsen' } }, 'look')).toContain('Ida Halvorsen');
  });

  it('counts the objectives against the limit, and the milestones in the plural that fits', () => {
    const many = hintText(say, { code: 'too-many-objectives', params: { count: 5, limit: 3 } }, 'look');
    expect(many).toContain('5');
    expect(many).toContain('3');
    expect(hintText(say, { code: 'late-progress-only', params: { milestones: 1 } }, 'look'))
      .not.toBe(hintText(say, { code: 'late-progress-only', params: { milestones: 2 } }, 'look').replace('2', '1'));
  });
});
