import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccountUpdate, type Account } from '@campus/shared';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useUpdateAccount } from '../api/update-account';

/** Corrects an account's display name. */
export function RenameAccountModal({ account, onClose }: { account: Account | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ displayName?: string }>();
  const updateAccount = useUpdateAccount();
  const [alert, setAlert] = useState<string>();

  useEffect(() => {
    if (!account) return;
    form.resetFields();
    form.setFieldsValue({ displayName: account.displayName });
  }, [account, form]);

  async function submit(values: { displayName?: string }) {
    if (!account) return;
    setAlert(undefined);
    clearFieldErrors(form);
    const checked = validate(AccountUpdate, { displayName: values.displayName ?? '' }, language);
    if (!checked.ok) {
      const rest = showFieldErrors(form, checked.fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      const saved = await updateAccount.mutateAsync({ id: account.id, input: checked.data });
      void message.success(t('accounts.updated', { username: saved.username }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error));
    }
  }

  return (
    <Modal
      open={account !== null}
      title={`${t('accounts.editTitle')} · ${account?.username ?? ''}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={updateAccount.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Form form={form} onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)} name="rename-account" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('accounts.displayName')} name="displayName" required>
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
