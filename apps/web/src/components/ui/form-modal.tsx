import { useState, type ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import type { z } from 'zod';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';

interface FormModalProps<V, S extends z.ZodType> {
  title: string;
  okText: string;
  cancelText: string;
  /** The shared schema the server checks too: the browser shows its messages under the fields first. */
  schema: S;
  /** Form values → the schema's input. */
  toInput: (values: V) => unknown;
  /** Sends the checked input; a rejected promise's API error lands under the fields or above the buttons. */
  send: (input: z.output<S>) => Promise<unknown>;
  onClose: () => void;
  initialValues?: Partial<V>;
  /** A destructive act (red OK button). */
  danger?: boolean;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

/**
 * A dialog with a form: validated with the shared schema in the browser,
 * sent once (the OK button is disabled while sending), server errors placed
 * under their fields, anything else shown above the buttons; nothing typed is
 * lost on an error.
 */
export function FormModal<V extends object, S extends z.ZodType>({ title, okText, cancelText, schema, toInput, send, onClose, initialValues, danger, children }: FormModalProps<V, S>) {
  const language = useLanguage();
  const [form] = Form.useForm<V>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (pending) return;
    clearFieldErrors(form);
    setError(undefined);
    const checked = validate(schema, toInput(form.getFieldsValue(true) as V), language);
    if (!checked.ok) {
      const rest = showFieldErrors(form, checked.fields);
      if (rest.length) setError(rest.join(' '));
      return;
    }
    setPending(true);
    try {
      await send(checked.data);
      onClose();
    } catch (caught) {
      setError(applyApiError(form, caught));
    } finally {
      setPending(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={cancelText}
      okButtonProps={{ disabled: pending, danger }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onValuesChange={(changed) => clearChangedFieldErrors(form, changed)} onFinish={() => void submit()}>
        {typeof children === 'function' ? children(form) : children}
        {error ? <Alert type="error" showIcon role="alert" title={error} /> : null}
      </Form>
    </Modal>
  );
}
