// The language switch: a native select, which every screen reader and keyboard knows.
import { useTranslation } from 'react-i18next';
import { chooseLanguage, LANGUAGES, type Language } from '../i18n';

export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <label className="row small language-select">
      <span>{t('nav.language')}</span>
      <select value={i18n.language} onChange={(e) => chooseLanguage(e.target.value as Language, true)}>
        {LANGUAGES.map((l) => <option key={l} value={l}>{t(`languages.${l}`)}</option>)}
      </select>
    </label>
  );
}
