/**
 * The stock ledger: receipts, use, counts and reversals. Rows are only ever
 * appended (a database trigger refuses updates and deletes). Each append
 * takes a per-holder-and-item lock, reads the last balance, refuses a
 * movement that would take it below zero (with the balance in the message),
 * and writes the new balance with the row: docs/decisions/0008-supplies-ledger.md.
 */
import {
  balanceAfter,
  signedQuantity,
  transferNumber,
  type Holder,
  type MovementType,
  type ReceiptSource,
  type StockCard,
  type StockCountResult,
  type StockMovement,
} from '@campus/shared';
import type { z } from 'zod';
import type { ConsumptionInput as ConsumptionSchema, MovementListQuery, ReceiptInput as ReceiptSchema, StockCardQuery, StockCountInput as CountSchema } from '@campus/shared';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { ConflictError, NotFoundError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { actorName, scope, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';
import {
  assertStockWriter,
  InsufficientStockError,
  isUniqueViolation,
  loadLineItems,
  parseInstant,
  resolveHolder,
  toSupplyItem,
  type ItemRow,
  type ResolvedHolder,
  type Tx,
} from './common.js';

export const movementInclude = {
  school: { select: { name: true } },
  item: { select: { name: true, unit: true } },
  transfer: { select: { number: true } },
  reversedBy: { select: { id: true } },
} as const satisfies Prisma.StockMovementInclude;
type MovementRow = Prisma.StockMovementGetPayload<{ include: typeof movementInclude }>;

export function toMovement(row: MovementRow, centreName: string): StockMovement {
  return {
    id: row.id,
    schoolId: row.schoolId,
    holderName: row.school?.name ?? centreName,
    itemId: row.itemId,
    itemName: row.item.name,
    unit: row.item.unit,
    type: row.type,
    quantity: Number(row.quantity),
    balanceAfter: Number(row.balanceAfter),
    occurredAt: row.occurredAt.toISOString(),
    recordedAt: row.recordedAt.toISOString(),
    recordedByName: row.recordedByName,
    source: row.source,
    documentNumber: row.documentNumber,
    transferId: row.transferId,
    transferNumber: row.transfer ? transferNumber(row.transfer.number) : null,
    reversesId: row.reversesId,
    reversedById: row.reversedBy?.id ?? null,
    note: row.note,
  };
}

export interface LedgerEntry {
  schoolId: string | null;
  item: ItemRow;
  type: MovementType;
  /** signed: + in, − out */
  quantity?: number;
  /** a stock count: the movement is the difference between this and the balance */
  counted?: number;
  occurredAt: Date;
  source?: ReceiptSource | null;
  documentNumber?: string | null;
  transferId?: string | null;
  reversesId?: string | null;
  reversedType?: MovementType | null;
  note?: string | null;
  /** the request field a refusal points at, e.g. lines.0.quantity */
  field?: string;
}

export interface Appended {
  id: string;
  itemId: string;
  before: number;
  quantity: number;
  after: number;
}

const pairKey = (schoolId: string | null, itemId: string) => `${schoolId ?? 'centre'}:${itemId}`;

/**
 * Appends movements inside the caller's transaction. Locks every holder ×
 * item pair first, in one order (no deadlocks between two multi-line
 * writes), then books each line against the last balance.
 */
export async function appendMovements(tx: Tx, recorder: { id: string; name: string }, entries: readonly LedgerEntry[]): Promise<Appended[]> {
  const keys = [...new Set(entries.map((entry) => pairKey(entry.schoolId, entry.item.id)))].sort();
  for (const key of keys) await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  const balances = new Map<string, number>();
  const appended: Appended[] = [];
  for (const entry of entries) {
    const key = pairKey(entry.schoolId, entry.item.id);
    let before = balances.get(key);
    if (before === undefined) {
      const last = await tx.stockMovement.findFirst({ where: { schoolId: entry.schoolId, itemId: entry.item.id }, orderBy: { seq: 'desc' }, select: { balanceAfter: true } });
      before = last ? Number(last.balanceAfter) : 0;
    }
    const quantity = entry.counted !== undefined ? Math.round((entry.counted - before) * 100) / 100 : entry.quantity!;
    const after = balanceAfter(before, quantity);
    if (after === null) throw new InsufficientStockError(entry.item, before, -quantity, entry.field);
    const row = await tx.stockMovement.create({
      data: {
        schoolId: entry.schoolId,
        itemId: entry.item.id,
        type: entry.type,
        quantity,
        balanceAfter: after,
        occurredAt: entry.occurredAt,
        recordedById: recorder.id,
        recordedByName: recorder.name,
        source: entry.source ?? null,
        documentNumber: entry.documentNumber ?? null,
        transferId: entry.transferId ?? null,
        reversesId: entry.reversesId ?? null,
        reversedType: entry.reversedType ?? null,
        note: entry.note ?? null,
      },
      select: { id: true },
    });
    balances.set(key, after);
    appended.push({ id: row.id, itemId: entry.item.id, before, quantity, after });
  }
  return appended;
}

async function recorderOf(db: Db, actor: Actor) {
  return { id: actor.userId, name: await actorName(db, actor) };
}

async function loadMovements(db: Db, ids: string[]): Promise<StockMovement[]> {
  const [rows, centre] = await Promise.all([db.stockMovement.findMany({ where: { id: { in: ids } }, include: movementInclude, orderBy: { seq: 'asc' } }), getCentre(db)]);
  return rows.map((row) => toMovement(row, centre.name));
}

/** Opens a write to one holder's ledger: resolves the holder in scope and checks the caller may write it. */
async function writableHolder(db: Db, actor: Actor, holder: Holder | undefined): Promise<ResolvedHolder> {
  const resolved = await resolveHolder(db, actor, holder);
  assertStockWriter(actor, resolved);
  return resolved;
}

/**
 * The common path of a receipt, a use and a count: the holder in scope, the
 * lines' items checked, one movement per line appended in one transaction
 * with one audit row.
 */
async function bookLines<Line extends { itemId: string }>(
  db: Db,
  actor: Actor,
  context: AuditContext,
  input: { holder?: Holder; lines: Line[]; occurredAt?: string; note?: string | null },
  booking: { action: string; quantityOf: (line: Line) => number; quantityField: string; entry: (line: Line, index: number) => Pick<LedgerEntry, 'type' | 'quantity' | 'counted' | 'source' | 'documentNumber' | 'field'> },
): Promise<Appended[]> {
  const holder = await writableHolder(db, actor, input.holder);
  const items = await loadLineItems(db, input.lines, booking.quantityOf, booking.quantityField);
  const occurredAt = parseInstant(input.occurredAt);
  const recorder = await recorderOf(db, actor);
  return db.$transaction(async (tx) => {
    const appended = await appendMovements(
      tx,
      recorder,
      input.lines.map((line, index) => ({ schoolId: holder.schoolId, item: items[index]!, occurredAt, note: input.note, ...booking.entry(line, index) })),
    );
    await recordAudit(tx, context, { action: booking.action, entity: 'StockMovement', entityId: appended[0]!.id });
    return appended;
  });
}

/** What arrived: at the centre (district commission, township, donation, purchase) or at a school from elsewhere. */
export async function recordReceipt(db: Db, actor: Actor, context: AuditContext, input: z.output<typeof ReceiptSchema>): Promise<StockMovement[]> {
  const appended = await bookLines(db, actor, context, input, {
    action: 'stock.receipt',
    quantityOf: (line) => line.quantity,
    quantityField: 'quantity',
    entry: (line) => ({ type: 'receipt', quantity: signedQuantity('receipt', line.quantity), source: input.source, documentNumber: input.documentNumber }),
  });
  return loadMovements(db, appended.map((row) => row.id));
}

/** What a holder used (masks handed out, disinfectant used): refused beyond the balance. */
export async function recordConsumption(db: Db, actor: Actor, context: AuditContext, input: z.output<typeof ConsumptionSchema>): Promise<StockMovement[]> {
  const appended = await bookLines(db, actor, context, input, {
    action: 'stock.consumption',
    quantityOf: (line) => line.quantity,
    quantityField: 'quantity',
    entry: (line, index) => ({ type: 'consumption', quantity: signedQuantity('consumption', line.quantity), field: `lines.${index}.quantity` }),
  });
  return loadMovements(db, appended.map((row) => row.id));
}

/** A physical count: each line's difference from the ledger becomes a count adjustment (a match is booked as 0, the count's evidence). */
export async function recordCount(db: Db, actor: Actor, context: AuditContext, input: z.output<typeof CountSchema>): Promise<StockCountResult> {
  const appended = await bookLines(db, actor, context, input, {
    action: 'stock.count',
    quantityOf: (line) => line.countedQuantity,
    quantityField: 'countedQuantity',
    entry: (line) => ({ type: 'count_adjustment', counted: line.countedQuantity }),
  });
  const movements = await loadMovements(db, appended.map((row) => row.id));
  return {
    items: appended.map((row) => ({
      itemId: row.itemId,
      before: row.before,
      counted: row.after,
      adjustment: row.quantity,
      movement: movements.find((movement) => movement.id === row.id)!,
    })),
  };
}

/**
 * Undoes a mistaken receipt, use or count by a new movement of the opposite
 * quantity, dated like the original (so a reversed day's use nets out of the
 * average). History is never edited. Transfer legs are undone by cancelling
 * the transfer; a reversal is not reversed again (enter the right figure).
 */
export async function reverseMovement(db: Db, actor: Actor, context: AuditContext, id: string, reason: string): Promise<StockMovement> {
  const original = await db.stockMovement.findFirst({ where: { id, ...scope.supplies(actor) }, include: { item: true, reversedBy: { select: { id: true } }, disinfection: { select: { id: true } } } });
  if (!original) throw new NotFoundError('StockMovement', id);
  assertStockWriter(actor, { schoolId: original.schoolId, name: '' });
  // A disinfection entry's use is reversed with the entry, so the log and the ledger never disagree.
  if (original.disinfection) throw new ConflictError('supplies.disinfection_movement');
  if (original.type === 'transfer_in' || original.type === 'transfer_out') throw new ConflictError('supplies.cannot_reverse_transfer');
  if (original.type === 'reversal') throw new ConflictError('supplies.cannot_reverse_reversal');
  if (original.reversedBy) throw new ConflictError('supplies.already_reversed');
  const recorder = await recorderOf(db, actor);
  let reversalId: string;
  try {
    reversalId = await db.$transaction(async (tx) => {
      const [appended] = await appendMovements(tx, recorder, [
        {
          schoolId: original.schoolId,
          item: original.item,
          type: 'reversal',
          quantity: -Number(original.quantity),
          occurredAt: original.occurredAt,
          source: original.source,
          documentNumber: original.documentNumber,
          reversesId: original.id,
          reversedType: original.type,
          note: reason,
        },
      ]);
      await recordAudit(tx, context, { action: 'stock.reversal', entity: 'StockMovement', entityId: appended!.id });
      return appended!.id;
    });
  } catch (error) {
    // Two reversals of the same movement raced: the unique reversesId let one through.
    if (isUniqueViolation(error)) throw new ConflictError('supplies.already_reversed');
    throw error;
  }
  return (await loadMovements(db, [reversalId]))[0]!;
}

/** The ledger, newest first: one holder's, or everything in scope when no holder is given. */
export async function listMovements(db: Db, actor: Actor, query: z.output<typeof MovementListQuery>) {
  const holderWhere: Prisma.StockMovementWhereInput = query.holder ? { schoolId: (await resolveHolder(db, actor, query.holder)).schoolId } : scope.supplies(actor);
  const rows = await db.stockMovement.findMany({
    where: {
      AND: [holderWhere, query.itemId ? { itemId: query.itemId } : {}, query.type ? { type: query.type } : {}, query.cursor ? { seq: { lt: BigInt(query.cursor) } } : {}],
    },
    include: movementInclude,
    orderBy: { seq: 'desc' },
    take: query.limit + 1,
  });
  const centre = await getCentre(db);
  const page = rows.slice(0, query.limit);
  return { items: page.map((row) => toMovement(row, centre.name)), nextCursor: rows.length > query.limit ? page[page.length - 1]!.seq.toString() : null };
}

/** 库存卡: one holder's movements of one item, oldest first, each with the balance after it. */
export async function stockCard(db: Db, actor: Actor, query: z.output<typeof StockCardQuery>): Promise<StockCard> {
  const holder = await resolveHolder(db, actor, query.holder);
  const item = await db.supplyItem.findUnique({ where: { id: query.itemId } });
  if (!item) throw new NotFoundError('SupplyItem', query.itemId);
  const rows = await db.stockMovement.findMany({
    where: { schoolId: holder.schoolId, itemId: item.id },
    include: movementInclude,
    orderBy: { seq: 'desc' },
    take: query.limit + 1,
  });
  const centre = await getCentre(db);
  const shown = rows.slice(0, query.limit).reverse();
  return {
    schoolId: holder.schoolId,
    holderName: holder.name,
    item: toSupplyItem(item),
    onHand: rows.length ? Number(rows[0]!.balanceAfter) : 0,
    movements: shown.map((row) => toMovement(row, centre.name)),
    truncated: rows.length > query.limit,
  };
}

