import { useMemo } from 'react';
import { Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { SchoolClassInput, SchoolClassUpdate, type SchoolClass } from '@campus/shared';
import { SchoolSelect, useSchools } from '@/features/schools';
import { FormModal } from '@/components/ui/form-modal';
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
export function ClassFormModal(props: ClassFormModalProps) {
  return props.open ? <ClassForm {...props} /> : null;
}

function ClassForm({ schoolClass, fixedSchoolId, onClose }: ClassFormModalProps) {
  const { t } = useTranslation();
  const classLabel = useClassLabel();
  const [form] = Form.useForm<ClassFormValues>();
  const createClass = useCreateSchoolClass();
  const updateClass = useUpdateSchoolClass();
  const schools = useSchools({ includeInactive: true });
  const editing = Boolean(schoolClass);

  const watchedSchoolId = Form.useWatch('schoolId', form);
  const schoolId = schoolClass?.schoolId ?? fixedSchoolId ?? watchedSchoolId;
  const school = schools.data?.find((candidate) => candidate.id === schoolId);
  const gradeOptions = useMemo(() => {
    const grades = school ? gradesOfKind(school.kind) : [];
    if (schoolClass && !grades.includes(schoolClass.grade)) grades.push(schoolClass.grade);
    return grades.map((grade) => ({ value: grade, label: classLabel(school?.kind, grade) }));
  }, [school, schoolClass, classLabel]);

  const toInput = (values: ClassFormValues) => {
    const headTeacherId = values.headTeacherId ?? null;
    return schoolClass
      ? { grade: values.grade ?? '', name: values.name ?? '', headTeacherId }
      : { schoolId: fixedSchoolId ?? values.schoolId ?? '', grade: values.grade ?? '', name: values.name ?? '', headTeacherId };
  };

  return (
    <FormModal<ClassFormValues, typeof SchoolClassUpdate | typeof SchoolClassInput, SchoolClass>
      title={editing ? t('classes.editTitle') : t('classes.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      schema={schoolClass ? SchoolClassUpdate : SchoolClassInput}
      toInput={toInput}
      send={(input) => (schoolClass ? updateClass.mutateAsync({ id: schoolClass.id, input }) : createClass.mutateAsync(input as SchoolClassInput))}
      success={(saved) => t(schoolClass ? 'classes.updated' : 'classes.created', { name: classLabel(school?.kind, saved.grade, saved.name) })}
      onClose={onClose}
      form={form}
      name={editing ? 'edit-class' : 'add-class'}
      initialValues={
        schoolClass
          ? { schoolId: schoolClass.schoolId, grade: schoolClass.grade, name: schoolClass.name, headTeacherId: schoolClass.headTeacherId }
          : { schoolId: fixedSchoolId, grade: undefined, name: '', headTeacherId: null }
      }
      // Another school: its grades and head teachers differ.
      onValuesChange={(changed) => {
        if ('schoolId' in changed) form.setFieldsValue({ grade: undefined, headTeacherId: null });
      }}
      errorPlacement="top"
      submitOnEnter
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
    </FormModal>
  );
}
