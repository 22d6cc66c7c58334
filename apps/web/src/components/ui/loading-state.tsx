import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

/** A centred spinner with a spoken label ("加载中…"). */
export function LoadingState({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex justify="center" align="center" className={fullScreen ? 'loading-full' : 'loading-block'} role="status" aria-live="polite">
      <Spin description={t('common.loading')} />
    </Flex>
  );
}
