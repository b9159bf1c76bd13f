// i18next with the three languages Varde speaks. The choice is the user's stored preference,
// else the organisation's language, else Norwegian bokmål. Each language's texts are a chunk of
// their own, fetched when the language is first chosen: a screen carries one language, not three.
// Until the person chooses, the app starts in the organisation's language as last seen, else in
// the language the server's page is in, whose texts it preloads (packages/server/src/http/screenPages.ts).
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { warmUp } from './format';
import { LANGUAGES, type Language } from './languages';

export { LANGUAGES, type Language };
// The server's boot script reads this key too (packages/server/src/http/firstView.ts, BOOT_SCRIPT).
const STORAGE_KEY = 'varde.language';
/** The organisation's language as last seen, for starting in it before the organisation is fetched. */
const ORGANISATION_KEY = 'varde.organisationLanguage';

/** Each namespace's texts in each language: the app's (./nb.json …) and, in a folder each, the
 *  histories' sentences (history/: fetched with the first list that shows events), the planning
 *  workshop's and the coach's (planning/: with the workshop or the first hints opened) and the
 *  KPIs' (kpi/, kpiTexts.ts: with the first board, page or dialog of KPIs) and those of the
 *  retrospective, the weekly meeting and the review (retrospective/, meeting/, review/: with their
 *  pages and the parts of other pages that speak them). Every file is a chunk of its own, so a
 *  screen carries only the namespaces it shows. */
const texts = import.meta.glob<{ default: Record<string, unknown> }>(['./*.json', './*/*.json']);
export const HISTORY_NS = 'history';

const textsBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = known(language) ? texts[namespace === 'translation' ? `./${language}.json` : `./${namespace}/${language}.json`] : undefined;
    if (!load) { callback(new Error(`no texts for ${language}`), false); return; }
    load().then((module) => callback(null, module.default), (error: Error) => callback(error, false));
  },
};

const known = (value: string | null): Language | null => ((LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : null);

export function storedLanguage(): Language | null {
  return typeof localStorage === 'undefined' ? null : known(localStorage.getItem(STORAGE_KEY));
}

/** The language last asked for: its texts may still be on their way. */
let asked: string | undefined;

/** `remember`: the person chose it; otherwise it is the organisation's, used until they choose. */
export function chooseLanguage(language: Language, remember: boolean): void {
  localStorage.setItem(remember ? STORAGE_KEY : ORGANISATION_KEY, language);
  // Asked for the language already shown (the organisation's, seen again on every visit), i18next
  // would still tell every screen it changed, and each would be drawn again for nothing.
  if (language === (asked ?? i18n.language)) return;
  asked = language;
  void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (lng) => { document.documentElement.lang = lng; });

// The organisation's language, which a browser that has never seen it would otherwise learn only
// from the session, and then draw every screen again in it (the page moving as the words change):
// the server's page says it (<html lang>, the language whose texts it preloads; screenPages.ts).
const pageLanguage = () => (typeof document === 'undefined' ? null : known(document.documentElement.lang));

const firstLanguage = storedLanguage() ?? known(localStorage.getItem(ORGANISATION_KEY)) ?? pageLanguage() ?? 'nb';

/** Settles when the first language's texts are in; the app renders after it, so no screen shows keys. */
export const i18nReady = i18n.use(textsBackend).use(initReactI18next).init({
  lng: firstLanguage,
  supportedLngs: [...LANGUAGES],
  // Every language has every key (translations.test.ts), so no second language is fetched as a fallback.
  fallbackLng: false,
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  returnNull: false,
});
// While the texts come.
warmUp(firstLanguage);

export default i18n;
