/**
 * 调拨: one document per delivery from the centre to a school, with two legs
 * in the ledger: out of the centre when issued, into the school when the
 * school confirms receipt. Until then the quantity is in transit. The school
 * may receive a different quantity (with a note); the difference stays on
 * the document.
 */
import { quantityProblem, requestNumber, toHundredths, transferNumber, type SupplyTransfer } from '@campus/shared';
import type { z } from 'zod';
import type { CancelTransferInput, ReceiveTransferInput, SupplyTransferInput, SupplyTransferListQuery } from '@campus/shared';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { actorName, assertCan, scope, type Actor } from '../scope.js';
import { loadLineItems, parseInstant, type ItemRow, type Tx } from './common.js';
import { appendMovements } from './ledger.js';

export const transferInclude = {
  school: { select: { name: true } },
  request: { select: { number: true } },
  lines: { include: { item: { select: { name: true, unit: true, sortOrder: true } } } },
} as const satisfies Prisma.TransferInclude;
type TransferRow = Prisma.TransferGetPayload<{ include: typeof transferInclude }>;

export function toTransfer(row: TransferRow): SupplyTransfer {
  const lines = [...row.lines]
    .sort((a, b) => a.item.sortOrder - b.item.sortOrder || a.item.name.localeCompare(b.item.name))
    .map((line) => {
      const issued = Number(line.issuedQuantity);
      const received = line.receivedQuantity === null ? null : Number(line.receivedQuantity);
      return {
        itemId: line.itemId,
        itemName: line.item.name,
        unit: line.item.unit,
        issuedQuantity: issued,
        receivedQuantity: received,
        difference: received === null ? null : (toHundredths(received) - toHundredths(issued)) / 100,
      };
    });
  return {
    id: row.id,
    number: transferNumber(row.number),
    schoolId: row.schoolId,
    schoolName: row.school.name,
    status: row.status,
    requestId: row.requestId,
    requestNumber: row.request ? requestNumber(row.request.number) : null,
    note: row.note,
    issuedAt: row.issuedAt.toISOString(),
    issuedByName: row.issuedByName,
    receivedAt: row.receivedAt?.toISOString() ?? null,
    receivedByName: row.receivedByName,
    discrepancyNote: row.discrepancyNote,
    hasDiscrepancy: lines.some((line) => line.difference !== null && line.difference !== 0),
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    cancelReason: row.cancelReason,
    lines,
  };
}

/**
 * Issues a transfer inside the caller's transaction: the document, its lines
 * and the centre's out leg (refused beyond the centre's stock, with the
 * balance in the message). Used by a direct distribution and by an approval.
 */
export async function issueTransfer(
  tx: Tx,
  recorder: { id: string; name: string },
  input: { schoolId: string; requestId?: string; note: string | null; lines: { item: ItemRow; quantity: number; field?: string }[] },
): Promise<string> {
  const transfer = await tx.transfer.create({
    data: {
      schoolId: input.schoolId,
      requestId: input.requestId ?? null,
      note: input.note,
      issuedById: recorder.id,
      issuedByName: recorder.name,
      lines: { create: input.lines.map((line) => ({ itemId: line.item.id, issuedQuantity: line.quantity })) },
    },
    select: { id: true, number: true },
  });
  await appendMovements(
    tx,
    recorder,
    input.lines.map((line) => ({
      schoolId: null,
      item: line.item,
      type: 'transfer_out' as const,
      quantity: -line.quantity,
      occurredAt: new Date(),
      transferId: transfer.id,
      documentNumber: transferNumber(transfer.number),
      field: line.field,
    })),
  );
  return transfer.id;
}

export async function getTransferRow(db: Db | Tx, actor: Actor, id: string): Promise<TransferRow> {
  const row = await db.transfer.findFirst({ where: { id, ...scope.supplies(actor) }, include: transferInclude });
  if (!row) throw new NotFoundError('Transfer', id);
  return row;
}

export async function getTransfer(db: Db, actor: Actor, id: string): Promise<SupplyTransfer> {
  return toTransfer(await getTransferRow(db, actor, id));
}

/** The centre sends supplies to a school without a request. */
export async function createTransfer(db: Db, actor: Actor, context: AuditContext, input: z.output<typeof SupplyTransferInput>): Promise<SupplyTransfer> {
  assertCan(actor, 'supplies.manage');
  const school = await db.school.findUnique({ where: { id: input.schoolId }, select: { id: true, active: true } });
  if (!school) throw new NotFoundError('School', input.schoolId);
  if (!school.active) throw new FieldError({ schoolId: 'field.school_inactive' });
  const items = await loadLineItems(db, input.lines, (line) => line.quantity, 'quantity');
  const recorder = { id: actor.userId, name: await actorName(db, actor) };
  const id = await db.$transaction(async (tx) => {
    const transferId = await issueTransfer(tx, recorder, {
      schoolId: school.id,
      note: input.note,
      lines: input.lines.map((line, index) => ({ item: items[index]!, quantity: line.quantity, field: `lines.${index}.quantity` })),
    });
    await recordAudit(tx, context, { action: 'transfer.issue', entity: 'Transfer', entityId: transferId });
    return transferId;
  });
  return getTransfer(db, actor, id);
}

/**
 * The school confirms what arrived. Lines omitted: everything as issued. A
 * received quantity that differs needs a note; the difference stays visible
 * on the transfer. The in leg books what was received.
 */
export async function receiveTransfer(db: Db, actor: Actor, context: AuditContext, id: string, input: z.output<typeof ReceiveTransferInput>): Promise<SupplyTransfer> {
  const transfer = await getTransferRow(db, actor, id);
  if (!((actor.role === 'principal' || actor.role === 'gate_duty') && actor.schoolId === transfer.schoolId)) throw new ForbiddenError();
  if (transfer.status !== 'in_transit') throw new ConflictError('supplies.transfer_not_in_transit');
  const lines = input.lines ?? transfer.lines.map((line) => ({ itemId: line.itemId, receivedQuantity: Number(line.issuedQuantity) }));
  const issuedItems = new Set(transfer.lines.map((line) => line.itemId));
  if (lines.length !== issuedItems.size || lines.some((line) => !issuedItems.has(line.itemId))) throw new FieldError({ lines: 'field.lines_mismatch' });
  const items = await db.supplyItem.findMany({ where: { id: { in: [...issuedItems] } } });
  const itemOf = (itemId: string) => items.find((item) => item.id === itemId)!;
  const problems: Record<string, string> = {};
  lines.forEach((line, index) => {
    const problem = quantityProblem(line.receivedQuantity, itemOf(line.itemId).unit);
    if (problem) problems[`lines.${index}.receivedQuantity`] = problem;
  });
  if (Object.keys(problems).length) throw new FieldError(problems);
  const differs = lines.some((line) => toHundredths(line.receivedQuantity) !== toHundredths(Number(transfer.lines.find((issued) => issued.itemId === line.itemId)!.issuedQuantity)));
  if (differs && !input.discrepancyNote) throw new FieldError({ discrepancyNote: 'field.discrepancy_note' });
  const receivedAt = parseInstant(input.receivedAt);
  const recorder = { id: actor.userId, name: await actorName(db, actor) };
  await db.$transaction(async (tx) => {
    // Conditional on still being in transit: two confirmations at once book the in leg once.
    const claimed = await tx.transfer.updateMany({
      where: { id, status: 'in_transit' },
      data: { status: 'received', receivedAt, receivedById: recorder.id, receivedByName: recorder.name, discrepancyNote: input.discrepancyNote },
    });
    if (claimed.count === 0) throw new ConflictError('supplies.transfer_not_in_transit');
    for (const line of lines) {
      await tx.transferLine.update({ where: { transferId_itemId: { transferId: id, itemId: line.itemId } }, data: { receivedQuantity: line.receivedQuantity } });
    }
    await appendMovements(
      tx,
      recorder,
      lines
        .filter((line) => line.receivedQuantity > 0)
        .map((line) => ({
          schoolId: transfer.schoolId,
          item: itemOf(line.itemId),
          type: 'transfer_in' as const,
          quantity: line.receivedQuantity,
          occurredAt: receivedAt,
          transferId: id,
          documentNumber: transferNumber(transfer.number),
          note: differs ? input.discrepancyNote : null,
        })),
    );
    await recordAudit(tx, context, { action: 'transfer.receive', entity: 'Transfer', entityId: id });
  });
  return getTransfer(db, actor, id);
}

/** A transfer sent by mistake, not yet received: the centre cancels it and its out leg is reversed. */
export async function cancelTransfer(db: Db, actor: Actor, context: AuditContext, id: string, input: z.output<typeof CancelTransferInput>): Promise<SupplyTransfer> {
  assertCan(actor, 'supplies.manage');
  const transfer = await getTransferRow(db, actor, id);
  if (transfer.status !== 'in_transit') throw new ConflictError('supplies.transfer_not_in_transit');
  const recorder = { id: actor.userId, name: await actorName(db, actor) };
  await db.$transaction(async (tx) => {
    const claimed = await tx.transfer.updateMany({
      where: { id, status: 'in_transit' },
      data: { status: 'cancelled', cancelledAt: new Date(), cancelledByName: recorder.name, cancelReason: input.reason },
    });
    if (claimed.count === 0) throw new ConflictError('supplies.transfer_not_in_transit');
    const outLegs = await tx.stockMovement.findMany({ where: { transferId: id, type: 'transfer_out' }, include: { item: true } });
    await appendMovements(
      tx,
      recorder,
      outLegs.map((leg) => ({
        schoolId: null,
        item: leg.item,
        type: 'reversal' as const,
        quantity: -Number(leg.quantity),
        occurredAt: leg.occurredAt,
        transferId: id,
        documentNumber: leg.documentNumber,
        reversesId: leg.id,
        reversedType: leg.type,
        note: input.reason,
      })),
    );
    await recordAudit(tx, context, { action: 'transfer.cancel', entity: 'Transfer', entityId: id });
  });
  return getTransfer(db, actor, id);
}

export async function listTransfers(db: Db, actor: Actor, query: z.output<typeof SupplyTransferListQuery>) {
  const rows = await db.transfer.findMany({
    where: {
      AND: [scope.supplies(actor), query.schoolId ? { schoolId: query.schoolId } : {}, query.status ? { status: query.status } : {}, query.cursor ? { number: { lt: Number(query.cursor) } } : {}],
    },
    include: transferInclude,
    orderBy: { number: 'desc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { items: page.map(toTransfer), nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.number) : null };
}
