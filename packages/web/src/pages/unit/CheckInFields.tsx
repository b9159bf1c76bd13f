// The fields of a check-in — the new value (done or not done for a milestone), confidence 1–10,
// comment and blockers — and what they send, shared by the check-in dialog and the walk through
// all of one's key results on Mine.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { TextInput } from '../../components/Fields';

export interface CheckInValues { value: string; confidence: string; comment: string; blockers: string }
export interface CheckInBody { value: number; confidence: number; comment: string | null; blockers: string | null }
interface CheckedInKeyResult { type: string; measure: string; current: number | null; confidence: number | null }

/** The form's values, starting from where the key result stands, or from a check-in being edited. */
export function useCheckInValues(keyResult: CheckedInKeyResult, editing?: CheckInBody): [CheckInValues, (patch: Partial<CheckInValues>) => void] {
  const [values, setValues] = useState<CheckInValues>(() => (editing
    ? { value: String(editing.value), confidence: String(editing.confidence), comment: editing.comment ?? '', blockers: editing.blockers ?? '' }
    : { value: keyResult.current === null ? '' : String(keyResult.current), confidence: String(keyResult.confidence ?? 7), comment: '', blockers: '' }));
  return [values, (patch) => setValues((v) => ({ ...v, ...patch }))];
}

function parseNumber(text: string): number {
  return Number(text.trim().replace(/\s/g, '').replace(',', '.'));
}

/** What to send, or what to say at the value field before sending anything. */
export function checkInBody(values: CheckInValues, keyResult: Pick<CheckedInKeyResult, 'type'>, t: TFunction): { body: CheckInBody } | { problem: string } {
  const number = parseNumber(values.value);
  if (values.value.trim() === '' || !Number.isFinite(number)) {
    return { problem: t(keyResult.type === 'milestone' ? 'fieldErrors.milestone_choice' : 'checkIn.valueNeeded') };
  }
  return { body: { value: number, confidence: Number(values.confidence), comment: values.comment.trim() || null, blockers: values.blockers.trim() || null } };
}

/** The form's submit: the values checked here first (a refusal of its own is shown without a
 *  request, as `localError`), then sent once, never again while a send is under way. */
export function useCheckInSubmit(values: CheckInValues, keyResult: Pick<CheckedInKeyResult, 'type'>, send: { isPending: boolean; mutate(body: CheckInBody): void }):
  { localError: string; submit(e: FormEvent): void } {
  const { t } = useTranslation();
  const [localError, setLocalError] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (send.isPending) return;
    const sent = checkInBody(values, keyResult, t);
    if ('problem' in sent) { setLocalError(sent.problem); return; }
    setLocalError('');
    send.mutate(sent.body);
  };
  return { localError, submit };
}

export function CheckInFields({ keyResult, values, onChange, errors, localError, autoFocus = false }: {
  keyResult: CheckedInKeyResult; values: CheckInValues; onChange(patch: Partial<CheckInValues>): void;
  errors: Record<string, string | undefined>; localError: string; autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const valueError = errors.value ?? (localError || undefined);
  return (
    <>
      {keyResult.type === 'milestone' ? (
        <RadioGroup className="field" value={values.value} onChange={(value) => onChange({ value })} isInvalid={Boolean(valueError)}>
          <Label>{t('checkIn.milestone')}</Label>
          <div className="row">
            <Radio value="0" className="chip">{t('keyResult.notDone')}</Radio>
            <Radio value="1" className="chip">{t('keyResult.done')}</Radio>
          </div>
          {valueError && <span className="field-error">{valueError}</span>}
        </RadioGroup>
      ) : (
        <TextInput label={t('checkIn.value', { measure: keyResult.measure || t('checkIn.number') })} value={values.value} onChange={(value) => onChange({ value })}
          inputMode="decimal" error={valueError} isRequired autoFocus={autoFocus} />
      )}
      <RadioGroup className="field" value={values.confidence} onChange={(confidence) => onChange({ confidence })} orientation="horizontal" isInvalid={Boolean(errors.confidence)}>
        <Label>{t('checkIn.confidence')}</Label>
        <div className="row" style={{ gap: '.3rem' }}>
          {Array.from({ length: 10 }, (_, i) => String(i + 1)).map((n) => (
            <Radio key={n} value={n} className="chip" aria-label={t('checkIn.confidenceOf', { n })}>{n}</Radio>
          ))}
        </div>
        <span className="hint">{t('checkIn.confidenceHint')}</span>
        {errors.confidence && <span className="field-error">{errors.confidence}</span>}
      </RadioGroup>
      <TextInput label={t('checkIn.comment')} value={values.comment} onChange={(comment) => onChange({ comment })} multiline error={errors.comment} hint={t('checkIn.commentHint')} />
      <TextInput label={t('checkIn.blockers')} value={values.blockers} onChange={(blockers) => onChange({ blockers })} multiline error={errors.blockers} />
    </>
  );
}
