import { useEffect, useState } from 'react';
import { Alert, App, Form, Input, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LeftReason, translate, type PersonDetail } from '@campus/shared';
import { SchoolSelect, useSchools } from '@/features/schools';
import { applyApiError } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useMarkLeft } from '../api/mark-left';
import { useMarkReturned } from '../api/mark-returned';
import { useTransferPerson } from '../api/transfer-person';
import { useUpdatePerson } from '../api/update-person';
import { ClassSelect } from './class-select';
import { usePersonClassLabel } from './use-person-class-label';

interface ActionModalProps {
  open: boolean;
  person: PersonDetail;
  onClose: () => void;
}

/** Moves a person to another class of their school (a PATCH of `classId`; the history records the move). */
export function MoveClassModal({ open, person, onClose }: ActionModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const classLabel = usePersonClassLabel();
  const [form] = Form.useForm<{ classId?: string }>();
  const updatePerson = useUpdatePerson();
  const [alert, setAlert] = useState<string>();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  async function submit({ classId }: { classId?: string }) {
    setAlert(undefined);
    if (!classId) {
      form.setFields([{ name: 'classId', errors: [translate('field.required', language)] }]);
      return;
    }
    try {
      const saved = await updatePerson.mutateAsync({ id: person.id, input: { classId } });
      void message.success(t('people.move.done', { name: saved.name, class: classLabel(saved) ?? '' }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error));
    }
  }

  return (
    <Modal
      open={open}
      title={t('people.move.title', { name: person.name })}
      okText={t('people.move.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={updatePerson.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Typography.Paragraph>{t('people.move.current', { class: classLabel(person) ?? t('people.noClass') })}</Typography.Paragraph>
      <Form form={form} name="move-class" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('people.move.target')} name="classId" required>
          <ClassSelect schoolId={person.schoolId} exclude={person.classId} />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

/** The centre moves a person to another school; their history goes with them. */
export function TransferModal({ open, person, onClose }: ActionModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const schools = useSchools();
  const [form] = Form.useForm<{ schoolId?: string; classId?: string }>();
  const schoolId = Form.useWatch('schoolId', form);
  const transfer = useTransferPerson();
  const [alert, setAlert] = useState<string>();

  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form]);

  async function submit(values: { schoolId?: string; classId?: string }) {
    setAlert(undefined);
    const required = translate('field.required', language);
    const missing: { name: 'schoolId' | 'classId'; errors: string[] }[] = [
      ...(!values.schoolId ? [{ name: 'schoolId' as const, errors: [required] }] : []),
      ...(values.schoolId === person.schoolId ? [{ name: 'schoolId' as const, errors: [t('people.transfer.sameSchool')] }] : []),
      ...(person.kind === 'student' && !values.classId ? [{ name: 'classId' as const, errors: [required] }] : []),
    ];
    if (missing.length) {
      form.setFields(missing);
      return;
    }
    try {
      await transfer.mutateAsync({ id: person.id, schoolId: values.schoolId!, classId: values.classId ?? null });
      const target = schools.data?.find((school) => school.id === values.schoolId)?.name ?? '';
      void message.success(t('people.transfer.done', { name: person.name, school: target }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error));
    }
  }

  return (
    <Modal
      open={open}
      title={t('people.transfer.title', { name: person.name })}
      okText={t('people.transfer.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={transfer.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Typography.Paragraph>{t('people.transfer.intro')}</Typography.Paragraph>
      <Form
        form={form}
        name="transfer-person"
        layout="vertical"
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: { schoolId?: string }) => {
          if ('schoolId' in changed) form.setFieldsValue({ classId: undefined });
        }}
      >
        <Form.Item label={t('people.transfer.school')} name="schoolId" required>
          <SchoolSelect />
        </Form.Item>
        <Form.Item label={t('people.transfer.class')} name="classId" required={person.kind === 'student'}>
          <ClassSelect schoolId={schoolId} allowClear={person.kind !== 'student'} placeholder={schoolId ? undefined : t('people.form.chooseSchoolFirst')} />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

/** Marks a person as left, with the reason; this dialog is the confirmation. */
export function LeaveModal({ open, person, onClose }: ActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: LeftReason; note?: string }>();
  const markLeft = useMarkLeft();
  const [alert, setAlert] = useState<string>();

  useEffect(() => {
    if (open) form.setFieldsValue({ reason: 'graduated', note: '' });
  }, [open, form]);

  async function submit(values: { reason: LeftReason; note?: string }) {
    setAlert(undefined);
    try {
      await markLeft.mutateAsync({ id: person.id, reason: values.reason, note: values.note?.trim() ? values.note.trim() : null });
      void message.success(t('people.leave.done', { name: person.name }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error));
    }
  }

  return (
    <Modal
      open={open}
      title={t('people.leave.title', { name: person.name })}
      okText={t('people.leave.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={markLeft.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Typography.Paragraph>{t('people.leave.intro')}</Typography.Paragraph>
      <Form form={form} name="leave-person" layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ reason: 'graduated' }}>
        <Form.Item label={t('people.leave.reason')} name="reason" required>
          <Radio.Group optionType="button" options={LeftReason.options.map((reason) => ({ value: reason, label: t(`people.leftReason.${reason}`) }))} />
        </Form.Item>
        <Form.Item label={t('people.leave.note')} name="note">
          <Input.TextArea maxLength={200} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}

/** Brings someone who had left back onto the roster, into their old class or another. */
export function ReturnModal({ open, person, onClose }: ActionModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ classId?: string }>();
  const markReturned = useMarkReturned();
  const [alert, setAlert] = useState<string>();

  useEffect(() => {
    if (open) form.setFieldsValue({ classId: person.classId ?? undefined });
  }, [open, form, person.classId]);

  async function submit(values: { classId?: string }) {
    setAlert(undefined);
    try {
      await markReturned.mutateAsync({ id: person.id, classId: values.classId ?? null });
      void message.success(t('people.return.done', { name: person.name }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error));
    }
  }

  return (
    <Modal
      open={open}
      title={t('people.return.title', { name: person.name })}
      okText={t('people.return.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={markReturned.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <Form form={form} name="return-person" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('people.return.class')} name="classId" required={person.kind === 'student'}>
          <ClassSelect schoolId={person.schoolId} allowClear={person.kind !== 'student'} />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
