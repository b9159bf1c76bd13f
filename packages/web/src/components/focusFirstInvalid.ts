// After a refused save, focus goes to the first field to fix (its message is beside it), not
import { useEffect, useRef } from 'react';
// left on "Save" while the message shows at the top of a long form.
const FOCUSABLE = 'input:not([type="hidden"]):not([tabindex="-1"]), textarea, select, button:not([tabindex="-1"]), [role="radio"], [tabindex="0"]';

/** Focuses the first invalid field's control in `form`; answers whether there was one. */
export function focusFirstInvalid(form: HTMLElement | null): boolean {
  if (!form) return false;
  // React Aria marks each invalid field's wrapper with data-invalid, and its input with aria-invalid.
  for (const field of form.querySelectorAll<HTMLElement>('[data-invalid], [aria-invalid="true"]')) {
    const control = field.matches(FOCUSABLE) ? field : [...field.querySelectorAll<HTMLElement>(FOCUSABLE)].find((c) => !c.closest('[aria-hidden="true"]'));
    if (control) { control.focus(); return true; }
  }
  return false;
}

/** A ref for a form whose own submit keeps `error`: once a refusal is drawn, the first field to fix has focus. */
export function useFocusFirstInvalid<T extends HTMLElement>(error: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => { if (error) focusFirstInvalid(ref.current); }, [error]);
  return ref;
}
