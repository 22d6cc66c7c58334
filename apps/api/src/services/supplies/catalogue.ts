/** The centre's catalogue of supplies: each item with its unit, kind and default target. */
import type { SupplyItem, SupplyItemInput, SupplyItemUpdate, TargetRule } from '@campus/shared';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { ConflictError, FieldError, NotFoundError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { assertCan, scope, type Actor } from '../scope.js';
import { assertQuantityFits, ITEM_ORDER, itemRuleColumns, toSupplyItem, type ItemRow } from './common.js';

export async function listItems(db: Db, actor: Actor, includeInactive: boolean): Promise<SupplyItem[]> {
  scope.supplies(actor);
  const rows = await db.supplyItem.findMany({ where: includeInactive ? {} : { active: true }, orderBy: [...ITEM_ORDER] });
  return rows.map(toSupplyItem);
}

async function assertUnique(db: Db, fields: { code?: string; name?: string }, exceptId?: string) {
  const clash = await db.supplyItem.findFirst({
    where: { OR: [fields.code ? { code: fields.code } : {}, fields.name ? { name: fields.name } : {}].filter((part) => Object.keys(part).length), NOT: exceptId ? { id: exceptId } : undefined },
    select: { code: true, name: true },
  });
  if (!clash) return;
  const problems: Record<string, string> = {};
  if (fields.code && clash.code === fields.code) problems.code = 'field.item_code_taken';
  if (fields.name && clash.name === fields.name) problems.name = 'field.item_name_taken';
  throw new FieldError(problems, 409);
}

/** A fixed target is a quantity of the item's unit: whole masks, litres to 0.01. */
export function assertRuleFits(rule: TargetRule | null | undefined, unit: ItemRow['unit'], field: string): void {
  if (rule?.mode === 'fixed') assertQuantityFits(rule.quantity, unit, `${field}.quantity`);
}

export async function createItem(db: Db, actor: Actor, context: AuditContext, input: z.output<typeof SupplyItemInput>): Promise<SupplyItem> {
  assertCan(actor, 'supplies.manage');
  await assertUnique(db, input);
  assertRuleFits(input.defaultTarget, input.unit, 'defaultTarget');
  const { defaultTarget, ...fields } = input;
  return db.$transaction(async (tx) => {
    const created = await tx.supplyItem.create({ data: { ...fields, ...itemRuleColumns(defaultTarget) } });
    await recordAudit(tx, context, { action: 'supply_item.create', entity: 'SupplyItem', entityId: created.id });
    return toSupplyItem(created);
  });
}

/** Rename, reorder, retire, or change the default target. The unit is fixed once the item has ledger entries (units are never mixed). */
export async function updateItem(db: Db, actor: Actor, context: AuditContext, id: string, input: z.output<typeof SupplyItemUpdate>): Promise<SupplyItem> {
  assertCan(actor, 'supplies.manage');
  const existing = await db.supplyItem.findUnique({ where: { id } });
  if (!existing) throw new NotFoundError('SupplyItem', id);
  if (input.name) await assertUnique(db, { name: input.name }, id);
  if (input.unit && input.unit !== existing.unit && (await db.stockMovement.count({ where: { itemId: id } }))) throw new ConflictError('supplies.unit_locked');
  const unit = input.unit ?? existing.unit;
  assertRuleFits(input.defaultTarget, unit, 'defaultTarget');
  const { defaultTarget, ...fields } = input;
  return db.$transaction(async (tx) => {
    const updated = await tx.supplyItem.update({ where: { id }, data: { ...fields, ...(defaultTarget !== undefined ? itemRuleColumns(defaultTarget) : {}) } });
    await recordAudit(tx, context, { action: 'supply_item.update', entity: 'SupplyItem', entityId: id });
    return toSupplyItem(updated);
  });
}
