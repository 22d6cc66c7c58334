import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account, AccountWithPassword } from '@campus/shared';
import { useResetPassword } from '../api/reset-password';
import { useUpdateAccount } from '../api/update-account';

/** Reset password / disable / enable an account, each after a confirmation. */
export function useAccountActions(onPassword: (result: AccountWithPassword) => void) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const updateAccount = useUpdateAccount();
  const resetPassword = useResetPassword();

  function showError(error: unknown) {
    modal.error({ title: t('errors.title'), content: error instanceof Error ? error.message : undefined, okText: t('common.close') });
  }

  function confirmResetPassword(account: Account) {
    void modal.confirm({
      title: t('accounts.resetTitle', { name: t('common.nameAndUsername', { name: account.displayName, username: account.username }) }),
      content: t('accounts.resetText'),
      okText: t('accounts.resetPassword'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const result = await resetPassword.mutateAsync(account.id);
          resetPassword.reset();
          onPassword(result);
        } catch (error) {
          showError(error);
        }
      },
    });
  }

  function confirmToggleDisabled(account: Account) {
    const disabling = !account.disabled;
    void modal.confirm({
      title: t(disabling ? 'accounts.disableTitle' : 'accounts.enableTitle', { name: t('common.nameAndUsername', { name: account.displayName, username: account.username }) }),
      content: disabling ? t('accounts.disableText') : undefined,
      okText: disabling ? t('accounts.disable') : t('accounts.enable'),
      okButtonProps: { danger: disabling },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const saved = await updateAccount.mutateAsync({ id: account.id, input: { disabled: disabling } });
          void message.success(t(disabling ? 'accounts.disabledDone' : 'accounts.enabledDone', { username: saved.username }));
        } catch (error) {
          showError(error);
        }
      },
    });
  }

  return { confirmResetPassword, confirmToggleDisabled };
}
