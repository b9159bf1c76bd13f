// The people of the organisation: adding one with a first password, deactivating and reactivating
// them, and setting a one-time password for someone who lost theirs.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import type { Person } from '@varde/core';
import { api } from '../../api/client';
import { useMe, usePeople, useUnits } from '../../api/hooks';
import { FormError, TextInput } from '../../components/Fields';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { Modal } from '../../components/Modal';
import { Check } from '../../components/Checkboxes';
import { useSave } from '../../components/useSave';
import { Loading } from '../../components/States';
import { useFocusFirstInvalid } from '../../components/focusFirstInvalid';
import { useToast } from '../../components/Toast';

type Action = { kind: 'activation' | 'reset'; person: Person };

export function PeopleSettings() {
  const { t } = useTranslation();
  const people = usePeople();
  const units = useUnits();
  const me = useMe();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', email: '', password: '', isAdmin: false });
  const [error, setError] = useState<unknown>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [done, setDone] = useState('');
  const formRef = useFocusFirstInvalid<HTMLFormElement>(error);
  const toast = useToast();
  if (!people.data) return <Loading />;
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post('/people', form);
      setForm({ name: '', email: '', password: '', isAdmin: false });
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      toast(t('controls.personAdded', { name: form.name }));
    } catch (err) { setError(err); }
  };
  const errors = localFieldErrors(t, error);
  return (
    <div className="stack">
      <div className="card">
        <h2>{t('settings.people')}</h2>
        <p role="status" className={done ? 'alert info' : 'visually-hidden'}>{done}</p>
        <table className="data stacked">
          <thead>
            <tr>
              <th scope="col">{t('people.name')}</th><th scope="col">{t('signIn.email')}</th><th scope="col">{t('settings.unitsOf')}</th>
              <th scope="col">{t('settings.admin')}</th><th scope="col">{t('accounts.status')}</th><th scope="col">{t('accounts.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {people.data.map((p) => (
              <tr key={p.id}>
                <td data-label={t('people.name')}>{p.name}</td><td data-label={t('signIn.email')} className="wrap-anywhere">{p.email}</td>
                <td data-label={t('settings.unitsOf')}>{p.memberships.map((m) => `${unitName.get(m.unitId) ?? ''}${m.role === 'lead' ? ` (${t('settings.lead')})` : ''}`).join(', ')}</td>
                <td data-label={t('settings.admin')}>{p.isAdmin ? t('common.yes') : t('common.no')}</td>
                <td data-label={t('accounts.status')}>
                  {p.active ? t('accounts.active') : t('accounts.inactive')}
                  {p.passwordChangeRequired && <><br /><span className="small">{t('accounts.mustChange')}</span></>}
                </td>
                <td data-label={t('accounts.actions')}>
                  {p.id !== me.data?.person.id && (
                    <div className="row">
                      <Button className="button small secondary" aria-label={t(p.active ? 'accounts.deactivateNamed' : 'accounts.reactivateNamed', { name: p.name })}
                        onPress={() => { setDone(''); setAction({ kind: 'activation', person: p }); }}>
                        {p.active ? t('accounts.deactivate') : t('accounts.reactivate')}
                      </Button>
                      <Button className="button small secondary" aria-label={t('accounts.resetNamed', { name: p.name })}
                        onPress={() => { setDone(''); setAction({ kind: 'reset', person: p }); }}>
                        {t('accounts.resetPassword')}
                      </Button>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {action?.kind === 'activation' && <ActivationDialog person={action.person} onClose={(message) => { setAction(null); setDone(message); }} />}
      {action?.kind === 'reset' && <OneTimePasswordDialog person={action.person} onClose={() => setAction(null)} />}
      <form ref={formRef} className="card form" onSubmit={(e) => void add(e)} noValidate aria-labelledby="new-person">
        <h2 id="new-person">{t('settings.newPerson')}</h2>
        <FormError>{formMessage(t, error, ['name', 'email', 'password', 'isAdmin'])}</FormError>
        <div className="grid-2">
          <TextInput label={t('people.name')} value={form.name} onChange={(v) => setForm({ ...form, name: v })} error={errors.name} isRequired />
          <TextInput label={t('signIn.email')} type="email" value={form.email} onChange={(v) => setForm({ ...form, email: v })} error={errors.email} isRequired />
          <TextInput label={t('settings.firstPassword')} type="password" value={form.password} onChange={(v) => setForm({ ...form, password: v })} error={errors.password} isRequired hint={t('setup.passwordHint')} autoComplete="new-password" />
        </div>
        <Check isSelected={form.isAdmin} onChange={(isAdmin) => setForm({ ...form, isAdmin })}>{t('settings.makeAdmin')}</Check>
        <div className="form-actions"><Button type="submit" className="button">{t('settings.addPerson')}</Button></div>
      </form>
    </div>
  );
}

/** Asks before deactivating or reactivating; answers what happened, for the status line. */
function ActivationDialog({ person, onClose }: { person: Person; onClose(message: string): void }) {
  const { t } = useTranslation();
  const deactivating = person.active;
  const { error, busy, onSubmit } = useSave(
    () => api.patch(`/people/${person.id}`, { version: person.version, active: !deactivating }),
    () => onClose(t(deactivating ? 'accounts.deactivated' : 'accounts.reactivated', { name: person.name })),
  );
  return (
    <Modal title={t(deactivating ? 'accounts.deactivateTitle' : 'accounts.reactivateTitle', { name: person.name })} isOpen onClose={() => onClose('')}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError>{formMessage(t, error, [])}</FormError>
        <p>{t(deactivating ? 'accounts.deactivateLead' : 'accounts.reactivateLead', { name: person.name })}</p>
        <div className="form-actions">
          <Button className="button secondary" onPress={() => onClose('')}>{t('common.cancel')}</Button>
          <Button type="submit" className="button">{busy ? t('common.working') : t(deactivating ? 'accounts.deactivate' : 'accounts.reactivate')}</Button>
        </div>
      </form>
    </Modal>
  );
}

/** Asks before replacing the person's password, then shows the one-time password this once. */
function OneTimePasswordDialog({ person, onClose }: { person: Person; onClose(): void }) {
  const { t } = useTranslation();
  const [oneTime, setOneTime] = useState('');
  const [copied, setCopied] = useState(false);
  const { error, busy, onSubmit } = useSave(
    async () => setOneTime((await api.post<{ oneTimePassword: string }>(`/people/${person.id}/password-reset`)).oneTimePassword),
    () => {},
  );
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(oneTime);
      setCopied(true);
    } catch {
      // Without clipboard access the password is still there to select and copy by hand.
    }
  };
  return (
    // The password is shown only this once: a stray click outside or Escape asks before it is gone.
    <Modal title={t('accounts.resetTitle', { name: person.name })} isOpen onClose={onClose} isDirty={oneTime !== ''}
      discard={{ title: t('look.closePasswordTitle'), lead: t('look.closePasswordLead', { name: person.name }), keep: t('look.keepPassword'), confirm: t('look.closePassword') }}>
      {oneTime ? (
        <div className="form">
          <p>{t('accounts.oneTimeShown', { name: person.name })}</p>
          <p>
            <span className="small">{t('accounts.oneTimePassword')}</span><br />
            <code className="one-time-password" data-testid="one-time-password">{oneTime}</code>
          </p>
          <p role="status" className="small">{copied ? t('accounts.copied') : ''}</p>
          <div className="form-actions">
            <Button className="button secondary" onPress={() => void copy()}>{t('accounts.copy')}</Button>
            <Button className="button" onPress={onClose}>{t('accounts.done')}</Button>
          </div>
        </div>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          <FormError>{formMessage(t, error, [])}</FormError>
          <p>{t('accounts.resetLead')}</p>
          <div className="form-actions">
            <Button className="button secondary" onPress={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" className="button">{busy ? t('common.working') : t('accounts.resetConfirm')}</Button>
          </div>
        </form>
      )}
    </Modal>
  );
}
