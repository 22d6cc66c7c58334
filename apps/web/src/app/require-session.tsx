import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { useMe } from '@/features/auth';
import { clearAllDrafts } from '@/lib/drafts';
import { SessionContext } from '@/lib/session';

export const CHANGE_PASSWORD_PATH = '/change-password';

/**
 * Everything but the login page sits behind this guard: no session → login
 * (remembering where the user was going); an initial password not yet
 * changed → the change-password page and nothing else.
 */
export function RequireSession() {
  const me = useMe();
  const location = useLocation();

  if (me.isPending) return <LoadingState fullScreen />;
  if (me.isError && me.data === undefined) {
    return (
      <main className="loading-full">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} />
      </main>
    );
  }
  if (!me.data) {
    // The session has ended (expired, signed out elsewhere): no unsent form stays behind in this tab.
    clearAllDrafts();
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return (
    <SessionContext.Provider value={me.data}>
      <Outlet />
    </SessionContext.Provider>
  );
}
