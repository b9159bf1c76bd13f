// Boots the web app: languages (for React Aria's widgets too), the data cache and the screens, each
// screen loaded when first opened.
import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import './i18n';
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

const router = createBrowserRouter([
  { path: '/sign-in', element: page(<SignInPage />) },
  { path: '/setup', element: page(<SetupPage />) },
  {
    element: <RequireSession><AppShell /></RequireSession>,
    children: [
      { index: true, element: page(<HomePage />) },
      { path: 'organisation', element: page(<OrganisationPage />) },
      { path: 'units/:unitId', element: page(<UnitPage />) },
      { path: 'key-results/:keyResultId', element: page(<KeyResultPage />) },
      { path: 'settings', element: page(<SettingsPage />) },
      { path: 'account', element: page(<AccountPage />) },
      { path: '*', element: <Navigate to="/" replace /> },
    ],
  },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <AriaLocale>
        <RouterProvider router={router} />
      </AriaLocale>
    </QueryClientProvider>
  </StrictMode>,
);
