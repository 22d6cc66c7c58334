import { dayInTimeZone, quantityProblem, UNIT_LABELS, unitDecimals, type Holder, type SupplyItem as SupplyItemWire, type TargetRule } from '@campus/shared';
import { Prisma, type SupplyItem as ItemRow } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { AppError, FieldError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { scope, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';

export type Tx = Prisma.TransactionClient;
export type DbOrTx = Db | Tx;
export type { ItemRow };

/** Whose stock a request is about: a school, or the centre's own store (schoolId null). */
export interface ResolvedHolder {
  schoolId: string | null;
  name: string;
}

/**
 * Resolves the `holder` of a request within the caller's scope. Omitted: a
 * school's staff mean their school, the centre means its own store. A holder
 * out of scope reads as not found (404); class teachers have no supplies (403).
 */
export async function resolveHolder(db: DbOrTx, actor: Actor, holder: Holder | undefined): Promise<ResolvedHolder> {
  const rule = scope.supplies(actor);
  const wanted = holder ?? (rule.schoolId ?? 'centre');
  if (wanted === 'centre') {
    if (rule.schoolId) throw new NotFoundError('School', 'centre');
    return { schoolId: null, name: (await getCentre(db as Db)).name };
  }
  if (rule.schoolId && rule.schoolId !== wanted) throw new NotFoundError('School', wanted);
  const school = await db.school.findUnique({ where: { id: wanted }, select: { id: true, name: true } });
  if (!school) throw new NotFoundError('School', wanted);
  return { schoolId: school.id, name: school.name };
}

/**
 * Who may write a holder's ledger: the centre anywhere; a school's principal
 * and gate staff their own school (resolveHolder has already checked scope);
 * observers never write.
 */
export function assertStockWriter(actor: Actor, holder: ResolvedHolder): void {
  if (actor.role === 'centre_admin') return;
  if ((actor.role === 'principal' || actor.role === 'gate_duty') && holder.schoolId !== null && holder.schoolId === actor.schoolId) return;
  throw new ForbiddenError();
}

export function itemRule(row: Pick<ItemRow, 'targetMode' | 'targetQuantity' | 'targetBasis' | 'targetPerDay' | 'targetDays'>): TargetRule | null {
  return ruleOf({ mode: row.targetMode, quantity: row.targetQuantity, basis: row.targetBasis, perDay: row.targetPerDay, days: row.targetDays });
}

/** A target rule from its columns (SupplyItem's default or a SchoolTarget). */
export function ruleOf(columns: { mode: string | null; quantity: unknown; basis: string | null; perDay: unknown; days: number | null }): TargetRule | null {
  if (!columns.mode) return null;
  if (columns.mode === 'fixed') return { mode: 'fixed', quantity: Number(columns.quantity ?? 0) };
  return { mode: 'per_head', basis: columns.basis === 'staff' ? 'staff' : 'everyone', perDay: Number(columns.perDay ?? 0), days: columns.days ?? 0 };
}

export function itemRuleColumns(rule: TargetRule | null) {
  return {
    targetMode: rule?.mode ?? null,
    targetQuantity: rule?.mode === 'fixed' ? rule.quantity : null,
    targetBasis: rule?.mode === 'per_head' ? rule.basis : null,
    targetPerDay: rule?.mode === 'per_head' ? rule.perDay : null,
    targetDays: rule?.mode === 'per_head' ? rule.days : null,
  };
}

export function toSupplyItem(row: ItemRow): SupplyItemWire {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    unit: row.unit,
    kind: row.kind,
    decimals: unitDecimals(row.unit),
    sortOrder: row.sortOrder,
    active: row.active,
    defaultTarget: itemRule(row),
  };
}

export const ITEM_ORDER = [{ sortOrder: 'asc' }, { code: 'asc' }] as const satisfies Prisma.SupplyItemOrderByWithRelationInput[];

/**
 * The active items named by a request's lines, checked: each exists and is in
 * use, and each quantity fits the item's unit (whole masks, 0.01 L).
 * Problems come back as field errors on the line (`lines.2.quantity`).
 */
export async function loadLineItems<T extends { itemId: string }>(db: DbOrTx, lines: readonly T[], quantityOf: (line: T) => number, quantityField: string): Promise<ItemRow[]> {
  const rows = await db.supplyItem.findMany({ where: { id: { in: lines.map((line) => line.itemId) }, active: true } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const problems: Record<string, string> = {};
  const items = lines.map((line, index) => {
    const item = byId.get(line.itemId);
    if (!item) {
      problems[`lines.${index}.itemId`] = 'field.item_unknown';
      return undefined;
    }
    const problem = quantityProblem(quantityOf(line), item.unit);
    if (problem) problems[`lines.${index}.${quantityField}`] = problem;
    return item;
  });
  if (Object.keys(problems).length) throw new FieldError(problems);
  return items as ItemRow[];
}

export function assertQuantityFits(quantity: number, unit: ItemRow['unit'], field: string): void {
  const problem = quantityProblem(quantity, unit);
  if (problem) throw new FieldError({ [field]: problem });
}

/** 库存不足: refused with the current balance in the message, in both languages. */
export class InsufficientStockError extends AppError {
  constructor(item: Pick<ItemRow, 'name' | 'nameEn' | 'unit'>, balance: number, quantity: number, field?: string) {
    super(
      409,
      'conflict',
      'supplies.insufficient_stock',
      {
        item: item.name,
        itemEn: item.nameEn,
        balance: formatQuantity(balance),
        quantity: formatQuantity(quantity),
        unit: UNIT_LABELS[item.unit]['zh-CN'],
        unitEn: UNIT_LABELS[item.unit].en,
      },
      field ? { [field]: 'field.insufficient_stock' } : undefined,
    );
  }
}

function formatQuantity(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** "Today" in the centre's time zone, never the server's. */
export async function centreToday(db: Db): Promise<{ today: string; timeZone: string; centreName: string }> {
  const centre = await getCentre(db);
  return { today: dayInTimeZone(new Date(), centre.timeZone), timeZone: centre.timeZone, centreName: centre.name };
}

export function parseInstant(value: string | undefined): Date {
  return value ? new Date(value) : new Date();
}

/** A unique key refused the write (two reversals of one movement raced): one test for it, kept in lib/db-errors.ts. */
export { isUniqueViolation } from '../../lib/db-errors.js';
