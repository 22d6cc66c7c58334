import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChangePasswordInput } from '@campus/shared';
import { PageHeader } from '@/components/ui/page-header';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useChangePassword } from '../api/change-password';

interface ChangePasswordValues {
  currentPassword?: string;
  newPassword?: string;
  confirmPassword?: string;
}

/**
 * Changing one's own password. For an account created or reset by someone
 * else (`mustChangePassword`) it is the only page the app shows.
 */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ChangePasswordValues>();
  const changePassword = useChangePassword();
  const [alert, setAlert] = useState<string>();
  const forced = me.user.mustChangePassword;

  async function submit(values: ChangePasswordValues) {
    setAlert(undefined);
    clearFieldErrors(form);
    const input = { currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' };
    const checked = validate(ChangePasswordInput, input, language);
    const fields = checked.ok ? {} : { ...checked.fields };
    if (!fields.newPassword && (values.confirmPassword ?? '') !== input.newPassword) {
      fields.confirmPassword = t('auth.changePassword.mismatch');
    }
    if (!checked.ok || Object.keys(fields).length) {
      const rest = showFieldErrors(form, fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      await changePassword.mutateAsync(checked.data);
      form.resetFields();
      void message.success(t('auth.changePassword.done'));
      void navigate('/', { replace: true });
    } catch (error) {
      setAlert(applyApiError(form, error));
    }
  }

  return (
    <>
      <PageHeader title={t('auth.changePassword.title')} />
      <Card className="narrow-card">
        {forced ? <Alert type="warning" showIcon title={t('auth.changePassword.forcedIntro')} className="form-alert" /> : null}
        <Typography.Paragraph>{t('auth.changePassword.signedInAs', { name: me.user.displayName, username: me.user.username })}</Typography.Paragraph>
        {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
        <Form form={form} onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)} name="change-password" layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          {/* Lets password managers tie the new password to the right account. */}
          <input type="text" name="username" autoComplete="username" value={me.user.username} readOnly hidden />
          <Form.Item label={forced ? t('auth.changePassword.currentForced') : t('auth.changePassword.current')} name="currentPassword">
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item label={t('auth.changePassword.new')} name="newPassword" extra={t('auth.changePassword.hint')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label={t('auth.changePassword.confirm')} name="confirmPassword">
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={changePassword.isPending}>
            {t('auth.changePassword.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
