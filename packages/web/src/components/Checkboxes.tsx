// Checkboxes from React Aria Components, each box on the same row as its label (beside it, never
// above), in a group with its legend and the server's message for it.
import type { ReactNode } from 'react';
import { Checkbox, CheckboxGroup, FieldError, Label, Text } from 'react-aria-components';

/** One box and its label, in a group or alone (then with isSelected and onChange). */
export function Check({ children, value, isSelected, onChange, 'aria-label': ariaLabel }: {
  children: ReactNode; value?: string; isSelected?: boolean; onChange?(selected: boolean): void; 'aria-label'?: string;
}) {
  return (
    <Checkbox className="checkbox" value={value} isSelected={isSelected} onChange={onChange} aria-label={ariaLabel}>
      <span className="checkbox-box" aria-hidden="true">
        <svg viewBox="0 0 18 18" width="14" height="14"><polyline points="3.5 9.5 7.5 13 14.5 5" fill="none" strokeWidth="2.6" stroke="currentColor" /></svg>
      </span>
      <span className="checkbox-label">{children}</span>
    </Checkbox>
  );
}

/** A list of boxes under one label; the value is the chosen boxes' values. */
export function CheckboxList({ label, value, onChange, error, hint, children }: {
  label: string; value: string[]; onChange(v: string[]): void; error?: string | undefined; hint?: string | undefined; children: ReactNode;
}) {
  return (
    <CheckboxGroup className="field checkbox-list" value={value} onChange={onChange} isInvalid={Boolean(error)} validationBehavior="aria">
      <Label>{label}</Label>
      {hint && <Text slot="description" className="hint">{hint}</Text>}
      <div className="checkbox-items">{children}</div>
      <FieldError className="field-error">{error}</FieldError>
    </CheckboxGroup>
  );
}
