import { instantOfDay, addDays, type AuditListQuery, type AuditPage } from '@campus/shared';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../db/client.js';
import { scope, type Actor } from './scope.js';
import { getCentre } from './settings.js';
import { resolveAuditRecords } from './audit-records.js';

/** Newest first, keyset-paged on the id so deep pages stay fast and stable. */
export async function listAudit(db: Db, actor: Actor, query: AuditListQuery): Promise<AuditPage> {
  const centre = await getCentre(db);
  const cursor = query.cursor && /^\d+$/.test(query.cursor) ? BigInt(query.cursor) : undefined;
  const where: Prisma.AuditLogWhereInput = {
    AND: [
      scope.auditLog(actor),
      cursor ? { id: { lt: cursor } } : {},
      // A group ("person.") matches every action in it; an action matches itself only ("auth.login" is not "auth.login_failed").
      query.action ? { action: query.action.endsWith('.') ? { startsWith: query.action } : query.action } : {},
      query.username ? { username: query.username } : {},
      query.schoolId ? { schoolId: query.schoolId } : {},
      query.from ? { at: { gte: instantOfDay(query.from, centre.timeZone) } } : {},
      query.to ? { at: { lt: instantOfDay(addDays(query.to, 1), centre.timeZone) } } : {},
    ],
  };
  const rows = await db.auditLog.findMany({ where, orderBy: { id: 'desc' }, take: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const schoolIds = [...new Set(page.map((row) => row.schoolId).filter((id): id is string => id !== null))];
  const records = await resolveAuditRecords(db, page, schoolIds);
  return {
    items: page.map((row) => ({
      id: row.id.toString(),
      at: row.at.toISOString(),
      userId: row.userId,
      username: row.username,
      role: row.role,
      schoolId: row.schoolId,
      schoolName: row.schoolId ? records.schoolName(row.schoolId) : null,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId,
      record: records.recordOf(row),
      ip: row.ip,
    })),
    nextCursor: rows.length > query.limit ? page[page.length - 1]!.id.toString() : null,
  };
}
