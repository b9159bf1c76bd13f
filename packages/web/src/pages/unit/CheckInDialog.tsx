// Check in on a key result: the new value, how confident we are (1–10), a comment and blockers.
// The progress moves at once; if the server refuses, it moves back and the dialog says why.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Radio, RadioGroup, Label } from 'react-aria-components';
import { api } from '../../api/client';
import { applyOptimisticCheckIn, restore } from '../../api/optimisticCheckIn';
import { FormError, TextInput } from '../../components/Fields';
import { Modal, useIsDirty } from '../../components/Modal';
import { focusFirstInvalid } from '../../components/focusFirstInvalid';
import { useToast } from '../../components/Toast';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { valueWithMeasure } from '../../i18n/format';

export interface CheckInTarget { id: string; title: string; type: string; measure: string; current: number | null; confidence: number | null; target: number }

function parseNumber(text: string): number {
  return Number(text.trim().replace(/\s/g, '').replace(',', '.'));
}

export function CheckInDialog({ keyResult, onClose }: { keyResult: CheckInTarget; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const milestone = keyResult.type === 'milestone';
  const [value, setValue] = useState(keyResult.current === null ? '' : String(keyResult.current));
  const [confidence, setConfidence] = useState(String(keyResult.confidence ?? 7));
  const [comment, setComment] = useState('');
  const [blockers, setBlockers] = useState('');
  const [localError, setLocalError] = useState('');
  const isDirty = useIsDirty({ value, confidence, comment, blockers });

  const mutation = useMutation({
    mutationFn: (body: { value: number; confidence: number; comment: string | null; blockers: string | null }) =>
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

  const form = useRef<HTMLFormElement>(null);
  // After a refusal (here or the server's), focus goes to the first field to fix.
  useEffect(() => { if (localError || mutation.error) focusFirstInvalid(form.current); }, [localError, mutation.error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mutation.isPending) return;
    const number = parseNumber(value);
    if (value.trim() === '' || !Number.isFinite(number)) { setLocalError(t(milestone ? 'fieldErrors.milestone_choice' : 'checkIn.valueNeeded')); return; }
    setLocalError('');
    mutation.mutate({ value: number, confidence: Number(confidence), comment: comment.trim() || null, blockers: blockers.trim() || null });
  };

  const errors = localFieldErrors(t, mutation.error);
  const fields = ['value', 'confidence', 'comment', 'blockers'];
  return (
    <Modal title={t('checkIn.title', { title: keyResult.title })} isOpen onClose={onClose} isDirty={isDirty}>
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <FormError>{formMessage(t, mutation.error, fields) || (mutation.error ? t('checkIn.refused') : '')}</FormError>
        <p className="muted small" style={{ margin: 0 }}>
          {t('checkIn.now', { current: valueWithMeasure(i18n.language, keyResult.current, keyResult.measure), target: valueWithMeasure(i18n.language, keyResult.target, keyResult.measure) })}
        </p>
        {milestone ? (
          <RadioGroup className="field" value={value} onChange={setValue} isInvalid={Boolean(errors.value || localError)}>
            <Label>{t('checkIn.milestone')}</Label>
            <div className="row">
              <Radio value="0" className="chip">{t('keyResult.notDone')}</Radio>
              <Radio value="1" className="chip">{t('keyResult.done')}</Radio>
            </div>
            {(errors.value || localError) && <span className="field-error">{errors.value ?? localError}</span>}
          </RadioGroup>
        ) : (
          <TextInput label={t('checkIn.value', { measure: keyResult.measure || t('checkIn.number') })} value={value} onChange={setValue} inputMode="decimal"
            error={errors.value ?? (localError || undefined)} isRequired autoFocus />
        )}
        <RadioGroup className="field" value={confidence} onChange={setConfidence} orientation="horizontal" isInvalid={Boolean(errors.confidence)}>
          <Label>{t('checkIn.confidence')}</Label>
          <div className="row" style={{ gap: '.3rem' }}>
            {Array.from({ length: 10 }, (_, i) => String(i + 1)).map((n) => (
              <Radio key={n} value={n} className="chip" aria-label={t('checkIn.confidenceOf', { n })}>{n}</Radio>
            ))}
          </div>
          <span className="hint">{t('checkIn.confidenceHint')}</span>
          {errors.confidence && <span className="field-error">{errors.confidence}</span>}
        </RadioGroup>
        <TextInput label={t('checkIn.comment')} value={comment} onChange={setComment} multiline error={errors.comment} hint={t('checkIn.commentHint')} />
        <TextInput label={t('checkIn.blockers')} value={blockers} onChange={setBlockers} multiline error={errors.blockers} />
        <div className="form-actions">
          <Button className="button secondary" onPress={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" className="button">{mutation.isPending ? t('common.working') : t('checkIn.submit')}</Button>
        </div>
      </form>
    </Modal>
  );
}
