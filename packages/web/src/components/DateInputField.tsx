// A date field from React Aria, in its own module: the calendar code it needs is loaded with the
// screens that have a date field (settings), not with every form.
import { DateField, DateInput, DateSegment, FieldError, Label, Text } from 'react-aria-components';
import { parseDate } from '@internationalized/date';
import type { Common } from './Fields';

/** A date as the chosen language writes it (dd.mm.åååå in Norwegian, åååå-mm-dd in Swedish,
 *  dd/mm/yyyy in English), from the locale the app gives React Aria, not the browser's own as
 *  <input type="date"> would. The value is the ISO date (YYYY-MM-DD), '' until it is complete. */
export function DateInputField({ label, error, hint, value, onChange, isRequired, name }: Common & { value: string; onChange(v: string): void }) {
  let parsed = null;
  try { parsed = value ? parseDate(value) : null; } catch { parsed = null; }
  return (
    <DateField className="field" value={parsed} onChange={(d) => onChange(d ? d.toString() : '')} isInvalid={Boolean(error)}
      validationBehavior="aria" isRequired={isRequired} name={name} shouldForceLeadingZeros>
      <Label>{label}</Label>
      <DateInput className="date-input">{(segment) => <DateSegment segment={segment} className="date-segment" />}</DateInput>
      {hint && <Text slot="description" className="hint">{hint}</Text>}
      <FieldError className="field-error">{error}</FieldError>
    </DateField>
  );
}
