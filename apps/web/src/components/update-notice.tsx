import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerServiceWorker } from '@/lib/offline/service-worker';
import './update-notice.css';

/**
 * Registers the service worker and, once a new version of the app is ready,
 * offers to reload into it. Plain elements only (no antd): it is mounted on
 * every page, the phone's included, and must not pull antd into their bundles.
 */
export function UpdateNotice() {
  const { t } = useTranslation();
  const [apply, setApply] = useState<(() => void) | null>(null);

  useEffect(() => {
    registerServiceWorker((next) => setApply(() => next));
  }, []);

  // The live region is there, empty and unstyled, from the start, so a screen reader announces the bar when it fills.
  return (
    <div className={apply ? 'update-notice' : undefined} role="status">
      {apply ? (
        <>
          <span className="update-notice-text">{t('errors.updatedTitle')}</span>
          <button type="button" className="update-notice-button" onClick={apply}>
            {t('errors.updateNow')}
          </button>
        </>
      ) : null}
    </div>
  );
}
