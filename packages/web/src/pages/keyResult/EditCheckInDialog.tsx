// Correct a check-in: the same fields as checking in, filled with what was written. The server
// decides who may (core's checkInChanges); the key result's numbers follow if it was the newest.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckIn } from '@varde/core';
import { api } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { FormError } from '../../components/Fields';
import { Modal, useIsDirty } from '../../components/Modal';
import { useSave } from '../../components/useSave';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { dateTime } from '../../i18n/format';
import { CheckInFields, checkInBody, useCheckInValues } from '../unit/CheckInFields';

interface EditedKeyResult { type: string; measure: string; current: number | null; confidence: number | null }

export function EditCheckInDialog({ checkIn, keyResult, onClose }: { checkIn: CheckIn; keyResult: EditedKeyResult; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const [values, change] = useCheckInValues(keyResult, checkIn);
  const isDirty = useIsDirty(values);
  const [localError, setLocalError] = useState('');
  const { error, busy, onSubmit } = useSave(async () => {
    const sent = checkInBody(values, keyResult, t);
    if ('problem' in sent) { setLocalError(sent.problem); throw new Error(sent.problem); }
    setLocalError('');
    await api.patch(`/check-ins/${checkIn.id}`, { version: checkIn.version, ...sent.body });
  }, onClose, t('checkInEdits.saved'));
  const shownError = localError ? null : error;
  const fields = ['value', 'confidence', 'comment', 'blockers'];
  return (
    <Modal title={t('checkInEdits.editTitle', { when: dateTime(i18n.language, checkIn.createdAt) })} isOpen onClose={onClose} isDirty={isDirty}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError>{shownError ? formMessage(t, shownError, fields) : ''}</FormError>
        <CheckInFields keyResult={keyResult} values={values} onChange={change} errors={localFieldErrors(t, shownError)} localError={localError} autoFocus />
        <DialogActions busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
