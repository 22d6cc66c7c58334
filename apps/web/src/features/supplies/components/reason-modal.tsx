import { useState, type ReactNode } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { CancelTransferInput, DeclineRequestInput, ReversalInput } from '@campus/shared';
import { applyApiError, clearChangedFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';

interface ReasonModalProps {
  open: boolean;
  title: string;
  /** What the act is about (the movement, the request). */
  description: ReactNode;
  reasonLabel: string;
  okText: string;
  /** The second question, asked once the reason is there: the act cannot be undone. */
  confirmTitle: string;
  confirmText: string;
  /** The confirmation's button, worded apart from the dialog's own ("确定冲销"). */
  confirmOkText: string;
  maxLength?: number;
  /** The shared schema of the body ({ reason }). */
  schema?: typeof ReversalInput | typeof DeclineRequestInput | typeof CancelTransferInput;
  pending: boolean;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/**
 * An irreversible act with a reason (reverse a movement, decline a request,
 * cancel a transfer): the reason first, then a confirmation, then the act.
 * A refusal from the server stays in the dialog.
 */
export function ReasonModal({ open, title, description, reasonLabel, okText, confirmTitle, confirmText, confirmOkText, maxLength = 200, schema = ReversalInput, pending, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { modal } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const [alert, setAlert] = useState<string>();

  function submit(values: { reason?: string }) {
    setAlert(undefined);
    const checked = validate(schema, { reason: values.reason ?? '' }, language);
    if (!checked.ok) {
      const rest = showFieldErrors(form, checked.fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    modal.confirm({
      title: confirmTitle,
      content: confirmText,
      okText: confirmOkText,
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await onSubmit(checked.data.reason);
          onClose();
        } catch (error) {
          setAlert(applyApiError(form, error, { alwaysSayWhy: true }));
        }
      },
    });
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => setAlert(undefined)}
      confirmLoading={pending}
      destroyOnHidden
    >
      {alert ? <Alert type="error" showIcon title={alert} role="alert" className="form-alert" /> : null}
      <div className="modal-intro">{description}</div>
      <Form form={form} name="supply-reason" layout="vertical" onFinish={submit} onValuesChange={(changed: object) => clearChangedFieldErrors(form, changed)}>
        <Form.Item name="reason" label={reasonLabel} required>
          <Input.TextArea rows={3} maxLength={maxLength} showCount />
        </Form.Item>
        <button type="submit" hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
