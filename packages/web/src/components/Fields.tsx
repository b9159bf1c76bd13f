// Text fields from React Aria Components, each with its label and the server's message for it
// (choices are native selects: SelectField.tsx).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FieldError, Input, Label, Text, TextArea, TextField,
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

export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null;
  return <div className="alert error" role="alert">{children}</div>;
}
