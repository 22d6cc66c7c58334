import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export interface OneTimePassword {
  username: string;
  displayName: string;
  password: string;
}

/**
 * Shows a new account's (or a reset's) one-time password exactly once. It
 * lives only in this component's props: never in storage, a URL or a cache.
 */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  async function copy() {
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value.password);
      void message.success(t('accounts.oneTime.copied'));
    } catch {
      void message.warning(t('accounts.oneTime.copyFailed'));
    }
  }

  return (
    <Modal
      open={value !== null}
      title={t('accounts.oneTime.title')}
      closable={false}
      keyboard={false}
      mask={{ closable: false }}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('accounts.oneTime.done')}
        </Button>
      }
      destroyOnHidden
    >
      {value ? (
        <Flex vertical gap={16}>
          <Typography.Paragraph className="no-margin">{t('accounts.oneTime.intro', { name: value.displayName, username: value.username })}</Typography.Paragraph>
          <div>
            <Typography.Text strong id="one-time-password-label">
              {t('accounts.oneTime.label')}
            </Typography.Text>
            <Flex wrap gap={8} align="center" className="one-time-password-row">
              <output className="one-time-password" aria-labelledby="one-time-password-label" data-testid="one-time-password">
                {value.password}
              </output>
              <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy()}>
                {t('accounts.oneTime.copy')}
              </Button>
            </Flex>
          </div>
          <Alert type="warning" showIcon title={t('accounts.oneTime.warning')} />
        </Flex>
      ) : null}
    </Modal>
  );
}
