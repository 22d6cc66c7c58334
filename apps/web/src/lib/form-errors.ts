import type { FormInstance } from 'antd';
import { issuesToFields, translate, type Language } from '@campus/shared';
import type { z } from 'zod';
import { isApiRequestError } from './api-client';

export type FieldMessages = Record<string, string>;

export type Validation<T> = { ok: true; data: T } | { ok: false; fields: FieldMessages };

/**
 * Validates form values with the same shared schema the server uses, and turns
 * the issues into per-field messages in the UI language (shared `issuesToFields`).
 */
export function validate<S extends z.ZodType>(schema: S, values: unknown, language: Language): Validation<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, fields: issuesToFields(result.error.issues, language) };
}

/** `field.required` for every listed field left empty (antd gives `null`/'' for cleared inputs). */
export function requiredFields(values: Record<string, unknown>, names: readonly string[], language: Language): FieldMessages {
  const fields: FieldMessages = {};
  for (const name of names) {
    const value = values[name];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      fields[name] = translate('field.required', language);
    }
  }
  return fields;
}

/**
 * Shows messages under the form's fields, list fields included: the shared
 * messages name `guardians.0.phone`, antd's Form.List names `['guardians', 0, 'phone']`
 * (a number, and antd matches name paths by type), so each message goes to the
 * form's own name path. Messages for fields the form does not have (or for the
 * whole object, `_`) are returned so the caller can show them in an Alert instead of losing them.
 */
export function showFieldErrors(form: FormInstance, fields: FieldMessages): string[] {
  const known = new Map<string, (string | number)[]>(form.getFieldsError().map((entry) => [entry.name.join('.'), entry.name]));
  const rest: string[] = [];
  const entries: { name: (string | number)[]; errors: string[] }[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const name = known.get(path);
    if (name) entries.push({ name, errors: [message] });
    else rest.push(message);
  }
  form.setFields(entries);
  return rest;
}

/**
 * Errors placed with `setFields` stay until the next validation; a field the
 * user is correcting loses its message at once, nested and list fields
 * included. Use as a Form's onValuesChange.
 */
export function clearChangedFieldErrors(form: FormInstance, changed: unknown) {
  const names: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (path.length) names.push(path);
    if (Array.isArray(value)) value.forEach((entry, index) => entry !== undefined && walk(entry, [...path, index]));
    // Plain objects only: a date (Date or dayjs) is one field's value.
    else if (value && typeof value === 'object' && !(value instanceof Date) && !('$d' in value)) {
      for (const [key, entry] of Object.entries(value)) walk(entry, [...path, key]);
    }
  };
  walk(changed, []);
  form.setFields(names.map((name) => ({ name, errors: [] })));
}

/** Clears every field's error (before a new submit). */
export function clearFieldErrors(form: FormInstance) {
  form.setFields(form.getFieldsError().map((entry) => ({ name: entry.name, errors: [] })));
}

/**
 * An API error on submit: its `fields` go under the form's fields, and its
 * message (or a field message the form cannot place) is returned for an Alert.
 */
export function applyApiError(form: FormInstance, error: unknown, options: { alwaysSayWhy?: boolean } = {}): string | undefined {
  if (!isApiRequestError(error)) return error instanceof Error ? error.message : String(error);
  if (error.fields && Object.keys(error.fields).length) {
    const rest = showFieldErrors(form, error.fields).filter((message) => message !== error.message);
    // `alwaysSayWhy`: the server's message is shown above the buttons even when every field took its own, where it carries
    // what the user needs to know (supplies: "口罩库存不足:当前结存 210 个,本次需出库 500 个").
    return rest.length || options.alwaysSayWhy ? [error.message, ...rest].join(' ') : undefined;
  }
  return error.message;
}
