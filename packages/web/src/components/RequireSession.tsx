// Sends a visitor without a session to sign in, and an empty installation to its set-up.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSetupState } from '../api/hooks';
import { ErrorState, Loading } from './States';

export function RequireSession({ children }: { children: ReactNode }) {
  const state = useSetupState();
  const location = useLocation();
  if (state.isLoading) return <Loading />;
  if (state.error) return <ErrorState error={state.error} onRetry={() => void state.refetch()} />;
  if (state.data?.needsSetup) return <Navigate to="/setup" replace />;
  if (!state.data?.signedIn) return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  return <>{children}</>;
}
