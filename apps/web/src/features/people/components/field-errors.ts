import type { FormInstance } from 'antd';
import { isApiRequestError } from '@/lib/api-client';

type NamePath = (string | number)[];

/**
 * Like `showFieldErrors` in lib/form-errors, for forms with lists: the shared
 * messages name `guardians.0.phone`, antd's Form.List names `['guardians', 0, 'phone']`
 * (a number), and antd matches name paths by type.
 */
export function placeFieldErrors(form: FormInstance, fields: Record<string, string>): string[] {
  const known = new Map<string, NamePath>(form.getFieldsError().map((entry) => [entry.name.join('.'), entry.name]));
  const rest: string[] = [];
  const entries: { name: NamePath; errors: string[] }[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const name = known.get(path);
    if (name) entries.push({ name, errors: [message] });
    else rest.push(message);
  }
  form.setFields(entries);
  return rest;
}

/** An API error on submit: field messages under the fields, the rest returned for an Alert. */
export function placeApiError(form: FormInstance, error: unknown): string | undefined {
  if (!isApiRequestError(error)) return error instanceof Error ? error.message : String(error);
  if (error.fields && Object.keys(error.fields).length) {
    const rest = placeFieldErrors(form, error.fields);
    return rest.length ? [error.message, ...rest].join(' ') : undefined;
  }
  return error.message;
}
