// A choice as a native select: the phone's own picker, known to every screen reader, and no
// script to load, so a screen that only switches periods carries no form library.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Common } from './Fields';

export interface Choice { id: string; label: string }
export function SelectField({ label, error, hint, value, onChange, choices, isRequired, placeholder }: Common & {
  value: string | null; onChange(v: string): void; choices: readonly Choice[]; placeholder?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const described = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-invalid={error ? true : undefined}>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)} required={isRequired}
        aria-invalid={error ? true : undefined} aria-describedby={described}>
        {value === null && <option value="" disabled>{placeholder ?? t('fields.choose')}</option>}
        {choices.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
      </select>
      {hint && <span id={`${id}-hint`} className="hint">{hint}</span>}
      {error && <span id={`${id}-error`} className="field-error">{error}</span>}
    </div>
  );
}

