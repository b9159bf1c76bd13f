// The retrospective's actions for the next cycle: the whole list edited together (text, an owner
// from the unit's members, a due date, done) and saved at once, ids kept, as the API takes it.
import { useEffect, useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Retrospective } from '@varde/core';
import { useMembers } from '../../api/hooks';
import { ApiError } from '../../api/client';
import { patchActions, retrospectiveKeys } from '../../api/retrospectives';
import { DateInputField } from '../../components/DateInputField';
import { SelectField } from '../../components/SelectField';
import { localFieldErrors } from '../../components/fieldMessages';
import { focusFirstInvalid } from '../../components/focusFirstInvalid';
import { ErrorState } from '../../components/States';
import { useToast } from '../../components/Toast';
import { date } from '../../i18n/format';
import { useRetrospectiveTexts } from '../../i18n/retrospectiveTexts';

interface Draft { key: string; id?: string; text: string; ownerId: string; dueDate: string; done: boolean }
const NO_OWNER = '-';
const draftsOf = (r: Retrospective): Draft[] => r.actions.map((a) => ({ key: a.id, id: a.id, text: a.text, ownerId: a.ownerId ?? NO_OWNER, dueDate: a.dueDate ?? '', done: a.done }));
let fresh = 0;

export function ActionsEditor({ retro }: { retro: Retrospective }) {
  const { t, i18n } = useRetrospectiveTexts();
  const queryClient = useQueryClient();
  const toast = useToast();
  const members = useMembers(retro.can.edit ? retro.unitId : undefined);
  const base = useId();
  const [drafts, setDrafts] = useState<Draft[]>(() => draftsOf(retro));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { if (!dirty) setDrafts(draftsOf(retro)); }, [retro, dirty]);

  const change = (key: string, patch: Partial<Draft>) => { setDirty(true); setDrafts((ds) => ds.map((d) => (d.key === key ? { ...d, ...patch } : d))); };
  const add = () => { setDirty(true); setDrafts((ds) => [...ds, { key: `new-${++fresh}`, text: '', ownerId: NO_OWNER, dueDate: '', done: false }]); };
  const remove = (key: string) => { setDirty(true); setDrafts((ds) => ds.filter((d) => d.key !== key)); };
  const save = async (form: HTMLFormElement) => {
    if (busy) return;
    setBusy(true); setError(null);
    try {
      const answer = await patchActions(retro, drafts.map((d) => ({
        ...(d.id ? { id: d.id } : {}), text: d.text, ownerId: d.ownerId === NO_OWNER ? null : d.ownerId, dueDate: d.dueDate || null, done: d.done,
      })));
      queryClient.setQueryData(retrospectiveKeys.one(retro.unitId, retro.periodId), answer);
      void queryClient.invalidateQueries({ queryKey: ['myWork'] });
      setDirty(false);
      setDrafts(draftsOf(answer));
      toast(t('actions.saved'));
    } catch (e) {
      setError(e);
      // Another's list meanwhile: read afresh, and the writer applies their change again.
      if (e instanceof ApiError && e.status === 409) { setDirty(false); void queryClient.invalidateQueries({ queryKey: retrospectiveKeys.one(retro.unitId, retro.periodId) }); }
      else requestAnimationFrame(() => focusFirstInvalid(form));
    } finally { setBusy(false); }
  };

  const errors = localFieldErrors(t, error);
  const choices = [{ id: NO_OWNER, label: t('actions.noOwner') }, ...(members.data?.items ?? []).map((p) => ({ id: p.id, label: p.name }))];
  // An owner who has left the unit stays choosable on the action they hold.
  for (const a of retro.actions) if (a.ownerId && !choices.some((c) => c.id === a.ownerId)) choices.push({ id: a.ownerId, label: a.ownerName ?? '' });

  return (
    <section className="card stack" aria-labelledby="actions-heading" data-testid="retro-actions">
      <h2 id="actions-heading">{t('actions.heading')}</h2>
      <p className="muted" style={{ margin: 0 }}>{t('actions.lead')}</p>
      {!retro.can.edit ? (
        retro.actions.length === 0 ? <p className="muted">{t('actions.none')}</p> : (
          <ul>
            {retro.actions.map((a) => (
              <li key={a.id}>{a.done ? <s>{a.text}</s> : a.text}{a.ownerName && <> · {a.ownerName}</>}{a.dueDate && <> · {date(i18n.language, `${a.dueDate}T12:00:00Z`, 'UTC')}</>}{a.done && <> · {t('actions.done')}</>}</li>
            ))}
          </ul>
        )
      ) : (
        <form className="stack" noValidate onSubmit={(e) => { e.preventDefault(); void save(e.currentTarget); }}>
          {drafts.length === 0 && <p className="muted" style={{ margin: 0 }}>{t('actions.none')}</p>}
          {drafts.map((d, i) => {
            const textId = `${base}-${d.key}-text`;
            const textError = errors[`actions.${i}.text`];
            return (
              <fieldset key={d.key} className="retro-action" style={{ border: 0, margin: 0, padding: '.6rem 0 0', borderTop: '1px solid var(--line)' }}>
                <legend className="visually-hidden">{t('actions.text', { n: i + 1 })}</legend>
                <div className="field" data-invalid={textError ? true : undefined}>
                  <label htmlFor={textId}>{t('actions.text', { n: i + 1 })}</label>
                  <input id={textId} value={d.text} maxLength={500} required aria-invalid={textError ? true : undefined}
                    aria-describedby={textError ? `${textId}-error` : undefined} onChange={(e) => change(d.key, { text: e.target.value })} />
                  {textError && <span id={`${textId}-error`} className="field-error">{textError}</span>}
                </div>
                <SelectField label={t('actions.owner')} value={d.ownerId} onChange={(ownerId) => change(d.key, { ownerId })} choices={choices} error={errors[`actions.${i}.ownerId`]} />
                <DateInputField label={t('actions.due')} value={d.dueDate} onChange={(dueDate) => change(d.key, { dueDate })} error={errors[`actions.${i}.dueDate`]} />
                <label className="row" style={{ gap: '.3rem', minHeight: '44px' }}>
                  <input type="checkbox" checked={d.done} onChange={(e) => change(d.key, { done: e.target.checked })} /> {t('actions.done')}
                </label>
                <button type="button" className="button secondary small" onClick={() => remove(d.key)}>{t('actions.remove', { n: i + 1 })}</button>
              </fieldset>
            );
          })}
          <div className="row">
            <button type="button" className="button secondary" onClick={add}>{t('actions.add')}</button>
            <button type="submit" className="button" disabled={!dirty}>{busy ? t('common.working') : t('actions.save')}</button>
          </div>
          {error instanceof ApiError && error.status === 409 && <div className="alert error" role="alert">{t('actions.changedElsewhere')}</div>}
          {error !== null && !(error instanceof ApiError && (error.status === 409 || Object.keys(errors).length > 0)) && <ErrorState error={error} />}
        </form>
      )}
    </section>
  );
}
