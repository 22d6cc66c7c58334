import { useTranslation } from 'react-i18next';

/** A centred spinner with a spoken label ("加载中…"); plain elements, so the phone's first load carries no component library. */
export function LoadingState({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={fullScreen ? 'loading-full' : 'loading-block'} role="status" aria-live="polite">
      <span className="plain-spinner" aria-hidden="true" />
      <span className="loading-label">{t('common.loading')}</span>
    </div>
  );
}
