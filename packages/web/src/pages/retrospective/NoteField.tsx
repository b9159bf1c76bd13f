// A note on one of the six questions: written where the team talks, saved when the writer leaves
// the field or presses Save, and kept up with what others save meanwhile while it is not being edited.
import { forwardRef, useEffect, useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Retrospective, RetrospectiveQuestion } from '@varde/core';
import { patchNotes, retrospectiveKeys } from '../../api/retrospectives';
import { localFieldErrors } from '../../components/fieldMessages';
import { ErrorState } from '../../components/States';
import { useRetrospectiveTexts } from '../../i18n/retrospectiveTexts';

export const NoteField = forwardRef<HTMLTextAreaElement, { retro: Retrospective; question: RetrospectiveQuestion }>(function NoteField({ retro, question }, ref) {
  const { t } = useRetrospectiveTexts();
  const queryClient = useQueryClient();
  const id = useId();
  const stored = retro.notes[question];
  const [value, setValue] = useState(stored);
  const [dirty, setDirty] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { if (!dirty) setValue(stored); }, [stored, dirty]);
  const title = t(`questions.${question}.title`);

  const save = async () => {
    if (!dirty) return;
    setStatus(t('saving')); setError(null);
    try {
      const current = queryClient.getQueryData<Retrospective>(retrospectiveKeys.one(retro.unitId, retro.periodId)) ?? retro;
      const answer = await patchNotes(current, { [question]: value });
      queryClient.setQueryData(retrospectiveKeys.one(retro.unitId, retro.periodId), answer);
      setDirty(false);
      setStatus(t('saved'));
    } catch (e) { setError(e); setStatus(''); }
  };

  const fieldError = localFieldErrors(t, error)[`notes.${question}`];
  if (!retro.can.edit) return stored ? <p className="quote" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{stored}</p> : null;
  return (
    <div className="field" data-invalid={fieldError ? true : undefined}>
      <label htmlFor={id}>{t('note', { question: title })}</label>
      <textarea ref={ref} id={id} value={value} rows={3} maxLength={4000} aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? `${id}-error` : undefined}
        onChange={(e) => { setValue(e.target.value); setDirty(true); setStatus(''); }} onBlur={() => void save()} />
      {fieldError && <span id={`${id}-error`} className="field-error">{fieldError}</span>}
      <div className="row">
        <button type="button" className="button secondary small" onClick={() => void save()} disabled={!dirty}>{t('saveNote')}</button>
        <span className="small muted" role="status" aria-live="polite">{status}</span>
      </div>
      {error !== null && !fieldError && <ErrorState error={error} />}
    </div>
  );
});
