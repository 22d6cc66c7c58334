import { useRef, useState, type ReactNode } from 'react';
import { Alert, App, Form, Modal, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, showFieldErrors, validate, type FieldMessages } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';

interface FormModalProps<V, S extends z.ZodType, R> {
  title: string;
  okText: string;
  cancelText: string;
  /** The shared schema the server checks too: the browser shows its messages under the fields first. */
  schema: S;
  /** Form values → the schema's input. */
  toInput: (values: V) => unknown;
  /** Sends the checked input; a rejected promise's API error lands under the fields or above the buttons. */
  send: (input: z.output<S>) => Promise<R>;
  onClose: () => void;
  initialValues?: Partial<V>;
  /** A destructive act (red OK button). */
  danger?: boolean;
  /** The caller's own form (`Form.useForm`), when the dialog's texts watch its values (an OK button that says what will happen). */
  form?: FormInstance<V>;
  /** The form's name: its fields' ids are `<name>_<field>`. */
  name?: string;
  /** What the dialog is about, above the fields. */
  intro?: ReactNode;
  /** Checks the schema cannot make (a line's unit, a note a partial approval needs): more messages by field path. */
  check?: (values: V) => FieldMessages;
  /** The form's path of a schema message's path, where the form names a field apart from the schema (`defaultTarget.x` → `rule.x`). */
  fieldOf?: (path: string) => string;
  /** A second question once the values are checked, before anything is sent (an act that cannot be undone). */
  confirm?: { title: string; content: ReactNode; okText: string };
  /** The message shown once the server has taken it. */
  success?: (result: R) => string;
  /** The server's reason is shown above the buttons even when each field took its own message (applyApiError). */
  alwaysSayWhy?: boolean;
  /** Where a refusal is shown: under the fields (default) or at the top, above what the dialog is about. */
  errorPlacement?: 'top' | 'bottom';
  /** Fields whose own rules check them as they are typed: a change leaves their messages to those rules. */
  keepMessagesOf?: readonly (keyof V & string)[];
  /** The form's class (a layout of its own). */
  formClassName?: string;
  /** After a change (its fields' messages are cleared first): a field that others depend on resets them. */
  onValuesChange?: (changed: Partial<V>, form: FormInstance<V>) => void;
  /** Enter in a one-line field sends the form (forms whose fields hold no date picker). */
  submitOnEnter?: boolean;
  width?: number;
  children: ReactNode | ((form: FormInstance<V>) => ReactNode);
}

/**
 * A dialog with a form: validated with the shared schema in the browser,
 * sent once (the OK button is disabled while sending), server errors placed
 * under their fields, anything else shown above the buttons; nothing typed is
 * lost on an error. Render it while it is open (`{editing ? <…Modal /> : null}`):
 * each opening starts from its initial values.
 */
export function FormModal<V extends object, S extends z.ZodType, R = unknown>(props: FormModalProps<V, S, R>) {
  const { title, okText, cancelText, schema, toInput, send, onClose, initialValues, danger, name, intro, check, fieldOf, confirm, success, alwaysSayWhy, errorPlacement = 'bottom', keepMessagesOf, formClassName, onValuesChange, submitOnEnter, width, children } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  const { message, modal } = App.useApp();
  const [ownForm] = Form.useForm<V>();
  const form = props.form ?? ownForm;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  // `pending` (which disables the button) arrives one render later: a fast double tap lands before it, so the handler guards too.
  const busy = useRef(false);

  const sendChecked = async (input: z.output<S>) => {
    setPending(true);
    try {
      const result = await send(input);
      if (success) void message.success(success(result));
      onClose();
    } catch (caught) {
      setError(applyApiError(form, caught, { alwaysSayWhy }));
    } finally {
      busy.current = false;
      setPending(false);
    }
  };

  const submit = async () => {
    if (busy.current) return;
    busy.current = true;
    clearFieldErrors(form);
    setError(undefined);
    // A field's own rules (an ID number checked as it is typed) first, as antd's submit would: their messages are shown already.
    const ruled = await form.validateFields().then(
      () => true,
      () => false,
    );
    if (!ruled) {
      busy.current = false;
      return;
    }
    const values = form.getFieldsValue(true) as V;
    const checked = validate(schema, toInput(values), language);
    const fields: FieldMessages = { ...(checked.ok ? {} : checked.fields) };
    const named: FieldMessages = fieldOf ? Object.fromEntries(Object.entries(fields).map(([path, text]) => [fieldOf(path), text])) : fields;
    Object.assign(named, check?.(values));
    if (!checked.ok || Object.keys(named).length) {
      const rest = showFieldErrors(form, named);
      if (rest.length) setError(rest.join(' '));
      busy.current = false;
      return;
    }
    if (!confirm) return void sendChecked(checked.data);
    void modal.confirm({
      title: confirm.title,
      content: confirm.content,
      okText: confirm.okText,
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => sendChecked(checked.data),
      onCancel: () => {
        busy.current = false;
      },
    });
  };

  const alert = error ? <Alert type="error" showIcon role="alert" title={error} className={errorPlacement === 'top' ? 'form-alert' : undefined} /> : null;
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
      width={width}
    >
      {errorPlacement === 'top' ? alert : null}
      {intro}
      <Form<V>
        form={form}
        name={name}
        className={formClassName}
        layout="vertical"
        initialValues={initialValues}
        onValuesChange={(changed: Partial<V>) => {
          clearChangedFieldErrors(form, keepMessagesOf ? Object.fromEntries(Object.entries(changed).filter(([key]) => !keepMessagesOf.includes(key as keyof V & string))) : changed);
          onValuesChange?.(changed, form);
        }}
        onFinish={() => void submit()}
      >
        {typeof children === 'function' ? children(form) : children}
        {errorPlacement === 'bottom' ? alert : null}
        {submitOnEnter ? <button type="submit" hidden aria-hidden tabIndex={-1} /> : null}
      </Form>
    </Modal>
  );
}
