import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccountUpdate, type Account } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import { useUpdateAccount } from '../api/update-account';

/** Corrects an account's display name. */
export function RenameAccountModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  return account ? <RenameAccountForm account={account} onClose={onClose} /> : null;
}

function RenameAccountForm({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();
  const updateAccount = useUpdateAccount();
  return (
    <FormModal<{ displayName?: string }, typeof AccountUpdate, Account>
      title={`${t('accounts.editTitle')} · ${account.username}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      schema={AccountUpdate}
      toInput={(values) => ({ displayName: values.displayName ?? '' })}
      send={(input) => updateAccount.mutateAsync({ id: account.id, input })}
      success={(saved) => t('accounts.updated', { username: saved.username })}
      onClose={onClose}
      name="rename-account"
      initialValues={{ displayName: account.displayName }}
      errorPlacement="top"
    >
      <Form.Item label={t('accounts.displayName')} name="displayName" required>
        <Input maxLength={40} />
      </Form.Item>
    </FormModal>
  );
}
