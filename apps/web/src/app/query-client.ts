import { MutationCache, QueryCache, QueryClient, type QueryKey } from '@tanstack/react-query';
import { authKeys } from '@/features/auth';
import { isApiRequestError } from '@/lib/api-client';
import { invalidateDeclared } from '@/lib/query-roots';

function sameKey(a: QueryKey, b: QueryKey) {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

/**
 * One place reacts to the session ending or needing a new password:
 * - 401 from anything → `me` becomes null and cached data is dropped; the
 *   session guard then shows the login page (e.g. after an account is disabled).
 * - 403 `password_change_required` → refetch `me`; the guard shows the
 *   change-password page.
 * And one place invalidates after a write: each mutation declares what it
 * makes stale in `meta.invalidates` (lib/query-roots.ts, ADR 0017).
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handleError(error, query.queryKey) }),
    mutationCache: new MutationCache({
      onError: (error) => handleError(error),
      onSuccess: (_data, _variables, _context, mutation) => invalidateDeclared(queryClient, mutation.meta),
    }),
    defaultOptions: {
      queries: {
        // Asked even when the browser says it is offline: the answer is then a network error, which the
        // class teacher's lists and session answer from the phone's copy (ADR 0024) — never a spinner that waits for ever.
        networkMode: 'always',
        staleTime: 30_000,
        // 4xx answers do not get better by asking again.
        retry: (failureCount, error) => (!isApiRequestError(error) || error.statusCode === 0 || error.statusCode >= 500) && failureCount < 2,
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });

  function handleError(error: unknown, queryKey?: QueryKey) {
    if (!isApiRequestError(error)) return;
    if (error.statusCode === 401 && error.code !== 'invalid_credentials' && !(queryKey && sameKey(queryKey, authKeys.me()))) {
      queryClient.removeQueries({ predicate: (query) => !sameKey(query.queryKey, authKeys.me()) });
      queryClient.setQueryData(authKeys.me(), null);
    } else if (error.statusCode === 403 && error.code === 'password_change_required') {
      void queryClient.invalidateQueries({ queryKey: authKeys.me() });
    }
  }

  return queryClient;
}
