// The app tells the language of the texts the server preloads from the built file's name: every
// language's texts chunk, as the build names it (its manifest, which the server reads too), names
// its language, and no other chunk names one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages';
import { preloadedLanguage } from './preloadedLanguage';

const MANIFEST = new URL('../../dist/.vite/manifest.json', import.meta.url);

describe('preloadedLanguage', () => {
  const manifest = (): Record<string, { file: string }> => {
    try { return JSON.parse(readFileSync(MANIFEST, 'utf8')); } catch { throw new Error('no build manifest: run npm run build first'); }
  };

  it.each(LANGUAGES)('names %s from the built file of its texts', (language) => {
    const file = manifest()[`src/i18n/${language}.json`]?.file;
    expect(file).toBeDefined();
    expect(preloadedLanguage(['http://varde.test/assets/framework-abc.js', `http://varde.test/${file}`])).toBe(language);
  });

  it('finds no language in any other built file, a namespace\'s texts included', () => {
    const others = Object.entries(manifest()).filter(([source]) => !/^src\/i18n\/[a-z]+\.json$/.test(source)).map(([, c]) => `http://varde.test/${c.file}`);
    expect(others.length).toBeGreaterThan(10);
    expect(preloadedLanguage(others)).toBeNull();
  });

  it('finds none where nothing is preloaded', () => {
    expect(preloadedLanguage([])).toBeNull();
  });
});
