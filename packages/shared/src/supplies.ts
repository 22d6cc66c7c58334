/**
 * Supplies (物资): the catalogue, the stock ledger, distribution from the
 * centre to the schools, requests, targets and the centre's shortfall matrix.
 *
 * The rules live here, once, for the server and the browser alike: stock on
 * hand is the sum of the ledger; a movement may never take it below zero;
 * target = fixed, or heads × per day × days of cover; shortfall = max(0,
 * target − on hand); days of stock = on hand ÷ the last 7 days' average use;
 * status; and the formula behind each of those numbers, in words.
 */
import { z } from 'zod';
import { Id, optionalText, text } from './common.js';
import { addDays } from './days.js';
import type { Language } from './messages.js';

// ---------------------------------------------------------------- vocabulary

/** Units of count. Litres and kilograms take decimals; everything else is counted in whole units. */
export const SupplyUnit = z.enum(['piece', 'pair', 'bottle', 'box', 'pack', 'set', 'litre', 'kilogram']);
export type SupplyUnit = z.infer<typeof SupplyUnit>;
/** Consumed (masks, disinfectant) or equipment (thermometers): equipment has no days of stock. */
export const SupplyKind = z.enum(['consumable', 'equipment']);
export type SupplyKind = z.infer<typeof SupplyKind>;
/** Per head: everyone on the roster (students + staff) or staff only. */
export const HeadBasis = z.enum(['everyone', 'staff']);
export type HeadBasis = z.infer<typeof HeadBasis>;
export const MovementType = z.enum(['receipt', 'transfer_out', 'transfer_in', 'consumption', 'count_adjustment', 'reversal']);
export type MovementType = z.infer<typeof MovementType>;
/** Where an arrival came from (区教委, 镇党委政府, 社会捐赠, 采购). */
export const ReceiptSource = z.enum(['district_commission', 'township_government', 'donation', 'purchase', 'other']);
export type ReceiptSource = z.infer<typeof ReceiptSource>;
export const TransferStatus = z.enum(['in_transit', 'received', 'cancelled']);
export type TransferStatus = z.infer<typeof TransferStatus>;
/** `withdrawn`: the school took a pending request back before the centre decided. */
export const SupplyRequestStatus = z.enum(['pending', 'approved', 'partly_approved', 'declined', 'withdrawn']);
export type SupplyRequestStatus = z.infer<typeof SupplyRequestStatus>;
/** stock_out: nothing left; short: below target or under ALERT_DAYS of cover; unknown: no target and no use yet. */
export const StockStatus = z.enum(['stock_out', 'short', 'unknown', 'adequate']);
export type StockStatus = z.infer<typeof StockStatus>;

/** A school with less than this many days of stock left is on the centre's alert list. */
export const ALERT_DAYS = 3;
/** Average use is taken over this many complete days before today. */
export const USE_WINDOW_DAYS = 7;

export const UNIT_LABELS: Record<SupplyUnit, { 'zh-CN': string; en: string }> = {
  piece: { 'zh-CN': '个', en: 'pcs' },
  pair: { 'zh-CN': '双', en: 'pairs' },
  bottle: { 'zh-CN': '瓶', en: 'bottles' },
  box: { 'zh-CN': '盒', en: 'boxes' },
  pack: { 'zh-CN': '包', en: 'packs' },
  set: { 'zh-CN': '套', en: 'sets' },
  litre: { 'zh-CN': '升', en: 'L' },
  kilogram: { 'zh-CN': '千克', en: 'kg' },
};

export const MOVEMENT_TYPE_LABELS: Record<MovementType, { 'zh-CN': string; en: string }> = {
  receipt: { 'zh-CN': '入库', en: 'Receipt' },
  transfer_out: { 'zh-CN': '调拨出库', en: 'Transfer out' },
  transfer_in: { 'zh-CN': '调拨入库', en: 'Transfer in' },
  consumption: { 'zh-CN': '领用消耗', en: 'Used' },
  count_adjustment: { 'zh-CN': '盘点调整', en: 'Count adjustment' },
  reversal: { 'zh-CN': '冲销', en: 'Reversal' },
};

export const RECEIPT_SOURCE_LABELS: Record<ReceiptSource, { 'zh-CN': string; en: string }> = {
  district_commission: { 'zh-CN': '区教委配发', en: 'District education commission' },
  township_government: { 'zh-CN': '镇党委政府配发', en: 'Township government' },
  donation: { 'zh-CN': '社会捐赠', en: 'Donation' },
  purchase: { 'zh-CN': '自行采购', en: 'Purchase' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const STOCK_STATUS_LABELS: Record<StockStatus, { 'zh-CN': string; en: string }> = {
  stock_out: { 'zh-CN': '断货', en: 'Stock-out' },
  short: { 'zh-CN': '不足', en: 'Short' },
  unknown: { 'zh-CN': '未知', en: 'Unknown' },
  adequate: { 'zh-CN': '充足', en: 'Adequate' },
};

// ---------------------------------------------------------------- quantities

/** Decimal places a unit allows: litres and kilograms two, everything else none. */
export function unitDecimals(unit: SupplyUnit): 0 | 2 {
  return unit === 'litre' || unit === 'kilogram' ? 2 : 0;
}

/**
 * Quantities are added in hundredths (integers), so 0.1 + 0.2 L is 0.3 L and
 * a long ledger never drifts. Every quantity the API accepts has at most two
 * decimals.
 */
export function toHundredths(quantity: number): number {
  return Math.round(quantity * 100);
}

export function fromHundredths(hundredths: number): number {
  return hundredths / 100;
}

/** The field key of what is wrong with `quantity` for `unit`, or null. */
export function quantityProblem(quantity: number, unit: SupplyUnit): string | null {
  if (!Number.isFinite(quantity)) return 'field.invalid_type';
  if (Math.abs(toHundredths(quantity) - quantity * 100) > 1e-6) return 'field.quantity_decimals';
  if (unitDecimals(unit) === 0 && !Number.isInteger(toHundredths(quantity) / 100)) return 'field.quantity_whole';
  return null;
}

/** Stock on hand: the sum of the ledger's signed quantities (in +, out −). */
export function stockOnHand(movements: readonly { quantity: number }[]): number {
  return fromHundredths(movements.reduce((sum, movement) => sum + toHundredths(movement.quantity), 0));
}

/**
 * The balance after appending `quantity` (signed) to a ledger at `balance`,
 * or null when it would go below zero: such a movement is refused.
 */
export function balanceAfter(balance: number, quantity: number): number | null {
  const next = toHundredths(balance) + toHundredths(quantity);
  return next < 0 ? null : fromHundredths(next);
}

/** The running balance after each movement, in ledger order (a stock card's 结存 column). */
export function runningBalances(movements: readonly { quantity: number }[]): number[] {
  let sum = 0;
  return movements.map((movement) => fromHundredths((sum += toHundredths(movement.quantity))));
}

/** The signed quantity a movement of `type` books for an entered (positive) amount. */
export function signedQuantity(type: 'receipt' | 'transfer_in' | 'transfer_out' | 'consumption', amount: number): number {
  return type === 'transfer_out' || type === 'consumption' ? -amount : amount;
}

// ---------------------------------------------------------------- targets

export const TargetRule = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('fixed'), quantity: z.number().min(0).max(1e9).multipleOf(0.01, { error: 'field.quantity_decimals' }) }).strict(),
  z
    .object({
      mode: z.literal('per_head'),
      basis: HeadBasis,
      /** per person per day, e.g. 2 masks */
      perDay: z.number().positive({ error: 'field.quantity_positive' }).max(1000).multipleOf(0.001),
      /** days of cover, e.g. 14 for reopening */
      days: z.number().int({ error: 'field.integer' }).min(1).max(365),
    })
    .strict(),
]);
export type TargetRule = z.infer<typeof TargetRule>;

export interface Heads {
  /** students + staff, active on the roster */
  everyone: number;
  staff: number;
}

/**
 * The target quantity a rule gives a school: fixed, or heads × per day ×
 * days, rounded up to what the unit can hold (whole masks, 0.01 L).
 */
export function targetQuantity(rule: TargetRule | null, heads: Heads, unit: SupplyUnit): number | null {
  if (!rule) return null;
  if (rule.mode === 'fixed') return rule.quantity;
  const raw = heads[rule.basis] * rule.perDay * rule.days;
  const step = unitDecimals(unit) === 0 ? 1 : 100;
  // Strip float noise (2 × 0.1 × 14) before rounding up.
  return Math.ceil(Number((raw * step).toFixed(6))) / step;
}

/** 缺口: target − on hand, never negative; null when there is no target. */
export function shortfall(target: number | null, onHand: number): number | null {
  if (target === null) return null;
  return fromHundredths(Math.max(0, toHundredths(target) - toHundredths(onHand)));
}

let lastWindow: { today: string; window: { from: string; to: string } } | undefined;

/** The complete days the average is taken over: [today − 7, today − 1]. */
export function useWindow(today: string): { from: string; to: string } {
  // A matrix asks this for every cell of the same day: keep the last answer.
  if (lastWindow?.today !== today) lastWindow = { today, window: { from: addDays(today, -USE_WINDOW_DAYS), to: addDays(today, -1) } };
  return { ...lastWindow.window };
}

/**
 * Average daily use over the window, counted from the first day in the window
 * with recorded use (a school that started using masks two days ago is not
 * averaged over seven). Null when nothing was used in the window.
 */
export function averageDailyUse(usedInWindow: number, firstUseDay: string | null, today: string): { dailyUse: number | null; daysObserved: number } {
  if (!firstUseDay || usedInWindow <= 0) return { dailyUse: null, daysObserved: 0 };
  const { from, to } = useWindow(today);
  const start = firstUseDay < from ? from : firstUseDay;
  const daysObserved = Math.max(1, Math.min(USE_WINDOW_DAYS, dayDiff(start, to) + 1));
  return { dailyUse: usedInWindow / daysObserved, daysObserved };
}

/** Days of stock left at the average use, one decimal, rounded down; null without use. */
export function daysOfStock(onHand: number, dailyUse: number | null): number | null {
  if (dailyUse === null || dailyUse <= 0) return null;
  return Math.floor((Math.max(0, onHand) / dailyUse) * 10 + 1e-9) / 10;
}

/**
 * stock_out: nothing on hand of something needed (a target, or recent use);
 * short: below target, or under ALERT_DAYS of cover; adequate: target met
 * (and, with use, at least ALERT_DAYS left); unknown: no target and no use yet.
 */
export function stockStatus(figures: { onHand: number; target: number | null; dailyUse: number | null; daysLeft: number | null }): StockStatus {
  const needed = (figures.target ?? 0) > 0 || (figures.dailyUse ?? 0) > 0;
  if (figures.onHand <= 0 && needed) return 'stock_out';
  if (figures.target !== null && toHundredths(figures.onHand) < toHundredths(figures.target)) return 'short';
  if (figures.daysLeft !== null && figures.daysLeft < ALERT_DAYS) return 'short';
  if (figures.target === null && figures.daysLeft === null) return 'unknown';
  return 'adequate';
}

const STATUS_RANK: Record<StockStatus, number> = { stock_out: 0, short: 1, unknown: 2, adequate: 3 };

/** Orders statuses worst first (stock_out, short, unknown, adequate). */
export function compareStatus(a: StockStatus, b: StockStatus): number {
  return STATUS_RANK[a] - STATUS_RANK[b];
}

export function worstStatus(statuses: readonly StockStatus[]): StockStatus {
  return statuses.reduce<StockStatus>((worst, status) => (compareStatus(status, worst) < 0 ? status : worst), 'adequate');
}

/** On the centre's alert list: out of stock, or fewer than ALERT_DAYS of cover. */
export function isAlert(cell: { status: StockStatus; daysLeft: number | null }): boolean {
  return cell.status === 'stock_out' || (cell.daysLeft !== null && cell.daysLeft < ALERT_DAYS);
}

export const TargetSource = z.enum(['school', 'default', 'none']);
export type TargetSource = z.infer<typeof TargetSource>;

export const MatrixCell = z.object({
  itemId: z.string(),
  onHand: z.number(),
  /** issued by the centre, not yet received */
  inTransit: z.number(),
  target: z.number().nullable(),
  targetSource: TargetSource,
  rule: TargetRule.nullable(),
  shortfall: z.number().nullable(),
  /** used in the window (net of reversals) */
  usedInWindow: z.number(),
  daysObserved: z.number().int(),
  dailyUse: z.number().nullable(),
  daysLeft: z.number().nullable(),
  status: StockStatus,
});
export type MatrixCell = z.infer<typeof MatrixCell>;

/** Every figure of one school × item cell from its inputs: the one place the numbers are made. */
export function supplyCell(input: {
  itemId: string;
  unit: SupplyUnit;
  kind: SupplyKind;
  onHand: number;
  inTransit: number;
  schoolRule: TargetRule | null;
  defaultRule: TargetRule | null;
  heads: Heads;
  usedInWindow: number;
  firstUseDay: string | null;
  today: string;
}): MatrixCell {
  const rule = input.schoolRule ?? input.defaultRule;
  const target = targetQuantity(rule, input.heads, input.unit);
  const { dailyUse, daysObserved } = input.kind === 'consumable' ? averageDailyUse(input.usedInWindow, input.firstUseDay, input.today) : { dailyUse: null, daysObserved: 0 };
  const daysLeft = daysOfStock(input.onHand, dailyUse);
  return {
    itemId: input.itemId,
    onHand: input.onHand,
    inTransit: input.inTransit,
    target,
    targetSource: input.schoolRule ? 'school' : input.defaultRule ? 'default' : 'none',
    rule,
    shortfall: shortfall(target, input.onHand),
    usedInWindow: input.usedInWindow,
    daysObserved,
    dailyUse: dailyUse === null ? null : Math.round(dailyUse * 100) / 100,
    daysLeft,
    status: stockStatus({ onHand: input.onHand, target, dailyUse, daysLeft }),
  };
}

// ---------------------------------------------------------------- formulas

export type SupplyFigure = 'on_hand' | 'target' | 'shortfall' | 'days_left' | 'status';

// Building an Intl.NumberFormat costs far more than using one: keep one per language.
const numberFormats = new Map<Language, Intl.NumberFormat>();
function number(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 })));
  return format.format(value);
}

/**
 * The formula behind a number of the matrix, in words ("show the formula"):
 *   target    = 52 people × 2 个/person/day × 14 days = 1,456 个
 *   shortfall = max(0, 1,456 − 600) = 856 个
 */
export function supplyFormula(figure: SupplyFigure, cell: MatrixCell, context: { unit: SupplyUnit; heads: Heads; language: Language }): string {
  const zh = context.language !== 'en';
  const unit = UNIT_LABELS[context.unit][zh ? 'zh-CN' : 'en'];
  const n = (value: number) => number(value, context.language);
  const q = (value: number) => (zh ? `${n(value)} ${unit}` : `${n(value)} ${unit}`);
  switch (figure) {
    case 'on_hand':
      return zh ? `现有库存 = 台账各笔入库(+)与出库(−)之和 = ${q(cell.onHand)}` : `On hand = sum of the ledger, in (+) and out (−) = ${q(cell.onHand)}`;
    case 'target': {
      const rule = cell.rule;
      const source = zh ? { school: '(本校设定)', default: '(默认)', none: '' }[cell.targetSource] : { school: ' (set for this school)', default: ' (default)', none: '' }[cell.targetSource];
      if (!rule || cell.target === null) return zh ? '未设定目标库存' : 'No target set';
      if (rule.mode === 'fixed') return zh ? `目标库存 = 固定 ${q(rule.quantity)}${source}` : `Target = fixed ${q(rule.quantity)}${source}`;
      const heads = context.heads[rule.basis];
      const who = zh ? (rule.basis === 'staff' ? '教职工' : '师生') : rule.basis === 'staff' ? 'staff' : 'people';
      return zh
        ? `目标库存 = ${n(heads)} 人(${who})× ${n(rule.perDay)} ${unit}/人/天 × ${rule.days} 天 = ${q(cell.target)}${source}`
        : `Target = ${n(heads)} ${who} × ${n(rule.perDay)} ${unit}/person/day × ${rule.days} days = ${q(cell.target)}${source}`;
    }
    case 'shortfall':
      if (cell.target === null || cell.shortfall === null) return zh ? '未设定目标库存,无法计算缺口' : 'No target, so no shortfall';
      return zh
        ? `缺口 = max(0, 目标 ${n(cell.target)} − 现有 ${n(cell.onHand)}) = ${q(cell.shortfall)}`
        : `Shortfall = max(0, target ${n(cell.target)} − on hand ${n(cell.onHand)}) = ${q(cell.shortfall)}`;
    case 'days_left':
      if (cell.dailyUse === null || cell.daysLeft === null) return zh ? `近 ${USE_WINDOW_DAYS} 天没有使用记录,无法估算可用天数` : `No use recorded in the last ${USE_WINDOW_DAYS} days, so days of stock are unknown`;
      return zh
        ? `可用天数 = 现有 ${n(cell.onHand)} ÷ 日均用量 ${n(cell.dailyUse)}(近 ${cell.daysObserved} 天共用 ${n(cell.usedInWindow)})= ${n(cell.daysLeft)} 天`
        : `Days of stock = on hand ${n(cell.onHand)} ÷ average use ${n(cell.dailyUse)}/day (${n(cell.usedInWindow)} used over ${cell.daysObserved} days) = ${n(cell.daysLeft)} days`;
    case 'status': {
      const label = STOCK_STATUS_LABELS[cell.status][zh ? 'zh-CN' : 'en'];
      const why = {
        stock_out: zh ? '现有库存为 0' : 'nothing on hand',
        short:
          cell.shortfall !== null && cell.shortfall > 0
            ? zh ? `低于目标,缺口 ${q(cell.shortfall)}` : `below target by ${q(cell.shortfall)}`
            : zh ? `可用不足 ${ALERT_DAYS} 天` : `under ${ALERT_DAYS} days of stock`,
        unknown: zh ? '未设定目标且尚无使用记录' : 'no target and no use yet',
        adequate: zh ? '已达目标库存' + (cell.daysLeft !== null ? `,可用 ${n(cell.daysLeft)} 天` : '') : 'target met' + (cell.daysLeft !== null ? `, ${n(cell.daysLeft)} days left` : ''),
      }[cell.status];
      return zh ? `${label}:${why}` : `${label}: ${why}`;
    }
  }
}

const dayNumbers = new Map<string, number>();
/** Days since 1970-01-01 of "YYYY-MM-DD" (a matrix asks for the same few days thousands of times). */
function dayNumber(day: string): number {
  let value = dayNumbers.get(day);
  if (value === undefined) {
    value = Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
    if (dayNumbers.size > 1000) dayNumbers.clear();
    dayNumbers.set(day, value);
  }
  return value;
}

function dayDiff(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

// ---------------------------------------------------------------- input schemas

const MAX_QUANTITY = 1e9;

/** A positive quantity with at most two decimals; whole-number units are checked against the item (quantityProblem). */
export const Quantity = z
  .number({ error: 'field.invalid_type' })
  .positive({ error: 'field.quantity_positive' })
  .max(MAX_QUANTITY)
  .multipleOf(0.01, { error: 'field.quantity_decimals' });

/** Zero allowed: a count that found nothing, a delivery that never arrived. */
export const CountedQuantity = z.number({ error: 'field.invalid_type' }).min(0).max(MAX_QUANTITY).multipleOf(0.01, { error: 'field.quantity_decimals' });

/** When it happened (ISO 8601); never in the future. Defaults to now. */
export const OccurredAt = z.iso
  .datetime({ offset: true, error: 'field.date_time' })
  .refine((value) => Date.parse(value) <= Date.now() + 5 * 60_000, { error: 'field.future_time' });

/** Whose stock: "centre", or a school's id. Omitted: the caller's own (a school's staff: their school; the centre: its own). */
export const Holder = z.union([z.literal('centre'), Id]);
export type Holder = z.infer<typeof Holder>;

function uniqueItems<T extends { itemId: string }>(lines: T[], context: z.RefinementCtx) {
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    if (seen.has(line.itemId)) context.addIssue({ code: 'custom', path: ['lines', index, 'itemId'], message: 'field.item_duplicate' });
    seen.add(line.itemId);
  });
}

const QuantityLine = z.object({ itemId: Id, quantity: Quantity }).strict();
const Lines = z.array(QuantityLine).min(1, { error: 'field.lines_required' }).max(50);

export const ItemCode = z.string().trim().regex(/^[a-z][a-z0-9_]{1,31}$/, { error: 'field.item_code' });

export const SupplyItem = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: SupplyUnit,
  kind: SupplyKind,
  /** decimal places quantities of this item may have (litres 2, pieces 0) */
  decimals: z.number().int(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  defaultTarget: TargetRule.nullable(),
});
export type SupplyItem = z.infer<typeof SupplyItem>;
export const SupplyItemList = z.object({ items: z.array(SupplyItem) });

export const SupplyItemInput = z
  .object({
    code: ItemCode,
    name: text(30),
    nameEn: text(60),
    unit: SupplyUnit,
    kind: SupplyKind,
    sortOrder: z.number().int().min(0).max(999).default(100),
    defaultTarget: TargetRule.nullable().default(null),
  })
  .strict();
export type SupplyItemInput = z.input<typeof SupplyItemInput>;

export const SupplyItemUpdate = z
  .object({ name: text(30), nameEn: text(60), unit: SupplyUnit, kind: SupplyKind, sortOrder: z.number().int().min(0).max(999), active: z.boolean(), defaultTarget: TargetRule.nullable() })
  .partial()
  .strict();
export type SupplyItemUpdate = z.input<typeof SupplyItemUpdate>;

export const ItemListQuery = z.object({ includeInactive: z.enum(['true', 'false']).optional().transform((value) => value === 'true') }).strict();

/** An arrival: at the centre (district commission, township, donation, purchase) or at a school from elsewhere. */
export const ReceiptInput = z
  .object({
    holder: Holder.optional(),
    source: ReceiptSource,
    /** 文件号 / 单据号 of the delivery */
    documentNumber: optionalText(60),
    occurredAt: OccurredAt.optional(),
    note: optionalText(200),
    lines: Lines,
  })
  .strict()
  .superRefine((value, context) => uniqueItems(value.lines, context));
export type ReceiptInput = z.input<typeof ReceiptInput>;

/** What was used (masks handed out, disinfectant used). */
export const ConsumptionInput = z
  .object({ holder: Holder.optional(), occurredAt: OccurredAt.optional(), note: optionalText(200), lines: Lines })
  .strict()
  .superRefine((value, context) => uniqueItems(value.lines, context));
export type ConsumptionInput = z.input<typeof ConsumptionInput>;

/** A physical count: each line's difference from the ledger is booked as a count adjustment. */
export const StockCountInput = z
  .object({
    holder: Holder.optional(),
    occurredAt: OccurredAt.optional(),
    note: optionalText(200),
    lines: z.array(z.object({ itemId: Id, countedQuantity: CountedQuantity }).strict()).min(1, { error: 'field.lines_required' }).max(50),
  })
  .strict()
  .superRefine((value, context) => uniqueItems(value.lines, context));
export type StockCountInput = z.input<typeof StockCountInput>;

export const ReversalInput = z.object({ reason: text(200) }).strict();

export const StockMovement = z.object({
  id: z.string(),
  schoolId: z.string().nullable(),
  holderName: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  unit: SupplyUnit,
  type: MovementType,
  /** signed: + in, − out */
  quantity: z.number(),
  /** the holder's balance of this item after this movement, in ledger order */
  balanceAfter: z.number(),
  occurredAt: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string(),
  source: ReceiptSource.nullable(),
  documentNumber: z.string().nullable(),
  transferId: z.string().nullable(),
  transferNumber: z.string().nullable(),
  /** for a reversal: the movement it undoes */
  reversesId: z.string().nullable(),
  /** set when a later reversal undid this movement */
  reversedById: z.string().nullable(),
  note: z.string().nullable(),
});
export type StockMovement = z.infer<typeof StockMovement>;

export const MovementList = z.object({ items: z.array(StockMovement) });

export const StockCountResult = z.object({
  items: z.array(z.object({ itemId: z.string(), before: z.number(), counted: z.number(), adjustment: z.number(), movement: StockMovement })),
});
export type StockCountResult = z.infer<typeof StockCountResult>;

export const MovementListQuery = z
  .object({
    holder: Holder.optional(),
    itemId: Id.optional(),
    type: MovementType.optional(),
    /** opaque: the `nextCursor` of the previous page */
    cursor: z.string().regex(/^\d{1,19}$/).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export const MovementPage = z.object({ items: z.array(StockMovement), nextCursor: z.string().nullable() });
export type MovementPage = z.infer<typeof MovementPage>;

export const StockCardQuery = z.object({ holder: Holder.optional(), itemId: Id, limit: z.coerce.number().int().min(1).max(2000).default(500) }).strict();
export const StockCard = z.object({
  schoolId: z.string().nullable(),
  holderName: z.string(),
  item: SupplyItem,
  onHand: z.number(),
  /** oldest first, each with the running balance (balanceAfter) */
  movements: z.array(StockMovement),
  /** true when older movements were left out (see `limit`); the first row's balance still counts them */
  truncated: z.boolean(),
});
export type StockCard = z.infer<typeof StockCard>;

// transfers

export const SupplyTransferLine = z.object({
  itemId: z.string(),
  itemName: z.string(),
  unit: SupplyUnit,
  issuedQuantity: z.number(),
  receivedQuantity: z.number().nullable(),
  /** received − issued, once received */
  difference: z.number().nullable(),
});
export const SupplyTransfer = z.object({
  id: z.string(),
  /** DB000123 */
  number: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  status: TransferStatus,
  requestId: z.string().nullable(),
  requestNumber: z.string().nullable(),
  note: z.string().nullable(),
  issuedAt: z.string(),
  issuedByName: z.string(),
  receivedAt: z.string().nullable(),
  receivedByName: z.string().nullable(),
  discrepancyNote: z.string().nullable(),
  hasDiscrepancy: z.boolean(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  lines: z.array(SupplyTransferLine),
});
export type SupplyTransfer = z.infer<typeof SupplyTransfer>;

export const SupplyTransferInput = z
  .object({ schoolId: Id, note: optionalText(200), lines: Lines })
  .strict()
  .superRefine((value, context) => uniqueItems(value.lines, context));
export type SupplyTransferInput = z.input<typeof SupplyTransferInput>;

/** The school confirms receipt; lines omitted = everything arrived as issued. A difference needs a note. */
export const ReceiveTransferInput = z
  .object({
    receivedAt: OccurredAt.optional(),
    lines: z.array(z.object({ itemId: Id, receivedQuantity: CountedQuantity }).strict()).max(50).optional(),
    discrepancyNote: optionalText(300),
  })
  .strict()
  .superRefine((value, context) => uniqueItems(value.lines ?? [], context));
export type ReceiveTransferInput = z.input<typeof ReceiveTransferInput>;

export const CancelTransferInput = z.object({ reason: text(200) }).strict();

export const SupplyTransferListQuery = z
  .object({
    schoolId: Id.optional(),
    status: TransferStatus.optional(),
    cursor: z.string().regex(/^\d{1,10}$/).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export const SupplyTransferPage = z.object({ items: z.array(SupplyTransfer), nextCursor: z.string().nullable() });

// requests

export const SupplyRequestLine = z.object({
  itemId: z.string(),
  itemName: z.string(),
  unit: SupplyUnit,
  requestedQuantity: z.number(),
  approvedQuantity: z.number().nullable(),
});
export const SupplyRequest = z.object({
  id: z.string(),
  /** SQ000045 */
  number: z.string(),
  schoolId: z.string(),
  schoolName: z.string(),
  status: SupplyRequestStatus,
  reason: z.string(),
  requestedAt: z.string(),
  requestedByName: z.string(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string().nullable(),
  transferId: z.string().nullable(),
  transferNumber: z.string().nullable(),
  transferStatus: TransferStatus.nullable(),
  lines: z.array(SupplyRequestLine),
});
export type SupplyRequest = z.infer<typeof SupplyRequest>;

export const SupplyRequestInput = z
  .object({ holder: Id.optional(), reason: text(300), lines: Lines })
  .strict()
  .superRefine((value, context) => uniqueItems(value.lines, context));
export type SupplyRequestInput = z.input<typeof SupplyRequestInput>;

/** Approve: every line's approved quantity (0 = none of it); less than asked needs a note. Approving nothing is a decline. */
export const ApproveRequestInput = z
  .object({
    lines: z.array(z.object({ itemId: Id, approvedQuantity: CountedQuantity }).strict()).min(1, { error: 'field.lines_required' }).max(50),
    note: optionalText(300),
  })
  .strict()
  .superRefine((value, context) => uniqueItems(value.lines, context));
export type ApproveRequestInput = z.input<typeof ApproveRequestInput>;

export const DeclineRequestInput = z.object({ reason: text(300) }).strict();

export const SupplyRequestListQuery = z
  .object({
    schoolId: Id.optional(),
    status: SupplyRequestStatus.optional(),
    cursor: z.string().regex(/^\d{1,10}$/).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export const SupplyRequestPage = z.object({ items: z.array(SupplyRequest), nextCursor: z.string().nullable() });

/** Display numbers of documents: 调拨单 DB000123, 申请单 SQ000045. */
export function transferNumber(number: number): string {
  return `DB${String(number).padStart(6, '0')}`;
}
export function requestNumber(number: number): string {
  return `SQ${String(number).padStart(6, '0')}`;
}

/** The status a decision gives a request: everything asked → approved, some → partly approved. */
export function approvalStatus(lines: readonly { requestedQuantity: number; approvedQuantity: number }[]): 'approved' | 'partly_approved' | 'declined' {
  if (lines.every((line) => toHundredths(line.approvedQuantity) === 0)) return 'declined';
  return lines.every((line) => toHundredths(line.approvedQuantity) >= toHundredths(line.requestedQuantity)) ? 'approved' : 'partly_approved';
}

// targets

export const SchoolTargetParams = z.object({ schoolId: Id, itemId: Id }).strict();
export const SchoolTargetInput = z.object({ rule: TargetRule }).strict();
export const TargetListQuery = z.object({ schoolId: Id.optional(), itemId: Id.optional() }).strict();
export const EffectiveTarget = z.object({
  schoolId: z.string(),
  schoolName: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  unit: SupplyUnit,
  source: TargetSource,
  rule: TargetRule.nullable(),
  heads: z.object({ everyone: z.number().int(), staff: z.number().int() }),
  target: z.number().nullable(),
  formula: z.string(),
});
export type EffectiveTarget = z.infer<typeof EffectiveTarget>;
export const TargetList = z.object({ items: z.array(EffectiveTarget) });

// the matrix

export const MatrixSort = z.enum(['school', 'status', 'days_left', 'shortfall', 'on_hand']);
export type MatrixSort = z.infer<typeof MatrixSort>;
export const MatrixQuery = z
  .object({
    /** only this item's column */
    itemId: Id.optional(),
    schoolId: Id.optional(),
    /** only schools with this status (in the filtered item, or in any item) */
    status: StockStatus.optional(),
    sort: MatrixSort.default('school'),
    /** the column a figure sort uses; shortfall and on_hand need one (units are never mixed) */
    sortItemId: Id.optional(),
    order: z.enum(['asc', 'desc']).default('asc'),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type MatrixQuery = z.input<typeof MatrixQuery>;

export const MatrixItem = SupplyItem.pick({ id: true, code: true, name: true, nameEn: true, unit: true, kind: true, decimals: true, defaultTarget: true });
export const MatrixRow = z.object({
  schoolId: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  heads: z.object({ everyone: z.number().int(), staff: z.number().int() }),
  worstStatus: StockStatus,
  cells: z.array(MatrixCell),
});
export type MatrixRow = z.infer<typeof MatrixRow>;
export const MatrixTotal = z.object({
  itemId: z.string(),
  onHand: z.number(),
  inTransit: z.number(),
  target: z.number(),
  /** the township's total gap: the sum of the schools' shortfalls */
  shortfall: z.number(),
  schoolsOut: z.number().int(),
  schoolsShort: z.number().int(),
  schoolsUnknown: z.number().int(),
});
export const ShortfallMatrix = z.object({
  today: z.string(),
  /** the days the average use is taken over */
  useWindow: z.object({ from: z.string(), to: z.string() }),
  alertDays: z.number().int(),
  items: z.array(MatrixItem),
  rows: z.array(MatrixRow),
  /** over every school that matches the filters, not just this page */
  totals: z.array(MatrixTotal),
  totalRows: z.number().int(),
  /** the centre's own stock of each item, for deciding what to send */
  centreOnHand: z.array(z.object({ itemId: z.string(), onHand: z.number() })).nullable(),
});
export type ShortfallMatrix = z.infer<typeof ShortfallMatrix>;

export const MatrixExportQuery = MatrixQuery.omit({ limit: true, offset: true, schoolId: true }).strict();

export const SupplyAlert = z.object({
  schoolId: z.string(),
  schoolCode: z.string(),
  schoolName: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  unit: SupplyUnit,
  status: StockStatus,
  onHand: z.number(),
  inTransit: z.number(),
  daysLeft: z.number().nullable(),
  shortfall: z.number().nullable(),
});
export type SupplyAlert = z.infer<typeof SupplyAlert>;
export const SupplyAlertList = z.object({ today: z.string(), alertDays: z.number().int(), items: z.array(SupplyAlert) });

/** One holder's stock, item by item: a school's own view (with its figures and their formulas) or the centre's store. */
export const HolderStockQuery = z.object({ holder: Holder.optional() }).strict();
export const HolderStock = z.object({
  schoolId: z.string().nullable(),
  holderName: z.string(),
  today: z.string(),
  items: z.array(
    z.object({
      item: SupplyItem,
      onHand: z.number(),
      /** school: on its way from the centre; centre: sent, not yet received */
      inTransit: z.number(),
      /** centre only: asked for in pending requests */
      pendingRequested: z.number().nullable(),
      cell: MatrixCell.nullable(),
      /** school only: the formula behind each figure, in the caller's language */
      formulas: z.record(z.string(), z.string()).nullable(),
    }),
  ),
  heads: z.object({ everyone: z.number().int(), staff: z.number().int() }).nullable(),
});
export type HolderStock = z.infer<typeof HolderStock>;
