import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '@/lib/use-page-title';

// Kept apart from error-state.tsx: antd's Result carries large illustrations
// that the first page load does not need.

/** What an out-of-scope or missing record looks like: the server answers 404 for both. */
export function NotFoundResult() {
  const { t } = useTranslation();
  usePageTitle(t('errors.notFoundTitle'));
  return (
    <Result
      status="404"
      title={<h1 className="result-title">{t('errors.notFoundTitle')}</h1>}
      subTitle={t('errors.notFoundText')}
      extra={
        <Link to="/" className="link-button">
          {t('errors.backHome')}
        </Link>
      }
    />
  );
}

/** A page the role may not use (reached by typing its address). */
export function ForbiddenResult() {
  const { t } = useTranslation();
  usePageTitle(t('errors.forbiddenTitle'));
  return (
    <Result
      status="403"
      title={<h1 className="result-title">{t('errors.forbiddenTitle')}</h1>}
      subTitle={t('errors.forbiddenText')}
      extra={
        <Link to="/" className="link-button">
          {t('errors.backHome')}
        </Link>
      }
    />
  );
}
