// The signed-in person's own account: changing the password, and signing out everywhere. After
// signing in with a one-time password it is the only screen there is, until they chose their own.
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { api, ApiError } from '../../api/client';
import { keys, useMe } from '../../api/hooks';
import { FormError, TextInput } from '../../components/Fields';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { Loading } from '../../components/States';

const FIELDS = ['currentPassword', 'newPassword'];

export default function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const [everywhereError, setEverywhereError] = useState<unknown>(null);
  if (!me.data) return <Loading />;
  const forced = me.data.person.passwordChangeRequired;

  const change = async (e: React.FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setChanged(false);
    setError(null);
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    setBusy(true);
    try {
      await api.post('/me/password', { currentPassword: current, newPassword: next });
      setCurrent(''); setNext(''); setRepeat('');
      await queryClient.invalidateQueries({ queryKey: keys.me });
      if (forced) navigate('/', { replace: true });
      else setChanged(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const signOutEverywhere = async () => {
    setEverywhereError(null);
    try {
      await api.post('/auth/logout-everywhere');
      queryClient.clear();
      navigate('/sign-in');
    } catch (err) {
      setEverywhereError(err);
    }
  };

  const errors = localFieldErrors(t, error);
  // A wrong current password is a 403 that names its field; only what no field shows goes on top.
  const named = error instanceof ApiError && error.errors.some((e) => FIELDS.includes(e.field));
  const message = named ? '' : formMessage(t, error, FIELDS);

  return (
    <div className="stack">
      <h1>{forced ? t('accounts.mustChooseTitle') : t('accounts.title')}</h1>
      {forced && <p className="alert info">{t('accounts.mustChooseLead')}</p>}
      <form className="card form" onSubmit={(e) => void change(e)} noValidate aria-labelledby="change-password">
        <h2 id="change-password">{t('accounts.changePassword')}</h2>
        <FormError>{message}</FormError>
        <TextInput label={t('accounts.currentPassword')} type="password" value={current} onChange={setCurrent} error={errors.currentPassword}
          hint={forced ? t('accounts.oneTimeHint') : undefined} isRequired autoComplete="current-password" autoFocus={forced} />
        <TextInput label={t('accounts.newPassword')} type="password" value={next} onChange={setNext} error={errors.newPassword}
          hint={t('accounts.newPasswordHint')} isRequired autoComplete="new-password" />
        <TextInput label={t('accounts.repeatPassword')} type="password" value={repeat} onChange={setRepeat}
          error={mismatch ? t('accounts.mismatch') : undefined} isRequired autoComplete="new-password" />
        <div className="form-actions">
          <Button type="submit" className="button">{busy ? t('common.working') : forced ? t('accounts.mustChooseSubmit') : t('accounts.submit')}</Button>
        </div>
        <p role="status" className={changed ? 'alert info' : 'visually-hidden'}>{changed ? t('accounts.changed') : ''}</p>
      </form>
      <section className="card stack" aria-labelledby="everywhere">
        <h2 id="everywhere">{t('accounts.everywhereTitle')}</h2>
        <p style={{ margin: 0 }}>{t('accounts.everywhereLead')}</p>
        <FormError>{everywhereError ? formMessage(t, everywhereError, []) : ''}</FormError>
        <div><Button className="button secondary" onPress={() => void signOutEverywhere()}>{t('accounts.everywhere')}</Button></div>
      </section>
    </div>
  );
}
