import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { SchoolInput, SchoolKind, SchoolUpdate, type School } from '@campus/shared';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
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
export function SchoolFormModal({ open, school, onClose }: SchoolFormModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<SchoolFormValues>();
  const createSchool = useCreateSchool();
  const updateSchool = useUpdateSchool();
  const [alert, setAlert] = useState<string>();
  const editing = Boolean(school);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(school ? { code: school.code, name: school.name, kind: school.kind } : { code: '', name: '', kind: 'primary' });
  }, [open, school, form]);

  async function submit(values: SchoolFormValues) {
    setAlert(undefined);
    clearFieldErrors(form);
    const checked = school
      ? validate(SchoolUpdate, { name: values.name ?? '', kind: values.kind }, language)
      : validate(SchoolInput, { code: (values.code ?? '').trim().toUpperCase(), name: values.name ?? '', kind: values.kind }, language);
    if (!checked.ok) {
      const rest = showFieldErrors(form, checked.fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      const saved = school
        ? await updateSchool.mutateAsync({ id: school.id, input: checked.data })
        : await createSchool.mutateAsync(checked.data as SchoolInput);
      void message.success(t(school ? 'schools.updated' : 'schools.created', { name: saved.name }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error));
    }
  }

  return (
    <Modal
      open={open}
      title={editing ? t('schools.editTitle') : t('schools.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={createSchool.isPending || updateSchool.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Form form={form} onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)} name={editing ? 'edit-school' : 'add-school'} layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('schools.code')} name="code" required={!editing} extra={editing ? undefined : t('schools.codeHelp')}>
          <Input disabled={editing} autoCapitalize="characters" spellCheck={false} maxLength={16} />
        </Form.Item>
        <Form.Item label={t('schools.name')} name="name" required>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('schools.kind')} name="kind" required>
          <Select<SchoolKind> options={SchoolKind.options.map((kind) => ({ value: kind, label: t(`schoolKind.${kind}`) }))} />
        </Form.Item>
        {/* Enter in a field submits the form. */}
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
