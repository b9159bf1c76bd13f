// Form fields from React Aria Components, each with its label and the server's message for it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text, TextArea, TextField,
} from 'react-aria-components';

export interface Common { label: string; error?: string | undefined; hint?: string | undefined; isRequired?: boolean; autoFocus?: boolean; name?: string }

export function TextInput({ label, error, hint, value, onChange, type = 'text', multiline, isRequired, autoFocus, name, inputMode, autoComplete }: Common & {
  value: string; onChange(v: string): void; type?: string; multiline?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'email' | 'text'; autoComplete?: string;
}) {
  return (
    <TextField className="field" value={value} onChange={onChange} type={type} isInvalid={Boolean(error)} validationBehavior="aria"
      isRequired={isRequired} autoFocus={autoFocus} name={name} inputMode={inputMode} autoComplete={autoComplete}>
      <Label>{label}</Label>
      {multiline ? <TextArea /> : <Input />}
      {hint && <Text slot="description" className="hint">{hint}</Text>}
      <FieldError className="field-error">{error}</FieldError>
    </TextField>
  );
}

export interface Choice { id: string; label: string }
export function SelectField({ label, error, hint, value, onChange, choices, isRequired, placeholder }: Common & {
  value: string | null; onChange(v: string): void; choices: readonly Choice[]; placeholder?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select className="field" selectedKey={value} onSelectionChange={(k) => onChange(String(k))} isInvalid={Boolean(error)}
      validationBehavior="aria" isRequired={isRequired} placeholder={placeholder ?? t('fields.choose')}>
      <Label>{label}</Label>
      <Button className="select-button"><SelectValue /><span aria-hidden="true">▾</span></Button>
      {hint && <Text slot="description" className="hint">{hint}</Text>}
      <FieldError className="field-error">{error}</FieldError>
      <Popover className="popover">
        <ListBox className="listbox">
          {choices.map((c) => <ListBoxItem key={c.id} id={c.id} className="option" textValue={c.label}>{c.label}</ListBoxItem>)}
        </ListBox>
      </Popover>
    </Select>
  );
}

export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return <div className="alert error" role="alert">{children}</div>;
}
