// Check in on a key result: the new value, how confident we are (1–10), a comment and blockers.
// The progress moves at once; if the server refuses, it moves back and the dialog says why.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import type { KeyResult } from '@varde/core';
import { api } from '../../api/client';
import { applyOptimisticCheckIn, restore } from '../../api/optimisticCheckIn';
import { FormError } from '../../components/Fields';
import { Modal, useIsDirty } from '../../components/Modal';
import { focusFirstInvalid } from '../../components/focusFirstInvalid';
import { useToast } from '../../components/Toast';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { number, valueWithMeasure } from '../../i18n/format';
import { ChangedElsewhere, Reloadable } from '../../components/ChangedElsewhere';
import { CheckInFields, useCheckInSubmit, useCheckInValues, type CheckInBody } from './CheckInFields';

export interface CheckInTarget { id: string; title: string; type: string; measure: string; current: number | null; confidence: number | null; target: number }


/** Someone else's check-in or change to the key result while this one is written is told in the
 *  dialog; reading it again starts the form from the new value. */
export function CheckInDialog({ keyResult, onClose }: { keyResult: CheckInTarget; onClose(): void }) {
  return (
    <Reloadable initial={keyResult} read={(k) => api.get<KeyResult>(`/key-results/${k.id}`)}>
      {(current, reload) => <CheckInForm keyResult={current} onClose={onClose} onReload={reload} />}
    </Reloadable>
  );
}

function CheckInForm({ keyResult, onClose, onReload }: { keyResult: CheckInTarget; onClose(): void; onReload(): void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [values, change] = useCheckInValues(keyResult);
  const isDirty = useIsDirty(values);

  const mutation = useMutation({
    mutationFn: (body: CheckInBody) =>
      api.post(`/key-results/${keyResult.id}/check-ins`, body),
    onMutate: (body) => ({ snapshot: applyOptimisticCheckIn(queryClient, { keyResultId: keyResult.id, value: body.value, confidence: body.confidence, at: new Date().toISOString() }) }),
    onError: (_err, _body, context) => { if (context) restore(queryClient, context.snapshot); },
    onSuccess: () => { onClose(); toast(t('controls.checkInSaved')); },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['unitProgress'] });
      void queryClient.invalidateQueries({ queryKey: ['myWork'] });
      void queryClient.invalidateQueries({ queryKey: ['history'] });
      void queryClient.invalidateQueries({ queryKey: ['keyResult', keyResult.id] });
      void queryClient.invalidateQueries({ queryKey: ['checkIns', keyResult.id] });
    },
  });
  const { localError, submit } = useCheckInSubmit(values, keyResult, mutation);

  const form = useRef<HTMLFormElement>(null);
  // After a refusal (here or the server's), focus goes to the first field to fix.
  useEffect(() => { if (localError || mutation.error) focusFirstInvalid(form.current); }, [localError, mutation.error]);


  const errors = localFieldErrors(t, mutation.error);
  const fields = ['value', 'confidence', 'comment', 'blockers'];
  return (
    <Modal title={t('checkIn.title', { title: keyResult.title })} isOpen onClose={onClose} isDirty={isDirty}>
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <FormError>{formMessage(t, mutation.error, fields) || (mutation.error ? t('checkIn.refused') : '')}</FormError>
        <ChangedElsewhere about={(e) => e.subject.keyResultId === keyResult.id || (e.subject.kind === 'keyResult' && e.subject.id === keyResult.id)} onReload={onReload}
          describe={(e) => {
            const after = e.type === 'keyResult.checkedIn' ? e.changes.find((c) => c.field === 'value')?.after : undefined;
            return typeof after === 'number' ? t('live.elsewhere.checkedIn', { name: e.actor?.name ?? 'Varde', value: number(i18n.language, after) }) : null;
          }} />
        <p className="muted small" style={{ margin: 0 }}>
          {t('checkIn.now', { current: valueWithMeasure(i18n.language, keyResult.current, keyResult.measure), target: valueWithMeasure(i18n.language, keyResult.target, keyResult.measure) })}
        </p>
        <CheckInFields keyResult={keyResult} values={values} onChange={change} errors={errors} localError={localError} autoFocus />
        <div className="form-actions">
          <Button className="button secondary" onPress={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" className="button">{mutation.isPending ? t('common.working') : t('checkIn.submit')}</Button>
        </div>
      </form>
    </Modal>
  );
}
