// Making or changing a KPI: its title and unit of measure, when it is healthy (above a low end,
// below a high end, or between both), how often it is measured, and who owns it. The range is
// checked here as the server checks it (core's kpiRangeIssues), so the form says what is missing.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import type { Kpi, KpiCadence, KpiDirection } from '@varde/core';
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
import { OwnerSelect } from '../unit/OwnerSelect';
import { kpiRangeOf } from './kpiNumbers';

const DIRECTIONS: KpiDirection[] = ['above', 'below', 'between'];
const CADENCES: KpiCadence[] = ['weekly', 'monthly', 'quarterly'];

export function KpiDialog({ unitId, kpi, ownerName, onClose }: { unitId: string; kpi?: Kpi; ownerName?: string | undefined; onClose(): void }) {
  const { t } = useKpiTexts();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [, navigate] = useLocation();
  const [values, setValues] = useState({
    title: kpi?.title ?? '', measure: kpi?.measure ?? '', direction: kpi?.direction ?? 'above' as KpiDirection,
    low: kpi?.low === null || kpi?.low === undefined ? '' : String(kpi.low), high: kpi?.high === null || kpi?.high === undefined ? '' : String(kpi.high),
    cadence: kpi?.cadence ?? 'monthly' as KpiCadence, ownerId: kpi?.ownerId ?? '',
  });
  const isDirty = useIsDirty(values);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => { if (error || Object.keys(local).length) focusFirstInvalid(form.current); }, [error, local]);
  const set = <K extends keyof typeof values>(key: K) => (v: (typeof values)[K]) => setValues((s) => ({ ...s, [key]: v }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const { range, errors: found } = kpiRangeOf(values, { notNumber: t('dialog.notNumber'), issue: (i) => t(`fieldErrors.${i.code}`, { defaultValue: i.message }) });
    if (!values.title.trim()) found.title = t('fieldErrors.required');
    setLocal(found);
    if (Object.keys(found).length) return;
    setBusy(true); setError(null);
    const body = { title: values.title.trim(), measure: values.measure.trim(), ...range, cadence: values.cadence, ownerId: values.ownerId || null };
    try {
      const saved = kpi
        ? await api.patch<Kpi>(`/kpis/${kpi.id}`, { ...body, version: kpi.version })
        : await api.post<Kpi>('/kpis', { ...body, unitId });
      await refreshKpis(queryClient);
      toast(t('dialog.saved'));
      onClose();
      if (!kpi) navigate(`/kpis/${saved.id}`);
    } catch (err) { setError(err); } finally { setBusy(false); }
  };

  const server = localFieldErrors(t, error);
  const errors = { ...server, ...local };
  const fields = ['title', 'measure', 'direction', 'low', 'high', 'cadence', 'ownerId'];
  return (
    <Modal title={kpi ? t('dialog.editTitle', { title: kpi.title }) : t('dialog.newTitle')} isOpen onClose={onClose} isDirty={isDirty}>
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError>{formMessage(t, error, fields)}</FormError>
        <TextInput label={t('dialog.title')} value={values.title} onChange={set('title')} error={errors.title} isRequired autoFocus />
        <TextInput label={t('dialog.measure')} hint={t('dialog.measureHint')} value={values.measure} onChange={set('measure')} error={errors.measure} />
        <SelectField label={t('dialog.direction')} value={values.direction} onChange={(v) => set('direction')(v as KpiDirection)} error={errors.direction}
          choices={DIRECTIONS.map((d) => ({ id: d, label: t(`direction.${d}`) }))} />
        {values.direction !== 'below' && <TextInput label={t('dialog.low')} inputMode="decimal" value={values.low} onChange={set('low')} error={errors.low} isRequired />}
        {values.direction !== 'above' && <TextInput label={t('dialog.high')} inputMode="decimal" value={values.high} onChange={set('high')} error={errors.high} isRequired />}
        <SelectField label={t('dialog.cadence')} value={values.cadence} onChange={(v) => set('cadence')(v as KpiCadence)} error={errors.cadence}
          choices={CADENCES.map((c) => ({ id: c, label: t(`cadence.${c}`) }))} />
        <OwnerSelect label={t('dialog.owner')} unitId={unitId} value={values.ownerId} onChange={(id) => set('ownerId')(id)} error={errors.ownerId}
          known={kpi?.ownerId && ownerName ? [{ id: kpi.ownerId, label: ownerName }] : []} />
        <DialogActions busy={busy} onCancel={onClose} saveLabel={kpi ? undefined : t('dialog.create')} />
      </form>
    </Modal>
  );
}
