import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAccounts } from '@/features/accounts';

type HeadTeacherSelectProps = Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'> & { schoolId?: string };

/** A class's head teacher: a class teacher or principal account of that school. */
export function HeadTeacherSelect({ schoolId, ...props }: HeadTeacherSelectProps) {
  const { t } = useTranslation();
  const accounts = useAccounts({ schoolId, includeDisabled: false }, { enabled: Boolean(schoolId) });
  const options = (accounts.data ?? [])
    .filter((account) => account.role === 'class_teacher' || account.role === 'principal')
    .map((account) => ({ value: account.id, label: t('classes.headTeacherOption', { name: account.displayName, username: account.username, role: t(`role.${account.role}`) }) }));
  return (
    <Select<string>
      {...props}
      disabled={!schoolId || props.disabled}
      placeholder={schoolId ? t('classes.noHeadTeacher') : t('classes.chooseSchoolFirst')}
      options={options}
      loading={Boolean(schoolId) && accounts.isPending}
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
    />
  );
}
