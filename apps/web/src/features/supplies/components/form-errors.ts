import { quantityProblem, translate, type Language, type SupplyUnit } from '@campus/shared';
import type { FieldMessages } from '@/lib/form-errors';

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
