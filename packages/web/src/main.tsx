// Boots the web app: languages, the data cache and the screens, each screen loaded when first
// opened (React Aria's language provider with the first screen or dialog that has its widgets).
import { StrictMode, Suspense, lazy, startTransition, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { i18nReady } from './i18n';
import './styles.css';
import { ApiError } from './api/client';
import { AppShell } from './components/AppShell';
import { RequireSession } from './components/RequireSession';
import { Loading } from './components/States';
import { withAriaLocale } from './components/lazyPart';
import { firstViewPath, revealApp } from './components/firstView';

// Screens with React Aria's widgets at once bring its language provider along (withAriaLocale).
const withWidgets = (load: () => Promise<{ default: React.ComponentType }>) => lazy(() => withAriaLocale(load().then((m) => m.default)).then((c) => ({ default: c })));
const SignInPage = withWidgets(() => import('./pages/signIn/SignInPage'));
const SetupPage = withWidgets(() => import('./pages/setup/SetupPage'));
const HomePage = lazy(() => import('./pages/home/HomePage'));
const OrganisationPage = lazy(() => import('./pages/organisation/OrganisationPage'));
const UnitPage = lazy(() => import('./pages/unit/UnitPage'));
const KeyResultPage = lazy(() => import('./pages/keyResult/KeyResultPage'));
const ObjectivePage = lazy(() => import('./pages/objective/ObjectivePage'));
const AlignmentPage = lazy(() => import('./pages/alignment/AlignmentPage'));
const WorkshopPage = lazy(() => import('./pages/ritualPages').then((m) => m.openWorkshopPage()));
const SettingsPage = withWidgets(() => import('./pages/settings/SettingsPage'));
const AccountPage = withWidgets(() => import('./pages/account/AccountPage'));
const MeetingPage = lazy(() => import('./pages/ritualPages').then((m) => m.openMeetingPage()));
const RetrospectivePage = withWidgets(() => import('./pages/ritualPages').then((m) => m.openRetrospectivePage()));
const ReviewPage = lazy(() => import('./pages/review/ReviewPage'));
const PeriodReviewsPage = lazy(() => import('./pages/review/PeriodReviewsPage'));
const KpiPage = lazy(() => import('./pages/kpi/KpiPage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

const page = (element: React.ReactNode) => <Suspense fallback={<Loading />}>{element}</Suspense>;

/** A first view is of the screen it was drawn for: sent elsewhere (to sign in, say), the app shows at once. */
function FirstViewOfAnotherScreen() {
  const [location] = useLocation();
  useLayoutEffect(() => { if (firstViewPath !== null && location !== firstViewPath) revealApp(); }, [location]);
  return null;
}

function Screens() {
  return (
    <>
    <FirstViewOfAnotherScreen />
    <Switch>
      <Route path="/sign-in">{page(<SignInPage />)}</Route>
      <Route path="/setup">{page(<SetupPage />)}</Route>
      <Route>
        <RequireSession>
          <AppShell>
            <Switch>
              <Route path="/">{page(<HomePage />)}</Route>
              <Route path="/organisation">{page(<OrganisationPage />)}</Route>
              <Route path="/units/:unitId/alignment">{page(<AlignmentPage />)}</Route>
              <Route path="/units/:unitId/plans/:periodId">{page(<WorkshopPage />)}</Route>
              <Route path="/units/:unitId/retrospectives/:periodId">{page(<RetrospectivePage />)}</Route>
              <Route path="/units/:unitId/reviews/:periodId">{page(<ReviewPage />)}</Route>
              <Route path="/reviews/:periodId">{page(<PeriodReviewsPage />)}</Route>
              <Route path="/units/:unitId">{page(<UnitPage />)}</Route>
              <Route path="/objectives/:objectiveId">{page(<ObjectivePage />)}</Route>
              <Route path="/key-results/:keyResultId">{page(<KeyResultPage />)}</Route>
              <Route path="/settings">{page(<SettingsPage />)}</Route>
              <Route path="/account">{page(<AccountPage />)}</Route>
              <Route path="/meetings/:meetingId">{page(<MeetingPage />)}</Route>
              <Route path="/kpis/:kpiId">{page(<KpiPage />)}</Route>
              <Route><Redirect to="/" replace /></Route>
            </Switch>
          </AppShell>
        </RequireSession>
      </Route>
    </Switch>
    </>
  );
}

// The first language's texts come before the first render, so no screen flashes its keys.
// The first render as a transition: React then draws in slices of a few milliseconds, giving the
// phone's main thread back in between (a first view is already on screen, so nothing waits on it).
void i18nReady.then(() => startTransition(() => createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <Screens />
    </QueryClientProvider>
  </StrictMode>,
)));
