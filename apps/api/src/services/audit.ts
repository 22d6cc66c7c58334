import { Prisma } from '../generated/prisma/client.js';
import { sqlRows } from '../db/sql.js';
import type { Db } from '../db/client.js';
import type { Actor } from './scope.js';

type DbOrTx = Db | Prisma.TransactionClient;

export interface AuditEvent {
  action: string;
  entity?: string;
  entityId?: string;
  /** Counts only, never values (e.g. what a retention purge removed). */
  details?: Record<string, number | Record<string, number>>;
}

export interface AuditContext {
  actor: Actor | null;
  ip: string | null;
  /** For events without an actor (failed login): the name that was tried. */
  username?: string;
}

/**
 * The statement that appends one audit row, as `INSERT … SELECT <values>`
 * without a FROM: `recordAudit` runs it alone, and a hot write may append
 * `FROM <its CTE>` to audit in the same statement, only when its row was written.
 */
export function auditStatement(context: AuditContext, event: AuditEvent): Prisma.Sql {
  const role = context.actor?.role ?? null;
  return Prisma.sql`INSERT INTO "AuditLog" (at, "userId", username, role, "schoolId", action, entity, "entityId", ip, details)
      SELECT ${new Date()}::timestamp, ${context.actor?.userId ?? null}::uuid, ${context.actor?.username ?? context.username?.slice(0, 64) ?? null},
             ${role}::"Role", ${context.actor?.schoolId ?? null}::uuid, ${event.action}, ${event.entity ?? null}, ${event.entityId ?? null}, ${context.ip},
             ${event.details ? JSON.stringify(event.details) : null}::jsonb`;
}

/**
 * Appends one audit row: who, role, school, what, which record, when, from
 * where. Never values. Call it inside the write's transaction so a write and
 * its audit row land together. A plain statement (db/sql.ts): every write and
 * every sign-in pays for it.
 */
export async function recordAudit(db: DbOrTx, context: AuditContext, event: AuditEvent): Promise<void> {
  await sqlRows(db, auditStatement(context, event));
}
