import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { HandlingInput, type ExceptionItem } from '@campus/shared';
import { useRecordHandling } from '../api/record-handling';
import { applyApiError, clearChangedFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useOneAtATime } from '@/lib/use-one-at-a-time';
import { useExceptionDescription } from './exception-description';

/** "记录处置": what was done about an exception (principal, centre). The note is required. */
export function HandlingModal({ item, onClose }: { item: ExceptionItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ handlingNote?: string }>();
  const recordHandling = useRecordHandling();
  const describe = useExceptionDescription();
  const [alert, setAlert] = useState<string>();
  // A second tap (or Enter) while the note is being saved is ignored.
  const once = useOneAtATime();

  async function submit(values: { handlingNote?: string }) {
    if (!item) return;
    setAlert(undefined);
    const checked = validate(HandlingInput, { handlingNote: values.handlingNote ?? '' }, language);
    if (!checked.ok) {
      const rest = showFieldErrors(form, checked.fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      await recordHandling.mutateAsync({ followUpId: item.followUpId, handlingNote: checked.data.handlingNote });
      void message.success(t('dailyReports.handling.done', { name: item.name }));
      onClose();
    } catch (error) {
      setAlert(applyApiError(form, error));
    }
  }

  return (
    <Modal
      open={item !== null}
      title={item ? t('dailyReports.handling.title', { name: item.name }) : undefined}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={recordHandling.isPending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      {item ? <Typography.Paragraph>{describe(item)}</Typography.Paragraph> : null}
      <Form
        form={form}
        name="record-handling"
        layout="vertical"
        // A fresh form per opening (destroyOnHidden): an earlier note is there to edit.
        initialValues={{ handlingNote: item?.handlingNote ?? '' }}
        onFinish={(values) => once(() => submit(values))}
        onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}
      >
        <Form.Item label={t('dailyReports.handling.note')} name="handlingNote" required extra={t('dailyReports.handling.help')}>
          <Input.TextArea rows={4} maxLength={500} showCount />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
