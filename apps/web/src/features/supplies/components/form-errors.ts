import type { FormInstance } from 'antd';
import { quantityProblem, translate, type Language, type SupplyUnit } from '@campus/shared';
import { isApiRequestError } from '@/lib/api-client';
import { showFieldErrors, type FieldMessages } from '@/lib/form-errors';

/**
 * A refused submit: the fields' messages under the fields, and the server's
 * message for the Alert, always, since it carries what the user needs to
 * know ("口罩库存不足:当前结存 210 个,本次需出库 500 个").
 */
export function applyError(form: FormInstance, error: unknown): string {
  if (!isApiRequestError(error)) return error instanceof Error ? error.message : String(error);
  const rest = error.fields ? showFieldErrors(form, error.fields) : [];
  return [error.message, ...rest.filter((message) => message !== error.message)].join(' ');
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
