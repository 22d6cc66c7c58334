import { useMemo } from 'react';
import { App, Form, Input, Radio, Typography, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Id, LeaveInput, LeftReason, ReturnInput, TransferInput, type PersonDetail } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';
import { SchoolSelect, useSchools } from '@/features/schools';
import { useMarkLeft } from '../api/mark-left';
import { useMarkReturned } from '../api/mark-returned';
import { useTransferPerson } from '../api/transfer-person';
import { useUpdatePerson } from '../api/update-person';
import { ClassSelect } from './class-select';
import { usePersonClassLabel } from './use-person-class-label';

/** Rendered while open: each dialog starts from the person as they are now. */
interface ActionModalProps {
  person: PersonDetail;
  onClose: () => void;
}

/** A move names the class it goes to (sent as a PATCH of `classId`). */
const MoveInput = z.object({ classId: Id });

/** A student needs a class wherever they go; staff may have none. */
function classRequiredFor<S extends z.ZodType<{ classId: string | null }>>(schema: S, person: PersonDetail) {
  return schema.superRefine((value, context) => {
    if (person.kind === 'student' && !value.classId) context.addIssue({ code: 'custom', path: ['classId'], message: 'field.class_required' });
  });
}

/** Moves a person to another class of their school; the history records the move. */
export function MoveClassModal({ person, onClose }: ActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const classLabel = usePersonClassLabel();
  const updatePerson = useUpdatePerson();
  return (
    <FormModal<{ classId?: string }, typeof MoveInput>
      title={t('people.move.title', { name: person.name })}
      okText={t('people.move.submit')}
      cancelText={t('common.cancel')}
      schema={MoveInput}
      toInput={(values) => ({ classId: values.classId })}
      send={async (input) => {
        const saved = await updatePerson.mutateAsync({ id: person.id, input });
        void message.success(t('people.move.done', { name: saved.name, class: classLabel(saved) ?? '' }));
      }}
      onClose={onClose}
    >
      <Typography.Paragraph>{t('people.move.current', { class: classLabel(person) ?? t('people.noClass') })}</Typography.Paragraph>
      <Form.Item label={t('people.move.target')} name="classId" required>
        <ClassSelect schoolId={person.schoolId} exclude={person.classId} />
      </Form.Item>
    </FormModal>
  );
}

type TransferValues = { schoolId?: string; classId?: string };

/** The target school, and a class of that school (cleared when the school changes). */
function TransferFields({ form, person }: { form: FormInstance<TransferValues>; person: PersonDetail }) {
  const { t } = useTranslation();
  const schoolId = Form.useWatch('schoolId', form);
  return (
    <>
      <Form.Item label={t('people.transfer.school')} name="schoolId" required>
        <SchoolSelect onChange={() => form.setFieldValue('classId', undefined)} />
      </Form.Item>
      <Form.Item label={t('people.transfer.class')} name="classId" required={person.kind === 'student'}>
        <ClassSelect schoolId={schoolId} allowClear={person.kind !== 'student'} placeholder={schoolId ? undefined : t('people.form.chooseSchoolFirst')} />
      </Form.Item>
    </>
  );
}

/** The centre moves a person to another school; their history goes with them. */
export function TransferModal({ person, onClose }: ActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const schools = useSchools();
  const transfer = useTransferPerson();
  const schema = useMemo(
    () =>
      classRequiredFor(TransferInput, person).superRefine((value, context) => {
        if (value.schoolId === person.schoolId) context.addIssue({ code: 'custom', path: ['schoolId'], message: 'field.same_school' });
      }),
    [person],
  );
  return (
    <FormModal<TransferValues, typeof schema>
      title={t('people.transfer.title', { name: person.name })}
      okText={t('people.transfer.submit')}
      cancelText={t('common.cancel')}
      schema={schema}
      toInput={(values) => ({ schoolId: values.schoolId, classId: values.classId ?? null })}
      send={async (input) => {
        await transfer.mutateAsync({ id: person.id, schoolId: input.schoolId, classId: input.classId });
        const target = schools.data?.find((school) => school.id === input.schoolId)?.name ?? '';
        void message.success(t('people.transfer.done', { name: person.name, school: target }));
      }}
      onClose={onClose}
    >
      {(form) => (
        <>
          <Typography.Paragraph>{t('people.transfer.intro')}</Typography.Paragraph>
          <TransferFields form={form} person={person} />
        </>
      )}
    </FormModal>
  );
}

/** Marks a person as left, with the reason; this dialog is the confirmation. */
export function LeaveModal({ person, onClose }: ActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const markLeft = useMarkLeft();
  return (
    <FormModal<{ reason: LeftReason; note?: string }, typeof LeaveInput>
      title={t('people.leave.title', { name: person.name })}
      okText={t('people.leave.submit')}
      cancelText={t('common.cancel')}
      danger
      schema={LeaveInput}
      toInput={(values) => ({ reason: values.reason, note: values.note })}
      send={async (input) => {
        await markLeft.mutateAsync({ id: person.id, reason: input.reason, note: input.note ?? null });
        void message.success(t('people.leave.done', { name: person.name }));
      }}
      onClose={onClose}
      initialValues={{ reason: 'graduated' }}
    >
      <Typography.Paragraph>{t('people.leave.intro')}</Typography.Paragraph>
      <Form.Item label={t('people.leave.reason')} name="reason" required>
        <Radio.Group optionType="button" options={LeftReason.options.map((reason) => ({ value: reason, label: t(`people.leftReason.${reason}`) }))} />
      </Form.Item>
      <Form.Item label={t('people.leave.note')} name="note">
        <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
      </Form.Item>
    </FormModal>
  );
}

/** Brings someone who had left back onto the roster, into their old class or another. */
export function ReturnModal({ person, onClose }: ActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const markReturned = useMarkReturned();
  const schema = useMemo(() => classRequiredFor(ReturnInput, person), [person]);
  return (
    <FormModal<{ classId?: string }, typeof schema>
      title={t('people.return.title', { name: person.name })}
      okText={t('people.return.submit')}
      cancelText={t('common.cancel')}
      schema={schema}
      toInput={(values) => ({ classId: values.classId ?? null })}
      send={async (input) => {
        await markReturned.mutateAsync({ id: person.id, classId: input.classId });
        void message.success(t('people.return.done', { name: person.name }));
      }}
      onClose={onClose}
      initialValues={{ classId: person.classId ?? undefined }}
    >
      <Form.Item label={t('people.return.class')} name="classId" required={person.kind === 'student'}>
        <ClassSelect schoolId={person.schoolId} allowClear={person.kind !== 'student'} />
      </Form.Item>
    </FormModal>
  );
}
