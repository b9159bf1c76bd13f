// Promoting a key result to a KPI: the range it is healthy in and how often it is measured; the
// KPI keeps the key result's title, measure, owner and every check-in.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import type { KeyResult, Kpi, KpiCadence, KpiDirection } from '@varde/core';
import { api } from '../../api/client';
import { refreshKpis } from '../../api/kpis';
import { FormError, TextInput } from '../../components/Fields';
import { SelectField } from '../../components/SelectField';
import { DialogActions } from '../../components/DialogActions';
import { Modal, useIsDirty } from '../../components/Modal';
import { focusFirstInvalid } from '../../components/focusFirstInvalid';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { useToast } from '../../components/Toast';
import { useKpiTexts } from '../../i18n/kpiTexts';
import { kpiRangeOf } from './kpiNumbers';

export function PromoteDialog({ keyResult, onClose }: { keyResult: Pick<KeyResult, 'id' | 'title'>; onClose(): void }) {
  const { t } = useKpiTexts();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [values, setValues] = useState({ direction: 'above' as KpiDirection, low: '', high: '', cadence: 'monthly' as KpiCadence });
  const isDirty = useIsDirty(values);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => { if (error || Object.keys(local).length) focusFirstInvalid(form.current); }, [error, local]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const { range, errors: found } = kpiRangeOf(values, { notNumber: t('dialog.notNumber'), issue: (i) => t(`fieldErrors.${i.code}`, { defaultValue: i.message }) });
    setLocal(found);
    if (Object.keys(found).length) return;
    setBusy(true); setError(null);
    try {
      const kpi = await api.post<Kpi>(`/key-results/${keyResult.id}/promote`, { ...range, cadence: values.cadence });
      await Promise.all([refreshKpis(queryClient), queryClient.invalidateQueries({ queryKey: ['keyResult', keyResult.id] })]);
      toast(t('promote.done'));
      onClose();
      navigate(`/kpis/${kpi.id}`);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const errors = { ...localFieldErrors(t, error), ...local };
  return (
    <Modal title={t('promote.title', { title: keyResult.title })} isOpen onClose={onClose} isDirty={isDirty}>
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError>{formMessage(t, error, ['direction', 'low', 'high', 'cadence'])}</FormError>
        <p className="muted small" style={{ margin: 0 }}>{t('promote.dialogLead')}</p>
        <SelectField label={t('dialog.direction')} value={values.direction} onChange={(v) => setValues((s) => ({ ...s, direction: v as KpiDirection }))}
          choices={(['above', 'below', 'between'] as const).map((d) => ({ id: d, label: t(`direction.${d}`) }))} error={errors.direction} />
        {values.direction !== 'below' && <TextInput label={t('dialog.low')} inputMode="decimal" value={values.low} onChange={(v) => setValues((s) => ({ ...s, low: v }))} error={errors.low} isRequired autoFocus />}
        {values.direction !== 'above' && <TextInput label={t('dialog.high')} inputMode="decimal" value={values.high} onChange={(v) => setValues((s) => ({ ...s, high: v }))} error={errors.high} isRequired />}
        <SelectField label={t('dialog.cadence')} value={values.cadence} onChange={(v) => setValues((s) => ({ ...s, cadence: v as KpiCadence }))}
          choices={(['weekly', 'monthly', 'quarterly'] as const).map((c) => ({ id: c, label: t(`cadence.${c}`) }))} error={errors.cadence} />
        <DialogActions busy={busy} onCancel={onClose} saveLabel={t('promote.submit')} />
      </form>
    </Modal>
  );
}
