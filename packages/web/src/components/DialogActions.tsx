// Cancel and save at the foot of a dialog's form; `extra`, when given, stands apart on the left
// (a dialog's Delete).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';

export function DialogActions({ busy, onCancel, saveLabel, extra }: { busy: boolean; onCancel(): void; saveLabel?: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      {extra}
      <Button className="button secondary" onPress={onCancel}>{t('common.cancel')}</Button>
      <Button type="submit" className="button">{busy ? t('common.working') : saveLabel ?? t('common.save')}</Button>
    </div>
  );
}
