import { useState } from 'react';
import { App, Form, type FormInstance } from 'antd';
import { CentreSettingsInput, type CentreSettings } from '@campus/shared';
import { applyApiError, clearChangedFieldErrors, clearFieldErrors, requiredFields, showFieldErrors, validate, type FieldMessages } from '@/lib/form-errors';
import { useLanguage } from '@/lib/language';
import { useUpdateSettings } from './api/update-settings';

interface InlineSettingsFormOptions<V> {
  /** Fields that must not be left empty (`field.required`). */
  required: readonly (keyof V & string)[];
  /** Form values → the settings input; `missing` names the required fields left empty (some forms leave them out). */
  toInput: (values: V, missing: FieldMessages) => unknown;
  /** The schema's messages by path → the form's fields (a list item's message shown on its list's field). */
  placeMessages?: (fields: FieldMessages) => FieldMessages;
  /** The message shown once the server has taken it. */
  savedMessage: string;
  /** After the server has taken it, before the message (the form shows what was saved). */
  onSaved?: (saved: CentreSettings, form: FormInstance<V>) => void;
}

/**
 * Submitting one of the settings page's inline forms (`PUT /settings`): checked
 * with the shared `CentreSettingsInput` first, every message under its field
 * (a required field left empty says so even when the schema has more to say),
 * anything the form cannot place and the server's refusal in the form's alert;
 * nothing typed is lost on an error. Spread `formProps` onto the antd Form.
 */
export function useInlineSettingsForm<V extends Record<string, unknown>>({ required, toInput, placeMessages, savedMessage, onSaved }: InlineSettingsFormOptions<V>) {
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<V>();
  const updateSettings = useUpdateSettings();
  const [alert, setAlert] = useState<string>();

  async function submit(values: V) {
    setAlert(undefined);
    clearFieldErrors(form);
    const missing = requiredFields(values, required, language);
    const checked = validate(CentreSettingsInput, toInput(values, missing), language);
    const schemaFields = checked.ok ? {} : placeMessages ? placeMessages(checked.fields) : checked.fields;
    const fields = { ...schemaFields, ...missing };
    if (!checked.ok || Object.keys(fields).length) {
      const rest = showFieldErrors(form, fields);
      if (rest.length) setAlert(rest.join(' '));
      return;
    }
    try {
      const saved = await updateSettings.mutateAsync(checked.data);
      onSaved?.(saved, form);
      void message.success(savedMessage);
    } catch (error) {
      setAlert(applyApiError(form, error));
    }
  }

  return {
    form,
    /** The message for the form's error Alert, if any. */
    alert,
    pending: updateSettings.isPending,
    formProps: {
      form,
      onValuesChange: (changed: object) => clearChangedFieldErrors(form, changed),
      onFinish: (values: V) => void submit(values),
    },
  };
}
