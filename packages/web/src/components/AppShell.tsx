// The frame of every signed-in screen: a skip link, the demo banner while demo data exists, the
// navigation landmark, the language choice, sign-out, the main landmark that screens fill, and
// the one place that confirms a save (Toast), and the live updates of what others change (LiveUpdates).
import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../api/hooks';
import { api } from '../api/client';
import { chooseLanguage, storedLanguage } from '../i18n';
import { LanguageSelect } from './LanguageSelect';
import { DemoBanner } from './DemoBanner';
import { ToastProvider } from './Toast';
import { NavLink } from './NavLink';
import { LiveUpdates } from './LiveUpdates';
import { closeLive } from '../api/live';

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();

  useEffect(() => {
    const orgLanguage = me.data?.organisation.language;
    if (orgLanguage && !storedLanguage()) chooseLanguage(orgLanguage, false);
  }, [me.data?.organisation.language]);

  const signOut = async () => {
    // Closed first: the stream is the session's, and would otherwise be told it ended.
    closeLive();
    await api.post('/auth/logout');
    queryClient.clear();
    navigate('/sign-in');
  };

  return (
    <ToastProvider>
      <a className="skip-link" href="#main">{t('nav.skip')}</a>
      <DemoBanner isAdmin={me.data?.person.isAdmin ?? false} />
      <header className="topbar">
        <div className="topbar-inner">
          <NavLink to="/" className="brand" aria-label={t('nav.homeLabel')}>
            <img src="/favicon.svg" alt="" width="28" height="28" /> Varde
          </NavLink>
          <nav aria-label={t('nav.label')} className="nav">
            <NavLink to="/">{t('nav.mine')}</NavLink>
            <NavLink to="/organisation">{t('nav.organisation')}</NavLink>
            {me.data?.person.isAdmin && <NavLink to="/settings">{t('nav.settings')}</NavLink>}
          </nav>
          <span className="spacer" />
          <LanguageSelect />
          {me.data && <NavLink to="/account" className="account-link" aria-label={t('accounts.linkLabel', { name: me.data.person.name })}>{me.data.person.name}</NavLink>}
          <button type="button" className="button small secondary" onClick={() => void signOut()}>{t('nav.signOut')}</button>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
      {me.data && <LiveUpdates viewerId={me.data.person.id} />}
    </ToastProvider>
  );
}
