import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiRequestError } from '@/lib/api-client';

/** An error the user can act on: the server's localized message and a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : t('errors.title');
  return (
    <Alert
      type="error"
      showIcon
      title={t('errors.title')}
      description={message}
      action={
        onRetry ? (
          <Button onClick={onRetry} danger>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}

export function isNotFound(error: unknown): boolean {
  return isApiRequestError(error) && error.statusCode === 404;
}
