// Correct a check-in: the same fields as checking in, filled with what was written. The server
// decides who may (core's checkInChanges); the key result's numbers follow if it was the newest.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckIn, Page } from '@varde/core';
import { api } from '../../api/client';
import { DialogActions } from '../../components/DialogActions';
import { FormError } from '../../components/Fields';
import { Modal, useIsDirty } from '../../components/Modal';
import { useSave } from '../../components/useSave';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { dateTime } from '../../i18n/format';
import { CheckInFields, checkInBody, useCheckInValues } from '../unit/CheckInFields';
import { ChangedElsewhere, Reloadable } from '../../components/ChangedElsewhere';

interface EditedKeyResult { type: string; measure: string; current: number | null; confidence: number | null }

interface EditCheckInProps { checkIn: CheckIn; keyResult: EditedKeyResult; onClose(): void }

/** The check-in as it is now, among its key result's newest (a correction is of a recent one). */
const readCheckIn = async (c: CheckIn): Promise<CheckIn> =>
  (await api.get<Page<CheckIn>>(`/key-results/${c.keyResultId}/check-ins?limit=500`)).items.find((x) => x.id === c.id) ?? c;

/** A correction someone else makes meanwhile is told in the dialog, which can read it again. */
export function EditCheckInDialog(props: EditCheckInProps) {
  return (
    <Reloadable initial={props.checkIn} read={readCheckIn}>
      {(current, reload) => <EditCheckInForm {...props} checkIn={current} onReload={reload} />}
    </Reloadable>
  );
}

function EditCheckInForm({ checkIn, keyResult, onClose, onReload }: EditCheckInProps & { onReload(): void }) {
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
        <ChangedElsewhere about={(e) => e.subject.kind === 'checkIn' && e.subject.id === checkIn.id} onReload={onReload} />
        <CheckInFields keyResult={keyResult} values={values} onChange={change} errors={localFieldErrors(t, shownError)} localError={localError} autoFocus />
        <DialogActions busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
