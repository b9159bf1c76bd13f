// First-run set-up of an empty installation: the organisation, its language and the first admin;
// on a network also the one-time set-up token from Varde's log (its printed link fills it in).
import { useState, type FormEvent } from 'react';
import { Redirect, useLocation, useSearchParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { api, ApiError } from '../../api/client';
import { useSetupState } from '../../api/hooks';
import { FormError, TextInput } from '../../components/Fields';
import { SelectField } from '../../components/SelectField';
import { localFieldErrors } from '../../components/fieldMessages';
import { LanguageSelect } from '../../components/LanguageSelect';
import { Loading } from '../../components/States';
import { chooseLanguage, LANGUAGES, type Language } from '../../i18n';

export default function SetupPage() {
  const { t, i18n } = useTranslation();
  const state = useSetupState();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [form, setForm] = useState({ organisationName: '', language: (i18n.language as Language) ?? 'nb', name: '', email: '', password: '', setupToken: params.get('token') ?? '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState('');
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  if (state.isLoading) return <Loading />;
  if (state.data && !state.data.needsSetup) return <Redirect to="/" replace />;
  const tokenRequired = state.data?.setupTokenRequired ?? false;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setFormError('');
    try {
      await api.post('/setup', {
        organisationName: form.organisationName, language: form.language, admin: { name: form.name, email: form.email, password: form.password },
        ...(tokenRequired ? { setupToken: form.setupToken.trim() } : {}),
      });
      chooseLanguage(form.language, true);
      await queryClient.invalidateQueries();
      navigate('/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError) {
        const fe = localFieldErrors(t, err);
        setErrors({ ...fe, name: fe['admin.name'] ?? '', email: fe['admin.email'] ?? '', password: fe['admin.password'] ?? '', setupToken: fe.setupToken ? t('setupToken.wrong') : '' });
        if (!err.errors.length) setFormError(err.message);
      } else setFormError(t('errors.network'));
    }
  };

  return (
    <main id="main" className="signin">
      <div className="row" style={{ justifyContent: 'flex-end', marginBottom: '1rem' }}><LanguageSelect /></div>
      <div className="card stack">
        <h1>{t('setup.title')}</h1>
        <p className="muted" style={{ margin: 0 }}>{t('setup.lead')}</p>
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <FormError>{formError}</FormError>
          <TextInput label={t('setup.organisationName')} value={form.organisationName} onChange={set('organisationName')} error={errors.organisationName} isRequired autoFocus />
          <SelectField label={t('setup.language')} value={form.language} onChange={set('language')} error={errors.language}
            choices={LANGUAGES.map((l) => ({ id: l, label: t(`languages.${l}`) }))} />
          {tokenRequired && (
            <>
              <p className="muted" style={{ margin: 0 }}>{t('setupToken.lead')}</p>
              <TextInput label={t('setupToken.label')} value={form.setupToken} onChange={set('setupToken')} error={errors.setupToken} isRequired hint={t('setupToken.hint')} autoComplete="off" />
            </>
          )}
          <h2>{t('setup.firstAdmin')}</h2>
          <TextInput label={t('people.name')} value={form.name} onChange={set('name')} error={errors.name} isRequired autoComplete="name" />
          <TextInput label={t('signIn.email')} type="email" value={form.email} onChange={set('email')} error={errors.email} isRequired autoComplete="username" />
          <TextInput label={t('signIn.password')} type="password" value={form.password} onChange={set('password')} error={errors.password} isRequired hint={t('setup.passwordHint')} autoComplete="new-password" />
          <div className="form-actions"><Button type="submit" className="button">{t('setup.submit')}</Button></div>
        </form>
      </div>
    </main>
  );
}
