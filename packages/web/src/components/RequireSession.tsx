// Sends a visitor without a session to sign in, an empty installation to its set-up, and someone
// signed in with a one-time password to choose their own before anything else.
import type { ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { useMe, useSetupState } from '../api/hooks';
import { ErrorState, Loading } from './States';

export function RequireSession({ children }: { children: ReactNode }) {
  const state = useSetupState();
  const [pathname] = useLocation();
  const search = useSearch();
  const me = useMe({ enabled: state.data?.signedIn === true });
  if (state.isLoading) return <Loading />;
  if (state.error) return <ErrorState error={state.error} onRetry={() => void state.refetch()} />;
  if (state.data?.needsSetup) return <Redirect to="/setup" replace />;
  if (!state.data?.signedIn) return <Redirect to={`/sign-in?next=${encodeURIComponent(pathname + (search ? `?${search}` : ''))}`} replace />;
  if (me.isLoading) return <Loading />;
  if (me.data?.person.passwordChangeRequired && pathname !== '/account') return <Redirect to="/account" replace />;
  return <>{children}</>;
}
