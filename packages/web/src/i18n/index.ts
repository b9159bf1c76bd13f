// i18next with the three languages Varde speaks. The choice is the user's stored preference,
// else the organisation's language, else Norwegian bokmål. Each language's texts are a chunk of
// their own, fetched when the language is first chosen: a screen carries one language, not three.
// Until the person chooses, the app starts in the organisation's language as last seen, which is
// the language whose texts the server's first answer preloads (packages/server/src/http/webApp.ts).
import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { PLANNING_NS } from './planningTexts';
import { KPI_NS } from './kpiTexts';

export const LANGUAGES = ['nb', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'varde.language';
/** The organisation's language as last seen, for starting in it before the organisation is fetched. */
const ORGANISATION_KEY = 'varde.organisationLanguage';

type Texts = Record<Language, () => Promise<{ default: Record<string, unknown> }>>;
const texts: Texts = {
  nb: () => import('./nb.json'),
  sv: () => import('./sv.json'),
  en: () => import('./en.json'),
};
/** The sentences of the histories, the activity lists and the audit trail (a sentence for every
 *  event type): a namespace of their own, fetched with the first list that shows events, so the
 *  screens that show none do not carry them. */
export const HISTORY_NS = 'history';
const historyTexts: Texts = {
  nb: () => import('./history/nb.json'),
  sv: () => import('./history/sv.json'),
  en: () => import('./history/en.json'),
};

/** The planning workshop's and the coach's texts (what to look at, why, how to fix, for every
 *  hint): fetched with the workshop, or with the first list of hints opened on another page. */
const planningTexts: Texts = {
  nb: () => import('./planning/nb.json'),
  sv: () => import('./planning/sv.json'),
  en: () => import('./planning/en.json'),
};

/** The KPIs' texts (boards, the KPI page, its dialogs): fetched with the first of them. */
const kpiTexts: Texts = {
  nb: () => import('./kpi/nb.json'),
  sv: () => import('./kpi/sv.json'),
  en: () => import('./kpi/en.json'),
};

/** The review's texts (the review page, the organisation's view of the reviews, the ways to them,
 *  the refusal to close a cycle with reviews open): fetched with the first of them. */
export const REVIEW_NS = 'review';
const reviewTexts: Texts = {
  nb: () => import('./review/nb.json'),
  sv: () => import('./review/sv.json'),
  en: () => import('./review/en.json'),
};

const textsBackend: BackendModule = {
  type: 'backend',
  init() {},
  read(language, namespace, callback) {
    const load = (namespace === HISTORY_NS ? historyTexts : namespace === PLANNING_NS ? planningTexts : namespace === KPI_NS ? kpiTexts : namespace === REVIEW_NS ? reviewTexts : texts)[language as Language];
    if (!load) { callback(new Error(`no texts for ${language}`), false); return; }
    load().then((module) => callback(null, module.default), (error: Error) => callback(error, false));
  },
};

const known = (value: string | null): Language | null => ((LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : null);

export function storedLanguage(): Language | null {
  return typeof localStorage === 'undefined' ? null : known(localStorage.getItem(STORAGE_KEY));
}

/** `remember`: the person chose it; otherwise it is the organisation's, used until they choose. */
export function chooseLanguage(language: Language, remember: boolean): void {
  localStorage.setItem(remember ? STORAGE_KEY : ORGANISATION_KEY, language);
  void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (lng) => { document.documentElement.lang = lng; });

/** Settles when the first language's texts are in; the app renders after it, so no screen shows keys. */
export const i18nReady = i18n.use(textsBackend).use(initReactI18next).init({
  lng: storedLanguage() ?? known(localStorage.getItem(ORGANISATION_KEY)) ?? 'nb',
  supportedLngs: [...LANGUAGES],
  // Every language has every key (translations.test.ts), so no second language is fetched as a fallback.
  fallbackLng: false,
  load: 'currentOnly',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
