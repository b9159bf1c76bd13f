// i18next with the three languages Varde speaks. The choice is the user's stored preference,
// else the organisation's language, else Norwegian bokmål.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import nb from './nb.json';
import sv from './sv.json';
import en from './en.json';

export const LANGUAGES = ['nb', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'varde.language';

export function storedLanguage(): Language | null {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return (LANGUAGES as readonly string[]).includes(stored ?? '') ? (stored as Language) : null;
}

export function chooseLanguage(language: Language, remember: boolean): void {
  if (remember) localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (lng) => { document.documentElement.lang = lng; });

void i18n.use(initReactI18next).init({
  resources: { nb: { translation: nb }, sv: { translation: sv }, en: { translation: en } },
  lng: storedLanguage() ?? 'nb',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
