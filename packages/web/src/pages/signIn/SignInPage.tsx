// Sign in with e-mail and password; in demo mode the demo accounts are listed to try.
import { useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { api, ApiError } from '../../api/client';
import { useSetupState } from '../../api/hooks';
import { FormError, TextInput } from '../../components/Fields';
import { localFieldErrors } from '../../components/fieldMessages';
import { LanguageSelect } from '../../components/LanguageSelect';
import { useSave } from '../../components/useSave';
import { DemoBanner } from '../../components/DemoBanner';

const DEMO_ACCOUNTS = ['admin@demo.varde.no', 'marte@demo.varde.no', 'jonas@demo.varde.no'];

export default function SignInPage() {
  const { t } = useTranslation();
  const setup = useSetupState();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const mustChange = useRef(false);
  const { error, busy, onSubmit } = useSave(async () => {
    const answer = await api.post<{ passwordChangeRequired: boolean }>('/auth/login', { email, password });
    mustChange.current = answer.passwordChangeRequired;
  }, () => {
    // After a one-time password the account screen comes first; it goes on to the rest.
    const next = params.get('next');
    navigate(mustChange.current ? '/account' : next && next.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
  });
  // A wrong password is said once for the whole form, not pinned to one of the two fields.
  const wrong = error instanceof ApiError && error.status === 401;
  // Too many failed sign-ins: said for the whole form too, with how long to wait.
  const limited = error instanceof ApiError && error.status === 429;
  const errors = wrong || limited ? {} : localFieldErrors(t, error);
  const waitMinutes = limited ? Number(error.errors[0]?.params?.minutes ?? 15) : 0;
  const formError = wrong ? t('signIn.wrong') : limited ? t('signInLimits.tooMany', { count: waitMinutes })
    : error && !(error instanceof ApiError) ? t('errors.network') : '';

  return (
    <>
      <DemoBanner />
      <main id="main" className="signin">
        <div className="row" style={{ justifyContent: 'space-between', marginBottom: '1rem' }}>
          <span className="brand" style={{ color: 'var(--accent)' }}><img src="/favicon.svg" alt="" width="32" height="32" /> Varde</span>
          <LanguageSelect />
        </div>
        <div className="card stack">
          <h1>{t('signIn.title')}</h1>
          <p className="muted" style={{ margin: 0 }}>{t('signIn.lead')}</p>
          <form className="form" onSubmit={onSubmit} noValidate>
            <FormError>{formError}</FormError>
            <TextInput label={t('signIn.email')} type="email" value={email} onChange={setEmail} error={errors.email} isRequired autoComplete="username" inputMode="email" autoFocus />
            <TextInput label={t('signIn.password')} type="password" value={password} onChange={setPassword} error={errors.password} isRequired autoComplete="current-password" />
            <div className="form-actions"><Button type="submit" className="button">{busy ? t('common.working') : t('signIn.submit')}</Button></div>
          </form>
        </div>
        {setup.data?.demo && (
          <section className="card demo-accounts" style={{ marginTop: '1rem' }} aria-labelledby="demo-heading">
            <h2 id="demo-heading">{t('signIn.demoTitle')}</h2>
            <p>{t('signIn.demoLead', { password: 'varde-demo' })}</p>
            <ul>
              {DEMO_ACCOUNTS.map((a) => (
                <li key={a}>
                  <button type="button" className="button quiet small" onClick={() => { setEmail(a); setPassword('varde-demo'); }}>
                    {t('signIn.useAccount', { account: a })}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </>
  );
}
