import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SchoolInput, SchoolKind, SchoolUpdate, type School } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import { useCreateSchool } from '../api/create-school';
import { useUpdateSchool } from '../api/update-school';

interface SchoolFormValues {
  code?: string;
  name?: string;
  kind?: SchoolKind;
}

interface SchoolFormModalProps {
  open: boolean;
  /** Edit this school; add a new one when absent. */
  school?: School;
  onClose: () => void;
}

/** Add a school (code, name, kind) or rename / change the kind of one. */
export function SchoolFormModal(props: SchoolFormModalProps) {
  return props.open ? <SchoolForm {...props} /> : null;
}

function SchoolForm({ school, onClose }: SchoolFormModalProps) {
  const { t } = useTranslation();
  const createSchool = useCreateSchool();
  const updateSchool = useUpdateSchool();
  const editing = Boolean(school);

  return (
    <FormModal<SchoolFormValues, typeof SchoolUpdate | typeof SchoolInput, School>
      title={editing ? t('schools.editTitle') : t('schools.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      schema={school ? SchoolUpdate : SchoolInput}
      toInput={(values) => (school ? { name: values.name ?? '', kind: values.kind } : { code: (values.code ?? '').trim().toUpperCase(), name: values.name ?? '', kind: values.kind })}
      send={(input) => (school ? updateSchool.mutateAsync({ id: school.id, input }) : createSchool.mutateAsync(input as SchoolInput))}
      success={(saved) => t(school ? 'schools.updated' : 'schools.created', { name: saved.name })}
      onClose={onClose}
      name={editing ? 'edit-school' : 'add-school'}
      initialValues={school ? { code: school.code, name: school.name, kind: school.kind } : { code: '', name: '', kind: 'primary' }}
      errorPlacement="top"
      // Enter in a field submits the form.
      submitOnEnter
    >
      <Form.Item label={t('schools.code')} name="code" required={!editing} extra={editing ? undefined : t('schools.codeHelp')}>
        <Input disabled={editing} autoCapitalize="characters" spellCheck={false} maxLength={16} />
      </Form.Item>
      <Form.Item label={t('schools.name')} name="name" required>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item label={t('schools.kind')} name="kind" required>
        <Select<SchoolKind> options={SchoolKind.options.map((kind) => ({ value: kind, label: t(`schoolKind.${kind}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
