import type { ReactNode } from 'react';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { CancelTransferInput, DeclineRequestInput, ReversalInput } from '@campus/shared';
import { FormModal } from '@/components/ui/form-modal';

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
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/**
 * An irreversible act with a reason (reverse a movement, decline a request,
 * cancel a transfer): the reason first, then a confirmation, then the act.
 * A refusal from the server stays in the dialog.
 */
export function ReasonModal(props: ReasonModalProps) {
  return props.open ? <ReasonForm {...props} /> : null;
}

function ReasonForm({ title, description, reasonLabel, okText, confirmTitle, confirmText, confirmOkText, maxLength = 200, schema = ReversalInput, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useTranslation();
  return (
    <FormModal<{ reason?: string }, NonNullable<ReasonModalProps['schema']>>
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      danger
      schema={schema}
      toInput={(values) => ({ reason: values.reason ?? '' })}
      confirm={{ title: confirmTitle, content: confirmText, okText: confirmOkText }}
      send={(input) => onSubmit(input.reason)}
      onClose={onClose}
      name="supply-reason"
      intro={<div className="modal-intro">{description}</div>}
      alwaysSayWhy
      errorPlacement="top"
      submitOnEnter
    >
      <Form.Item name="reason" label={reasonLabel} required>
        <Input.TextArea rows={3} maxLength={maxLength} showCount />
      </Form.Item>
    </FormModal>
  );
}
