import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Account, AccountWithPassword } from '@campus/shared';
import { useConfirmedAction } from '@/components/ui/use-confirmed-action';
import { useResetPassword } from '../api/reset-password';
import { useUpdateAccount } from '../api/update-account';

/** Reset password / disable / enable an account, each after a confirmation. */
export function useAccountActions(onPassword: (result: AccountWithPassword) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirmedAction();
  const updateAccount = useUpdateAccount();
  const resetPassword = useResetPassword();

  function confirmResetPassword(account: Account) {
    confirm({
      title: t('accounts.resetTitle', { name: t('common.nameAndUsername', { name: account.displayName, username: account.username }) }),
      content: t('accounts.resetText'),
      okText: t('accounts.resetPassword'),
      run: async () => {
        const result = await resetPassword.mutateAsync(account.id);
        resetPassword.reset();
        onPassword(result);
      },
    });
  }

  function confirmToggleDisabled(account: Account) {
    const disabling = !account.disabled;
    confirm({
      title: t(disabling ? 'accounts.disableTitle' : 'accounts.enableTitle', { name: t('common.nameAndUsername', { name: account.displayName, username: account.username }) }),
      content: disabling ? t('accounts.disableText') : undefined,
      okText: disabling ? t('accounts.disable') : t('accounts.enable'),
      danger: disabling,
      run: async () => {
        const saved = await updateAccount.mutateAsync({ id: account.id, input: { disabled: disabling } });
        void message.success(t(disabling ? 'accounts.disabledDone' : 'accounts.enabledDone', { username: saved.username }));
      },
    });
  }

  return { confirmResetPassword, confirmToggleDisabled };
}
