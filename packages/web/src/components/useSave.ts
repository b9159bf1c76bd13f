// The life of a save in a form: busy while it runs, the server's refusal kept for the fields,
// every cached read refreshed after success.
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';

export function useSave(save: () => Promise<unknown>, onSaved: () => void) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // The button stays enabled while saving (a disabled button drops keyboard focus); a second press waits.
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await save();
      await queryClient.invalidateQueries();
      onSaved();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, onSubmit: (e: FormEvent) => void submit(e) };
}
