// The ritual dates of a period, edited in a dialog: the planning window, the review and the
// retrospective; each optional, an empty field clears its date. The server judges their order
// (core's periodRituals) and names the field that is out of it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Period } from '@varde/core';
import { api } from '../../api/client';
import { Modal, useIsDirty } from '../../components/Modal';
import { DialogActions } from '../../components/DialogActions';
import { DateInputField } from '../../components/DateInputField';
import { FormError } from '../../components/Fields';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { useSave } from '../../components/useSave';

export const RITUAL_FIELDS = ['planningStartDate', 'planningEndDate', 'reviewDate', 'retrospectiveDate'] as const;
export type RitualField = (typeof RITUAL_FIELDS)[number];
export const RITUAL_LABELS: Record<RitualField, string> = {
  planningStartDate: 'rituals.planningStart', planningEndDate: 'rituals.planningEnd', reviewDate: 'rituals.review', retrospectiveDate: 'rituals.retrospective',
};

/** The four date fields, for the dialog and for a new period's form. */
export function RitualDateFields({ values, onChange, errors }: { values: Record<RitualField, string>; onChange(field: RitualField, value: string): void; errors: Record<string, string> }) {
  const { t } = useTranslation();
  return (
    <div className="grid-2">
      {RITUAL_FIELDS.map((f) => <DateInputField key={f} label={t(RITUAL_LABELS[f])} value={values[f]} onChange={(v) => onChange(f, v)} error={errors[f]} />)}
    </div>
  );
}

/** What a PATCH or POST carries: an empty field is no date (null). */
export const ritualBody = (values: Record<RitualField, string>) =>
  Object.fromEntries(RITUAL_FIELDS.map((f) => [f, values[f] || null])) as Record<RitualField, string | null>;

export function PeriodRitualsDialog({ period, onClose }: { period: Period; onClose(): void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<RitualField, string>>(() => Object.fromEntries(RITUAL_FIELDS.map((f) => [f, period[f] ?? ''])) as Record<RitualField, string>);
  const isDirty = useIsDirty(values);
  const { error, busy, onSubmit } = useSave(() => api.patch(`/periods/${period.id}`, { version: period.version, ...ritualBody(values) }), onClose, t('rituals.saved'));
  const errors = localFieldErrors(t, error);
  return (
    <Modal title={t('rituals.editNamed', { name: period.name })} isOpen onClose={onClose} isDirty={isDirty}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <p className="muted small">{t('rituals.datesHint')}</p>
        <FormError>{formMessage(t, error, [...RITUAL_FIELDS])}</FormError>
        <RitualDateFields values={values} onChange={(f, v) => setValues((x) => ({ ...x, [f]: v }))} errors={errors} />
        <DialogActions busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}
