// A new value for a KPI, with a comment: by the unit's members, admins and the KPI's owner.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Kpi } from '@varde/core';
import { api } from '../../api/client';
import { refreshKpis } from '../../api/kpis';
import { FormError, TextInput } from '../../components/Fields';
import { DialogActions } from '../../components/DialogActions';
import { Modal, useIsDirty } from '../../components/Modal';
import { focusFirstInvalid } from '../../components/focusFirstInvalid';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { useToast } from '../../components/Toast';
import { useKpiTexts } from '../../i18n/kpiTexts';
import { valueWithMeasure } from '../../i18n/format';
import { parseKpiNumber } from './kpiNumbers';
import { useRangeText } from './kpiParts';

export function KpiCheckInDialog({ kpi, onClose }: { kpi: Kpi; onClose(): void }) {
  const { t, i18n } = useKpiTexts();
  const queryClient = useQueryClient();
  const toast = useToast();
  const range = useRangeText();
  const [values, setValues] = useState({ value: '', comment: '' });
  const isDirty = useIsDirty(values);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<string | undefined>();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => { if (error || local) focusFirstInvalid(form.current); }, [error, local]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const value = parseKpiNumber(values.value);
    if (value === null || value === 'invalid') { setLocal(value === null ? t('fieldErrors.required') : t('dialog.notNumber')); return; }
    setLocal(undefined); setBusy(true); setError(null);
    try {
      await api.post(`/kpis/${kpi.id}/check-ins`, { value, comment: values.comment.trim() });
      await refreshKpis(queryClient);
      toast(t('checkIn.saved'));
      onClose();
    } catch (err) { setError(err); } finally { setBusy(false); }
  };
  const errors = localFieldErrors(t, error);
  return (
    <Modal title={t('checkIn.title', { title: kpi.title })} isOpen onClose={onClose} isDirty={isDirty}>
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError>{formMessage(t, error, ['value', 'comment'])}</FormError>
        <p className="muted small" style={{ margin: 0 }}>{t('checkIn.now', { value: valueWithMeasure(i18n.language, kpi.current, kpi.measure), range: range(kpi) })}</p>
        <TextInput label={kpi.measure ? `${t('checkIn.value')} (${kpi.measure})` : t('checkIn.value')} inputMode="decimal" value={values.value}
          onChange={(v) => setValues((s) => ({ ...s, value: v }))} error={local ?? errors.value} isRequired autoFocus />
        <TextInput label={t('checkIn.comment')} multiline value={values.comment} onChange={(v) => setValues((s) => ({ ...s, comment: v }))} error={errors.comment} />
        <DialogActions busy={busy} onCancel={onClose} saveLabel={t('checkIn.submit')} />
      </form>
    </Modal>
  );
}
