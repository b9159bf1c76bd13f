// Sends a visitor without a session to sign in, an empty installation to its set-up, and someone
// signed in with a one-time password to choose their own before anything else.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe, useSetupState } from '../api/hooks';
import { ErrorState, Loading } from './States';

export function RequireSession({ children }: { children: ReactNode }) {
  const state = useSetupState();
  const location = useLocation();
  const me = useMe({ enabled: state.data?.signedIn === true });
  if (state.isLoading) return <Loading />;
  if (state.error) return <ErrorState error={state.error} onRetry={() => void state.refetch()} />;
  if (state.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (!state.data?.signedIn) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (me.isLoading) return <Loading />;
  if (me.data?.person.passwordChangeRequired && location.pathname !== '/account') return <Navigate to="/account" replace />;
  return <>{children}</>;
}
