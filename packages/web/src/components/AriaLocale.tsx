// React Aria's widgets (date fields, selects, comboboxes, their screen reader words) speak the
// language chosen in Varde, not the browser's: the provider follows i18next's language.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { I18nProvider } from 'react-aria-components';
import { localeOf } from '../i18n/format';

export function AriaLocale({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return <I18nProvider locale={localeOf(i18n.language)}>{children}</I18nProvider>;
}
