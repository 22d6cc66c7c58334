/**
 * 物资申请: a school asks the centre for supplies; the centre approves in full
 * or in part (an approval becomes a transfer) or declines with a reason; the
 * school may withdraw it while it is pending. Both sides see the status.
 */
import { approvalStatus, requestNumber, toHundredths, transferNumber, type SupplyRequest } from '@campus/shared';
import type { z } from 'zod';
import type { ApproveRequestInput, DeclineRequestInput, SupplyRequestInput, SupplyRequestListQuery } from '@campus/shared';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { ConflictError, FieldError, NotFoundError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { actorName, assertCan, scope, type Actor } from '../scope.js';
import { loadLineItems, resolveHolder } from './common.js';
import { issueTransfer } from './transfers.js';

const requestInclude = {
  school: { select: { name: true } },
  transfer: { select: { id: true, number: true, status: true } },
  lines: { include: { item: { select: { name: true, unit: true, sortOrder: true } } } },
} as const satisfies Prisma.SupplyRequestInclude;
type RequestRow = Prisma.SupplyRequestGetPayload<{ include: typeof requestInclude }>;

function toRequest(row: RequestRow): SupplyRequest {
  return {
    id: row.id,
    number: requestNumber(row.number),
    schoolId: row.schoolId,
    schoolName: row.school.name,
    status: row.status,
    reason: row.reason,
    requestedAt: row.requestedAt.toISOString(),
    requestedByName: row.requestedByName,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedByName: row.decidedByName,
    decisionNote: row.decisionNote,
    transferId: row.transfer?.id ?? null,
    transferNumber: row.transfer ? transferNumber(row.transfer.number) : null,
    transferStatus: row.transfer?.status ?? null,
    lines: [...row.lines]
      .sort((a, b) => a.item.sortOrder - b.item.sortOrder || a.item.name.localeCompare(b.item.name))
      .map((line) => ({
        itemId: line.itemId,
        itemName: line.item.name,
        unit: line.item.unit,
        requestedQuantity: Number(line.requestedQuantity),
        approvedQuantity: line.approvedQuantity === null ? null : Number(line.approvedQuantity),
      })),
  };
}

async function getRequestRow(db: Db, actor: Actor, id: string): Promise<RequestRow> {
  const row = await db.supplyRequest.findFirst({ where: { id, ...scope.supplies(actor) }, include: requestInclude });
  if (!row) throw new NotFoundError('SupplyRequest', id);
  return row;
}

export async function getRequest(db: Db, actor: Actor, id: string): Promise<SupplyRequest> {
  return toRequest(await getRequestRow(db, actor, id));
}

/** A school's principal or gate staff ask for supplies (items, quantities, reason). */
export async function createRequest(db: Db, actor: Actor, context: AuditContext, input: z.output<typeof SupplyRequestInput>): Promise<SupplyRequest> {
  assertCan(actor, 'supplies.request');
  const holder = await resolveHolder(db, actor, input.holder);
  await loadLineItems(db, input.lines, (line) => line.quantity, 'quantity');
  const byName = await actorName(db, actor);
  const id = await db.$transaction(async (tx) => {
    const created = await tx.supplyRequest.create({
      data: {
        schoolId: holder.schoolId!,
        reason: input.reason,
        requestedById: actor.userId,
        requestedByName: byName,
        lines: { create: input.lines.map((line) => ({ itemId: line.itemId, requestedQuantity: line.quantity })) },
      },
      select: { id: true },
    });
    await recordAudit(tx, context, { action: 'supply_request.create', entity: 'SupplyRequest', entityId: created.id });
    return created.id;
  });
  return getRequest(db, actor, id);
}

/**
 * Approves a pending request: every line gets an approved quantity (up to
 * what was asked; 0 = none of it). Less than asked is a partial approval and
 * needs a note. The approved lines go out at once as one transfer, from the
 * centre's stock (refused beyond it, with the balance in the message).
 */
export async function approveRequest(db: Db, actor: Actor, context: AuditContext, id: string, input: z.output<typeof ApproveRequestInput>): Promise<SupplyRequest> {
  assertCan(actor, 'supplies.manage');
  const request = await getRequestRow(db, actor, id);
  if (request.status !== 'pending') throw new ConflictError('supplies.request_decided');
  const asked = new Map(request.lines.map((line) => [line.itemId, Number(line.requestedQuantity)]));
  if (input.lines.length !== asked.size || input.lines.some((line) => !asked.has(line.itemId))) throw new FieldError({ lines: 'field.lines_mismatch' });
  const items = await loadLineItems(db, input.lines, (line) => line.approvedQuantity, 'approvedQuantity');
  const exceeding = Object.fromEntries(
    input.lines.flatMap((line, index) => (toHundredths(line.approvedQuantity) > toHundredths(asked.get(line.itemId)!) ? [[`lines.${index}.approvedQuantity`, 'field.approved_exceeds']] : [])),
  );
  if (Object.keys(exceeding).length) throw new FieldError(exceeding);
  const status = approvalStatus(input.lines.map((line) => ({ requestedQuantity: asked.get(line.itemId)!, approvedQuantity: line.approvedQuantity })));
  if (status === 'declined') throw new FieldError({ lines: 'field.approve_nothing' });
  if (status === 'partly_approved' && !input.note) throw new FieldError({ note: 'field.partial_reason' });
  const recorder = { id: actor.userId, name: await actorName(db, actor) };
  await db.$transaction(async (tx) => {
    const claimed = await tx.supplyRequest.updateMany({
      where: { id, status: 'pending' },
      data: { status, decidedAt: new Date(), decidedById: recorder.id, decidedByName: recorder.name, decisionNote: input.note },
    });
    if (claimed.count === 0) throw new ConflictError('supplies.request_decided');
    for (const line of input.lines) {
      await tx.supplyRequestLine.update({ where: { requestId_itemId: { requestId: id, itemId: line.itemId } }, data: { approvedQuantity: line.approvedQuantity } });
    }
    const transferId = await issueTransfer(tx, recorder, {
      schoolId: request.schoolId,
      requestId: id,
      note: input.note ?? `${requestNumber(request.number)}`,
      lines: input.lines.flatMap((line, index) => (line.approvedQuantity > 0 ? [{ item: items[index]!, quantity: line.approvedQuantity, field: `lines.${index}.approvedQuantity` }] : [])),
    });
    await recordAudit(tx, context, { action: 'supply_request.approve', entity: 'SupplyRequest', entityId: id });
    await recordAudit(tx, context, { action: 'transfer.issue', entity: 'Transfer', entityId: transferId });
  });
  return getRequest(db, actor, id);
}

/**
 * Ends a pending request without a transfer — declined by the centre, or
 * withdrawn by the school — once: if it is no longer pending (decided
 * meanwhile, or ended twice) the change is refused with `conflict`.
 */
async function endPending(
  db: Db,
  actor: Actor,
  context: AuditContext,
  id: string,
  end: { status: 'declined' | 'withdrawn'; note: string | null; conflict: string; action: string },
): Promise<SupplyRequest> {
  const request = await getRequestRow(db, actor, id);
  if (request.status !== 'pending') throw new ConflictError(end.conflict);
  const byName = await actorName(db, actor);
  await db.$transaction(async (tx) => {
    const claimed = await tx.supplyRequest.updateMany({
      where: { id, status: 'pending' },
      data: { status: end.status, decidedAt: new Date(), decidedById: actor.userId, decidedByName: byName, decisionNote: end.note },
    });
    if (claimed.count === 0) throw new ConflictError(end.conflict);
    if (end.status === 'declined') await tx.supplyRequestLine.updateMany({ where: { requestId: id }, data: { approvedQuantity: 0 } });
    await recordAudit(tx, context, { action: end.action, entity: 'SupplyRequest', entityId: id });
  });
  return getRequest(db, actor, id);
}

/** Declines a pending request; the reason is shown to the school. */
export async function declineRequest(db: Db, actor: Actor, context: AuditContext, id: string, input: z.output<typeof DeclineRequestInput>): Promise<SupplyRequest> {
  assertCan(actor, 'supplies.manage');
  return endPending(db, actor, context, id, { status: 'declined', note: input.reason, conflict: 'supplies.request_decided', action: 'supply_request.decline' });
}

/** The school takes back its own pending request (asked too much, or by mistake); the centre sees it withdrawn. */
export async function withdrawRequest(db: Db, actor: Actor, context: AuditContext, id: string): Promise<SupplyRequest> {
  assertCan(actor, 'supplies.request');
  return endPending(db, actor, context, id, { status: 'withdrawn', note: null, conflict: 'supplies.request_not_pending', action: 'supply_request.withdraw' });
}

export async function listRequests(db: Db, actor: Actor, query: z.output<typeof SupplyRequestListQuery>) {
  const rows = await db.supplyRequest.findMany({
    where: {
      AND: [scope.supplies(actor), query.schoolId ? { schoolId: query.schoolId } : {}, query.status ? { status: query.status } : {}, query.cursor ? { number: { lt: Number(query.cursor) } } : {}],
    },
    include: requestInclude,
    orderBy: { number: 'desc' },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return { items: page.map(toRequest), nextCursor: rows.length > query.limit ? String(page[page.length - 1]!.number) : null };
}
