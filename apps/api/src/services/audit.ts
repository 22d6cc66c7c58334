import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../db/client.js';
import type { Actor } from './scope.js';

type DbOrTx = Db | Prisma.TransactionClient;

export interface AuditEvent {
  action: string;
  entity?: string;
  entityId?: string;
}

export interface AuditContext {
  actor: Actor | null;
  ip: string | null;
  /** For events without an actor (failed login): the name that was tried. */
  username?: string;
}

/**
 * Appends one audit row: who, role, school, what, which record, when, from
 * where. Never values. Call it inside the write's transaction so a write and
 * its audit row land together.
 */
export async function recordAudit(db: DbOrTx, context: AuditContext, event: AuditEvent): Promise<void> {
  await db.auditLog.create({
    data: {
      userId: context.actor?.userId ?? null,
      username: context.actor?.username ?? context.username?.slice(0, 64) ?? null,
      role: context.actor?.role ?? null,
      schoolId: context.actor?.schoolId ?? null,
      action: event.action,
      entity: event.entity ?? null,
      entityId: event.entityId ?? null,
      ip: context.ip,
    },
  });
}
