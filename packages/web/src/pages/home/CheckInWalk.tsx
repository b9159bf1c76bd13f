// "Check in on all my key results": one key result after another in a single dialog, each with
// value, confidence, comment and blockers. Each is saved as the person moves on (through the
// ordinary check-in endpoint); they can skip one, or stop at any time with Done.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import type { MyKeyResult } from '@varde/core';
import { api } from '../../api/client';
import { FormError } from '../../components/Fields';
import { Modal } from '../../components/Modal';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { valueWithMeasure } from '../../i18n/format';
import { CheckInFields, useCheckInSubmit, useCheckInValues, type CheckInBody } from '../unit/CheckInFields';


export function CheckInWalk({ keyResults, onClose }: { keyResults: readonly MyKeyResult[]; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The list as it was when the walk began: saving refreshes Mine underneath without reordering it.
  const [list] = useState(() => [...keyResults]);
  const [step, setStep] = useState(0);
  const [saved, setSaved] = useState(0);
  const [skipped, setSkipped] = useState(0);
  const finished = step >= list.length;

  const close = () => {
    void queryClient.invalidateQueries({ queryKey: ['unitProgress'] });
    void queryClient.invalidateQueries({ queryKey: ['history'] });
    onClose();
  };

  return (
    <Modal title={t('walk.title')} isOpen onClose={close}>
      {finished ? (
        <div className="form">
          <p role="status" style={{ margin: 0 }}>
            {t('walk.summary', { count: saved })}{skipped > 0 ? ` ${t('walk.skippedCount', { count: skipped })}` : ''}
          </p>
          <div className="form-actions">
            <Button className="button" onPress={close} autoFocus>{t('walk.done')}</Button>
          </div>
        </div>
      ) : (
        <WalkStep key={list[step]!.id} keyResult={list[step]!} position={step + 1} total={list.length}
          onSaved={() => { setSaved((n) => n + 1); setStep((s) => s + 1); void queryClient.invalidateQueries({ queryKey: ['myWork'] }); }}
          onSkip={() => { setSkipped((n) => n + 1); setStep((s) => s + 1); }}
          onDone={close} />
      )}
    </Modal>
  );
}

function WalkStep({ keyResult, position, total, onSaved, onSkip, onDone }: {
  keyResult: MyKeyResult; position: number; total: number; onSaved(): void; onSkip(): void; onDone(): void;
}) {
  const { t, i18n } = useTranslation();
  const [values, change] = useCheckInValues(keyResult);
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);

  // Each step starts where a keyboard user types: the value, or for a milestone the step's heading.
  useEffect(() => {
    const input = form.current?.querySelector<HTMLInputElement>('input[inputmode="decimal"]');
    if (input) input.focus(); else heading.current?.focus();
  }, []);

  const mutation = useMutation({
    mutationFn: (body: CheckInBody) => api.post(`/key-results/${keyResult.id}/check-ins`, body),
    onSuccess: () => onSaved(),
  });
  const { localError, submit } = useCheckInSubmit(values, keyResult, mutation);


  const errors = localFieldErrors(t, mutation.error);
  const last = position === total;
  return (
    <form ref={form} className="form" onSubmit={submit} noValidate aria-labelledby="walk-step-heading">
      <h3 id="walk-step-heading" ref={heading} tabIndex={-1} aria-live="polite" style={{ margin: 0 }}>
        {t('walk.step', { position, total, title: keyResult.title })}
      </h3>
      <p className="muted small" style={{ margin: 0 }}>
        {keyResult.unitName} · {t('checkIn.now', { current: valueWithMeasure(i18n.language, keyResult.current, keyResult.measure), target: valueWithMeasure(i18n.language, keyResult.target, keyResult.measure) })}
      </p>
      <FormError>{formMessage(t, mutation.error, ['value', 'confidence', 'comment', 'blockers']) || (mutation.error ? t('walk.refused') : '')}</FormError>
      <CheckInFields keyResult={keyResult} values={values} onChange={change} errors={errors} localError={localError} />
      <div className="form-actions">
        <Button className="button secondary" onPress={onDone}>{t('walk.done')}</Button>
        <Button className="button secondary" onPress={onSkip} isDisabled={mutation.isPending}>{t('walk.skip')}</Button>
        <Button type="submit" className="button">{mutation.isPending ? t('common.working') : last ? t('walk.saveLast') : t('walk.saveNext')}</Button>
      </div>
    </form>
  );
}
