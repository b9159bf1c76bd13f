// Which language's texts the server's first answer preloads: its file is named for the language
// (texts-en-….js, vite.config.ts), and the server preloads the organisation's (or the default,
// for someone signed out), so the app can start in it before it has read the session.
import { LANGUAGES, type Language } from './languages';

export function preloadedLanguage(hrefs: readonly string[]): Language | null {
  for (const href of hrefs) {
    const named = /\/assets\/texts-([a-z]+)-[^/]*\.js$/.exec(href)?.[1];
    const language = LANGUAGES.find((l) => l === named);
    if (language) return language;
  }
  return null;
}
