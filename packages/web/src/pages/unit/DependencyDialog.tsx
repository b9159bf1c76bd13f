// Raise a dependency: what this unit needs from another, for which of its key results, by when.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useUnits } from '../../api/hooks';
import { FormError, TextInput } from '../../components/Fields';
import { SelectField, type Choice } from '../../components/SelectField';
import { DateInputField } from '../../components/DateInputField';
import { Modal, useIsDirty } from '../../components/Modal';
import { DialogActions } from '../../components/DialogActions';
import { useSave } from '../../components/useSave';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';

export function DependencyDialog({ fromUnitId, fromUnitName, keyResults, onClose }: { fromUnitId: string; fromUnitName: string; keyResults: Choice[]; onClose(): void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const [toUnitId, setToUnitId] = useState<string | null>(null);
  const [keyResultId, setKeyResultId] = useState('');
  const [description, setDescription] = useState('');
  const [neededBy, setNeededBy] = useState('');
  const choices = useMemo(() => (units.data ?? []).filter((u) => u.id !== fromUnitId && !u.archivedAt)
    .sort((a, b) => a.name.localeCompare(b.name)).map((u) => ({ id: u.id, label: u.name })), [units.data, fromUnitId]);
  const { error, busy, onSubmit } = useSave(() => api.post('/dependencies', {
    fromUnitId, toUnitId: toUnitId ?? '', description, ...(keyResultId ? { keyResultId } : {}), ...(neededBy ? { neededBy } : {}),
  }), onClose, t('dependency.raised'));
  const errors = localFieldErrors(t, error);
  const isDirty = useIsDirty({ toUnitId, keyResultId, description, neededBy });
  return (
    <Modal title={t('dependency.raiseTitle', { unit: fromUnitName })} isOpen onClose={onClose} isDirty={isDirty}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError>{formMessage(t, error, ['toUnitId', 'keyResultId', 'description', 'neededBy'])}</FormError>
        <SelectField label={t('dependency.toUnit')} value={toUnitId} onChange={setToUnitId} choices={choices} error={errors.toUnitId} isRequired
          placeholder={units.isLoading ? t('common.loading') : undefined} />
        <TextInput label={t('dependency.description')} value={description} onChange={setDescription} multiline isRequired error={errors.description} hint={t('dependency.descriptionHint')} />
        <SelectField label={t('dependency.keyResult')} value={keyResultId} onChange={setKeyResultId} error={errors.keyResultId}
          choices={[{ id: '', label: t('dependency.noKeyResult') }, ...keyResults]} />
        <DateInputField label={t('dependency.neededByLabel')} value={neededBy} onChange={setNeededBy} error={errors.neededBy} />
        <DialogActions busy={busy} onCancel={onClose} saveLabel={t('dependency.raise')} />
      </form>
    </Modal>
  );
}
