// Dismiss one of the coach's hints: the reason is required (said in the reader's language before
// anything is sent), stored with who and when, and shown with the hint from then on.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { usePlanningTexts } from '../i18n/planningTexts';
import { useQueryClient } from '@tanstack/react-query';
import { hintAbout } from '@varde/core';
import { api } from '../api/client';
import type { HintSubject, HintView } from '../api/plan';
import { FormError, TextInput } from './Fields';
import { Modal, useIsDirty } from './Modal';
import { DialogActions } from './DialogActions';
import { formMessage, localFieldErrors } from './fieldMessages';
import { focusFirstInvalid } from './focusFirstInvalid';
import { useToast } from './Toast';

/** `onClose(true)` once the hint is dismissed. */
export function DismissHintDialog({ hint, subject, look, onClose }: { hint: HintView; subject: HintSubject; look: string; onClose(done: boolean): void }) {
  const { t } = usePlanningTexts();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const isDirty = useIsDirty({ reason });
  const [tries, setTries] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  // After each refused try (here or on the server) the reason field has focus, with its message.
  useEffect(() => { if (tries > 0) focusFirstInvalid(form.current); }, [tries]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    if (reason.trim() === '') { setMissing(true); setTries((n) => n + 1); return; }
    setMissing(false);
    setBusy(true);
    try {
      const about = hintAbout(hint);
      await api.post('/hints/dismissals', { subjectKind: subject.kind, subjectId: subject.id, code: hint.code, ...(about ? { about } : {}), reason });
      await queryClient.invalidateQueries();
      toast(t('coach.dismissed'));
      onClose(true);
    } catch (err) {
      setError(err);
      setTries((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  const reasonError = missing ? t('coach.reasonRequired') : localFieldErrors(t, error).reason;
  return (
    <Modal title={t('coach.dismissTitle')} isOpen onClose={() => onClose(false)} isDirty={isDirty}>
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p style={{ margin: 0 }}><strong>{look}</strong></p>
        <p className="small muted" style={{ margin: 0 }}>{t('coach.dismissLead')}</p>
        <FormError>{formMessage(t, error, ['reason'])}</FormError>
        <TextInput label={t('coach.reason')} value={reason} onChange={(v) => { setReason(v); if (v.trim()) setMissing(false); }} multiline isRequired autoFocus error={reasonError} />
        <DialogActions busy={busy} onCancel={() => onClose(false)} saveLabel={t('coach.dismissButton')} />
      </form>
    </Modal>
  );
}
