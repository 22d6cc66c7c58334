import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SchoolClassInput, SchoolClassUpdate, type SchoolClass } from '@campus/shared';
import { SchoolSelect, useSchools } from '@/features/schools';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useCreateSchoolClass } from '../api/create-class';
import { useUpdateSchoolClass } from '../api/update-class';
import { gradesOfKind, useClassLabel } from './class-label';
import { HeadTeacherSelect } from './head-teacher-select';

interface ClassFormValues {
  schoolId?: string;
  grade?: number;
  name?: string;
  headTeacherId?: string | null;
}

interface ClassFormModalProps {
  open: boolean;
  /** Edit this class; add a new one when absent. */
  schoolClass?: SchoolClass;
  /** New classes go to this school (a principal's own, or the school page's). */
  fixedSchoolId?: string;
  onClose: () => void;
}

/** Add a class (school, grade, name, head teacher) or change one. */
export function ClassFormModal({ open, schoolClass, fixedSchoolId, onClose }: ClassFormModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const classLabel = useClassLabel();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClassFormValues>();
  const createClass = useCreateSchoolClass();
  const updateClass = useUpdateSchoolClass();
  const schools = useSchools({ includeInactive: true });
  const [alert, setAlert] = useState<string>();
  const editing = Boolean(schoolClass);

  const watchedSchoolId = Form.useWatch('schoolId', form);
  const schoolId = schoolClass?.schoolId ?? fixedSchoolId ?? watchedSchoolId;
  const school = schools.data?.find((candidate) => candidate.id === schoolId);
  const gradeOptions = useMemo(() => {
    const grades = school ? gradesOfKind(school.kind) : [];
    if (schoolClass && !grades.includes(schoolClass.grade)) grades.push(schoolClass.grade);
    return grades.map((grade) => ({ value: grade, label: classLabel(school?.kind, grade) }));
  }, [school, schoolClass, classLabel]);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(
      schoolClass
        ? { schoolId: schoolClass.schoolId, grade: schoolClass.grade, name: schoolClass.name, headTeacherId: schoolClass.headTeacherId }
        : { schoolId: fixedSchoolId, grade: undefined, name: '', headTeacherId: null },
    );
  }, [open, schoolClass, fixedSchoolId, form]);

  async function submit(values: ClassFormValues) {
    setAlert(undefined);
    clearFieldErrors(form);
    const headTeacherId = values.headTeacherId ?? null;
    const checked = schoolClass
      ? validate(SchoolClassUpdate, { grade: values.grade ?? '', name: values.name ?? '', headTeacherId }, language)
      : validate(SchoolClassInput, { schoolId: schoolId ?? '', grade: values.grade ?? '', name: values.name ?? '', headTeacherId }, language);
    if (!checked.ok) {
      const rest = showFieldErrors(form, checked.fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      const saved = schoolClass
        ? await updateClass.mutateAsync({ id: schoolClass.id, input: checked.data })
        : await createClass.mutateAsync(checked.data as SchoolClassInput);
      void message.success(t(schoolClass ? 'classes.updated' : 'classes.created', { name: classLabel(school?.kind, saved.grade, saved.name) }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error));
    }
  }

  return (
    <Modal
      open={open}
      title={editing ? t('classes.editTitle') : t('classes.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={createClass.isPending || updateClass.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Form
        form={form}
        name={editing ? 'edit-class' : 'add-class'}
        layout="vertical"
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: ClassFormValues) => {
          clearChangedFieldErrors(form, changed);
          // Another school: its grades and head teachers differ.
          if ('schoolId' in changed) form.setFieldsValue({ grade: undefined, headTeacherId: null });
        }}
      >
        {editing || fixedSchoolId ? (
          <Form.Item label={t('classes.school')}>
            <Typography.Text>{schoolClass?.schoolName ?? school?.name ?? ''}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item label={t('classes.school')} name="schoolId" required>
            <SchoolSelect />
          </Form.Item>
        )}
        <Form.Item label={t('classes.grade')} name="grade" required>
          <Select<number> options={gradeOptions} notFoundContent={t('classes.chooseSchoolFirst')} />
        </Form.Item>
        <Form.Item label={t('classes.name')} name="name" required>
          <Input placeholder={t('classes.namePlaceholder')} maxLength={30} />
        </Form.Item>
        <Form.Item label={t('classes.headTeacher')} name="headTeacherId" extra={t('classes.headTeacherHelp')}>
          <HeadTeacherSelect schoolId={schoolId} />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
