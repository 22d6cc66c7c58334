import type { FormInstance } from 'antd';
import { quantityProblem, translate, type Language, type SupplyUnit } from '@campus/shared';
import { isApiRequestError } from '@/lib/api-client';
import type { FieldMessages } from '@/lib/form-errors';

/**
 * Puts messages under the form's fields, nested list fields included
 * ("lines.1.quantity" → ['lines', 1, 'quantity']: antd keys list rows by
 * number, so lib/form-errors' string paths would miss them). Messages without
 * a field are returned for an Alert.
 */
export function placeErrors(form: FormInstance, fields: FieldMessages): string[] {
  const known = new Map(form.getFieldsError().map((entry) => [entry.name.join('.'), entry.name] as const));
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
 * A refused submit: the fields' messages under the fields, and the server's
 * message for the Alert, always, since it carries what the user needs to
 * know ("口罩库存不足:当前结存 210 个,本次需出库 500 个").
 */
export function applyError(form: FormInstance, error: unknown): string {
  if (!isApiRequestError(error)) return error instanceof Error ? error.message : String(error);
  const rest = error.fields ? placeErrors(form, error.fields) : [];
  return [error.message, ...rest.filter((message) => message !== error.message)].join(' ');
}

/** Clears the errors of every field the user changed, nested ones included (an onValuesChange handler). */
export function clearChangedErrors(form: FormInstance, changed: unknown) {
  const names: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (path.length) names.push(path);
    if (Array.isArray(value)) value.forEach((entry, index) => entry !== undefined && walk(entry, [...path, index]));
    else if (value && typeof value === 'object' && !(value instanceof Date) && !('$d' in value)) {
      for (const [key, entry] of Object.entries(value)) walk(entry, [...path, key]);
    }
  };
  walk(changed, []);
  form.setFields(names.map((name) => ({ name, errors: [] })));
}

export function clearAllErrors(form: FormInstance) {
  form.setFields(form.getFieldsError().map((entry) => ({ name: entry.name, errors: [] })));
}

/** Whole masks, litres to two decimals: the unit check the server makes per item, done before sending. */
export function lineQuantityProblems(lines: readonly { itemId?: string; quantity?: number | null }[], unitOf: (itemId: string) => SupplyUnit | undefined, field: string, language: Language): FieldMessages {
  const fields: FieldMessages = {};
  lines.forEach((line, index) => {
    const unit = line.itemId ? unitOf(line.itemId) : undefined;
    if (unit && typeof line.quantity === 'number') {
      const problem = quantityProblem(line.quantity, unit);
      if (problem) fields[`lines.${index}.${field}`] = translate(problem, language);
    }
  });
  return fields;
}
