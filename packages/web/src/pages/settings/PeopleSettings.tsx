// The people of the organisation, and adding one with a first password.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { api } from '../../api/client';
import { usePeople, useUnits } from '../../api/hooks';
import { FormError, TextInput } from '../../components/Fields';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { Loading } from '../../components/States';

export function PeopleSettings() {
  const { t } = useTranslation();
  const people = usePeople();
  const units = useUnits();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', email: '', password: '', isAdmin: false });
  const [error, setError] = useState<unknown>(null);
  if (!people.data) return <Loading />;
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post('/people', form);
      setForm({ name: '', email: '', password: '', isAdmin: false });
      await queryClient.invalidateQueries({ queryKey: ['people'] });
    } catch (err) { setError(err); }
  };
  const errors = localFieldErrors(t, error);
  return (
    <div className="stack">
      <div className="card" style={{ overflowX: 'auto' }}>
        <h2>{t('settings.people')}</h2>
        <table className="data">
          <thead><tr><th scope="col">{t('people.name')}</th><th scope="col">{t('signIn.email')}</th><th scope="col">{t('settings.unitsOf')}</th><th scope="col">{t('settings.admin')}</th></tr></thead>
          <tbody>
            {people.data.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td><td>{p.email}</td>
                <td>{p.memberships.map((m) => `${unitName.get(m.unitId) ?? ''}${m.role === 'lead' ? ` (${t('settings.lead')})` : ''}`).join(', ')}</td>
                <td>{p.isAdmin ? t('common.yes') : t('common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form className="card form" onSubmit={(e) => void add(e)} noValidate aria-labelledby="new-person">
        <h2 id="new-person">{t('settings.newPerson')}</h2>
        <FormError>{formMessage(t, error, ['name', 'email', 'password', 'isAdmin'])}</FormError>
        <div className="grid-2">
          <TextInput label={t('people.name')} value={form.name} onChange={(v) => setForm({ ...form, name: v })} error={errors.name} isRequired />
          <TextInput label={t('signIn.email')} type="email" value={form.email} onChange={(v) => setForm({ ...form, email: v })} error={errors.email} isRequired />
          <TextInput label={t('settings.firstPassword')} type="password" value={form.password} onChange={(v) => setForm({ ...form, password: v })} error={errors.password} isRequired hint={t('setup.passwordHint')} autoComplete="new-password" />
        </div>
        <label className="row"><input type="checkbox" checked={form.isAdmin} onChange={(e) => setForm({ ...form, isAdmin: e.target.checked })} /> {t('settings.makeAdmin')}</label>
        <div className="form-actions"><Button type="submit" className="button">{t('settings.addPerson')}</Button></div>
      </form>
    </div>
  );
}
