import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccountInput, manageableRoles, roleBelongsToSchool, type AccountWithPassword, type Role } from '@campus/shared';
import { SchoolSelect } from '@/features/schools';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useSession } from '@/lib/session';
import { useCreateAccount } from '../api/create-account';

interface AccountFormValues {
  username?: string;
  displayName?: string;
  role?: Role;
  schoolId?: string;
}

interface AccountFormModalProps {
  open: boolean;
  /** Preselected school (the accounts page's school filter). */
  defaultSchoolId?: string;
  onClose: () => void;
  onCreated: (result: AccountWithPassword) => void;
}

/** New account: user name, name, role (those the manager may create) and, for school roles, the school. */
export function AccountFormModal({ open, defaultSchoolId, onClose, onCreated }: AccountFormModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useSession();
  const [form] = Form.useForm<AccountFormValues>();
  const createAccount = useCreateAccount();
  const [alert, setAlert] = useState<string>();
  const roles = useMemo(() => manageableRoles(me.user.role), [me.user.role]);
  const isPrincipal = me.user.role === 'principal';
  const role = Form.useWatch('role', form);
  const needsSchool = role ? roleBelongsToSchool(role) : false;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ username: '', displayName: '', role: roles.includes('class_teacher') ? 'class_teacher' : roles[0], schoolId: isPrincipal ? me.school?.id : defaultSchoolId });
  }, [open, form, roles, isPrincipal, me.school?.id, defaultSchoolId]);

  async function submit(values: AccountFormValues) {
    setAlert(undefined);
    clearFieldErrors(form);
    const schoolId = isPrincipal ? me.school?.id : values.schoolId;
    const input = {
      username: values.username ?? '',
      displayName: values.displayName ?? '',
      role: values.role,
      ...(values.role && roleBelongsToSchool(values.role) ? { schoolId: schoolId ?? null } : {}),
    };
    const checked = validate(AccountInput, input, language);
    const fields = checked.ok ? {} : { ...checked.fields };
    // The schema allows a missing school; the role needs one (the server says so too).
    if (values.role && roleBelongsToSchool(values.role) && !schoolId) fields.schoolId = t('common.required');
    if (!checked.ok || Object.keys(fields).length) {
      const rest = showFieldErrors(form, fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      const result = await createAccount.mutateAsync(checked.data);
      createAccount.reset();
      onCreated(result);
    } catch (error) {
      setAlert(applyApiError(form, error));
    }
  }

  return (
    <Modal
      open={open}
      title={t('accounts.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={createAccount.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Form form={form} onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)} name="add-account" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('accounts.username')} name="username" required extra={t('accounts.usernameHelp')}>
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={32} />
        </Form.Item>
        <Form.Item label={t('accounts.displayName')} name="displayName" required>
          <Input autoComplete="off" maxLength={40} />
        </Form.Item>
        <Form.Item label={t('accounts.role')} name="role" required>
          <Select<Role> options={roles.map((value) => ({ value, label: t(`role.${value}`) }))} />
        </Form.Item>
        {needsSchool ? (
          isPrincipal ? (
            <Form.Item label={t('accounts.school')}>
              <Typography.Text>{me.school?.name}</Typography.Text>
            </Form.Item>
          ) : (
            <Form.Item label={t('accounts.school')} name="schoolId" required>
              <SchoolSelect />
            </Form.Item>
          )
        ) : null}
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
