import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { ErrorState, isNotFound } from './error-state';
import { NotFoundResult } from './result-pages';
import { LoadingState } from './loading-state';

/**
 * Loading, error (with retry) and not-found for one query; renders `children`
 * with the data once it is there.
 */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFoundResult />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data)}</>;
}
