// Boots the web app: languages (for React Aria's widgets too), the data cache and the screens, each
// screen loaded when first opened.
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { Redirect, Route, Switch } from 'wouter';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { i18nReady } from './i18n';
import './styles.css';
import { ApiError } from './api/client';
import { AppShell } from './components/AppShell';
import { RequireSession } from './components/RequireSession';
import { Loading } from './components/States';
import { AriaLocale } from './components/AriaLocale';

const SignInPage = lazy(() => import('./pages/signIn/SignInPage'));
const SetupPage = lazy(() => import('./pages/setup/SetupPage'));
const HomePage = lazy(() => import('./pages/home/HomePage'));
const OrganisationPage = lazy(() => import('./pages/organisation/OrganisationPage'));
const UnitPage = lazy(() => import('./pages/unit/UnitPage'));
const KeyResultPage = lazy(() => import('./pages/keyResult/KeyResultPage'));
const SettingsPage = lazy(() => import('./pages/settings/SettingsPage'));
const AccountPage = lazy(() => import('./pages/account/AccountPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const page = (element: React.ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

function Screens() {
  return (
    <Switch>
      <Route path="/sign-in">{page(<SignInPage />)}</Route>
      <Route path="/setup">{page(<SetupPage />)}</Route>
      <Route>
        <RequireSession>
          <AppShell>
            <Switch>
              <Route path="/">{page(<HomePage />)}</Route>
              <Route path="/organisation">{page(<OrganisationPage />)}</Route>
              <Route path="/units/:unitId">{page(<UnitPage />)}</Route>
              <Route path="/key-results/:keyResultId">{page(<KeyResultPage />)}</Route>
              <Route path="/settings">{page(<SettingsPage />)}</Route>
              <Route path="/account">{page(<AccountPage />)}</Route>
              <Route><Redirect to="/" replace /></Route>
            </Switch>
          </AppShell>
        </RequireSession>
      </Route>
    </Switch>
  );
}

// The first language's texts come before the first render, so no screen flashes its keys.
void i18nReady.then(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AriaLocale>
        <Screens />
      </AriaLocale>
    </QueryClientProvider>
  </StrictMode>,
));
