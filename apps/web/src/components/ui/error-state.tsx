import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '@/lib/api-client';

/** An error the user can act on: the server's localized message and a retry (plain elements: the phone's pages use it too). */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : t('errors.title');
  return (
    <div className="plain-alert plain-alert-error" role="alert">
      <div className="plain-alert-body">
        <strong className="plain-alert-title">{t('errors.title')}</strong>
        <p>{message}</p>
      </div>
      {onRetry ? (
        <button type="button" className="plain-button plain-button-danger" onClick={onRetry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function isNotFound(error: unknown): boolean {
  return isApiRequestError(error) && error.statusCode === 404;
}
