// Cancel and save at the foot of a dialog's form.
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';

export function DialogActions({ busy, onCancel, saveLabel }: { busy: boolean; onCancel(): void; saveLabel?: string }) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <Button className="button secondary" onPress={onCancel}>{t('common.cancel')}</Button>
      <Button type="submit" className="button">{busy ? t('common.working') : saveLabel ?? t('common.save')}</Button>
    </div>
  );
}
