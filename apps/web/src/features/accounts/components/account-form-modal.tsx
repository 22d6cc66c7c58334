import { useMemo } from 'react';
import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { AccountInput, manageableRoles, roleBelongsToSchool, type AccountWithPassword, type Role } from '@campus/shared';
import { SchoolSelect } from '@/features/schools';
import { FormModal } from '@/components/ui/form-modal';
import type { FieldMessages } from '@/lib/form-errors';
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
export function AccountFormModal(props: AccountFormModalProps) {
  return props.open ? <AccountForm {...props} /> : null;
}

function AccountForm({ defaultSchoolId, onClose, onCreated }: AccountFormModalProps) {
  const { t } = useTranslation();
  const me = useSession();
  const [form] = Form.useForm<AccountFormValues>();
  const createAccount = useCreateAccount();
  const roles = useMemo(() => manageableRoles(me.user.role), [me.user.role]);
  const isPrincipal = me.user.role === 'principal';
  const role = Form.useWatch('role', form);
  const needsSchool = role ? roleBelongsToSchool(role) : false;
  const schoolOf = (values: AccountFormValues) => (isPrincipal ? me.school?.id : values.schoolId);

  return (
    <FormModal<AccountFormValues, typeof AccountInput>
      title={t('accounts.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      schema={AccountInput}
      toInput={(values) => ({
        username: values.username ?? '',
        displayName: values.displayName ?? '',
        role: values.role,
        ...(values.role && roleBelongsToSchool(values.role) ? { schoolId: schoolOf(values) ?? null } : {}),
      })}
      // The schema allows a missing school; the role needs one (the server says so too).
      check={(values): FieldMessages => (values.role && roleBelongsToSchool(values.role) && !schoolOf(values) ? { schoolId: t('common.required') } : {})}
      send={(input) =>
        createAccount.mutateAsync(input).then((result) => {
          createAccount.reset();
          onCreated(result);
        })
      }
      onClose={onClose}
      form={form}
      name="add-account"
      initialValues={{ username: '', displayName: '', role: roles.includes('class_teacher') ? 'class_teacher' : roles[0], schoolId: isPrincipal ? me.school?.id : defaultSchoolId }}
      errorPlacement="top"
      submitOnEnter
    >
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
    </FormModal>
  );
}
