// The life of a save in a form: busy while it runs, the server's refusal kept for the fields,
// every cached read refreshed after success, focus on the first field to fix after a refusal.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { focusFirstInvalid } from './focusFirstInvalid';
import { useToast } from './Toast';

/** `saved`, when given, is the confirmation shown and announced after success ("Initiative saved"). */
export function useSave(save: () => Promise<unknown>, onSaved: () => void, saved?: string) {
  const toast = useToast();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLElement | null>(null);
  // Once a refusal is drawn, focus the first field it names.
  useEffect(() => { if (error) focusFirstInvalid(form.current); }, [error]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    form.current = e.currentTarget as HTMLElement;
    // The button stays enabled while saving (a disabled button drops keyboard focus); a second press waits.
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await save();
      await queryClient.invalidateQueries();
      onSaved();
      if (saved) toast(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, onSubmit: (e: FormEvent) => void submit(e) };
}
