import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** A page's code that cannot be fetched: usually a new version was deployed while this tab was open. */
function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(error.message);
}

/**
 * What the user sees instead of react-router's developer page when a route
 * fails to load or render: plain elements (no component library), a reload
 * and a way home.
 */
export default function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  const updated = isChunkLoadError(error);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main className="route-error" role="alert">
      <h1>{updated ? t('errors.updatedTitle') : notFound ? t('errors.notFoundTitle') : t('errors.title')}</h1>
      <p>{updated ? t('errors.updatedText') : t('errors.pageFailed')}</p>
      <p className="route-error-actions">
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
        <a href="/">{t('errors.home')}</a>
      </p>
    </main>
  );
}
