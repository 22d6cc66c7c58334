import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '@/lib/use-page-title';
import { ErrorState, isNotFound } from './error-state';
import { LoadingState } from './loading-state';

/** A missing or out-of-scope record (the server answers 404 for both), in plain elements: the phone's pages use it too. */
export function NotFoundNotice() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFoundTitle'));
  return (
    <section className="not-found-notice">
      <h1 className="result-title">{t('errors.notFoundTitle')}</h1>
      <p>{t('errors.notFoundText')}</p>
      <Link to="/" className="link-button">
        {t('errors.backHome')}
      </Link>
    </section>
  );
}

/** What QueryState reads of a query (a hook may hand on its query with the data shaped for the screen). */
export interface QueryLike<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * Loading, error (with retry) and not-found for one query; renders `children`
 * with the data once it is there.
 */
export function QueryState<T>({ query, children }: { query: QueryLike<T>; children: (data: T) => ReactNode }) {
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isNotFound(query.error)) return <NotFoundNotice />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <>{children(query.data as T)}</>;
}
