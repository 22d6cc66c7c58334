// Retention (PIPL Art. 47): once the emergency has ended and retentionDays have passed after it,
// identifiable health details dated on or before the end day are reduced to what the counts need
// (docs/decisions/0014-retention.md). Always previewed first; the purge is confirmed with the
// number the preview named, and audited with counts, never values.
import { addDays, instantOfDay, purgeFromDay, RetentionKinds, type RetentionCounts, type RetentionPreview, type RetentionPurgeResult } from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../db/client.js';
import { sqlRows } from '../db/sql.js';
import { ConflictError, UnauthenticatedError } from '../lib/errors.js';
import { recordAudit, type AuditContext } from './audit.js';
import { todayOf } from '../db/days.js';
import { dayParam } from '../db/day-sql.js';
import { alertFrom } from './quarantine/common.js';
import { assertCan, type Actor } from './scope.js';
import { purgeUnattachedPictures } from './uploads.js';
import { purgeGateRegister } from './gate/book.js';

type Tx = Db | Prisma.TransactionClient;

/** Placeholder name of a person whose personal fields were removed (the column is required). */
export const ERASED_NAME = '—';

interface Cutoff {
  today: string;
  endedOn: string | null;
  retentionDays: number;
  purgeFrom: string | null;
  due: boolean;
  timeZone: string;
}

async function cutoffOf(db: Tx): Promise<Cutoff> {
  // Read fresh, not through getCentre's cache: the end day may have been set a moment ago.
  const centre = await db.centre.findUniqueOrThrow({ where: { id: 1 } });
  const today = todayOf(centre);
  const endedOn = centre.emergencyEndedOn ? centre.emergencyEndedOn.toISOString().slice(0, 10) : null;
  const purgeFrom = endedOn ? purgeFromDay(endedOn, centre.retentionDays) : null;
  return { today, endedOn, retentionDays: centre.retentionDays, purgeFrom, due: purgeFrom !== null && today >= purgeFrom, timeZone: centre.timeZone };
}

/**
 * What the purge touches, as SQL conditions: rows dated on or before the end day that still carry
 * details. Quarantine entries only of cases closed by then (an open case is still being handled),
 * and never inside the alert window, whose alerts are counted from the readings.
 */
function conditions(cutoff: Cutoff & { endedOn: string }) {
  const end = dayParam(cutoff.endedOn);
  const leftBefore = instantOfDay(addDays(cutoff.endedOn, 1), cutoff.timeZone);
  const caseOver = Prisma.sql`q."closedDay" IS NOT NULL AND q."closedDay" <= ${end}`;
  return {
    followUp: Prisma.sql`f.day <= ${end} AND (f."answeredBy" IS NOT NULL OR f."unreachableCode" IS NOT NULL OR f."unreachableReason" IS NOT NULL OR f.temperature IS NOT NULL
      OR cardinality(f.symptoms) > 0 OR f."symptomNote" IS NOT NULL OR f.place IS NOT NULL OR f."keyRegionContact" IS NOT NULL
      OR f."studyNote" IS NOT NULL OR f.note IS NOT NULL OR f."handlingNote" IS NOT NULL)`,
    correction: Prisma.sql`f.day <= ${end}`,
    checkIn: Prisma.sql`${caseOver} AND ci.day < ${dayParam(alertFrom(cutoff.today))} AND (ci.temperature IS NOT NULL OR cardinality(ci.symptoms) > 0
      OR ci."helpNeeded" IS NOT NULL OR ci."materialsNeeded" IS NOT NULL OR ci."counsellingNote" IS NOT NULL OR ci.note IS NOT NULL)`,
    caseFile: Prisma.sql`${caseOver} AND (q."reasonNote" IS NOT NULL OR q."placeNote" IS NOT NULL OR q.plan <> '' OR q."guardianContact" IS NOT NULL
      OR q."closeNote" IS NOT NULL OR EXISTS (SELECT 1 FROM "CaseEvent" e WHERE e."caseId" = q.id AND e.note IS NOT NULL))`,
    leftPerson: Prisma.sql`p.status = 'left' AND p."leftAt" < ${leftBefore}::timestamp AND p."erasedAt" IS NULL`,
  };
}

/** One kind's count at one school (count::int: a number; checked in tests: db/sql.ts). */
const CountRow = z.object({ kind: z.enum(RetentionKinds), schoolId: z.string(), schoolName: z.string(), count: z.number().int() });

const zero = (): RetentionCounts => ({ followUps: 0, corrections: 0, checkIns: 0, caseFiles: 0, leftPeople: 0 });

async function countsOf(db: Tx, cutoff: Cutoff): Promise<Pick<RetentionPreview, 'totals' | 'total' | 'schools'>> {
  const totals = zero();
  if (!cutoff.endedOn) return { totals, total: 0, schools: [] };
  const where = conditions({ ...cutoff, endedOn: cutoff.endedOn });
  const rows = await sqlRows(db, Prisma.sql`
    SELECT x.kind, s.id AS "schoolId", s.name AS "schoolName", x.count::int AS count FROM (
      SELECT 'followUps' AS kind, f."schoolId", count(*) FROM "FollowUp" f WHERE ${where.followUp} GROUP BY f."schoolId"
      UNION ALL
      SELECT 'corrections', f."schoolId", count(*) FROM "FollowUpCorrection" fc JOIN "FollowUp" f ON f.id = fc."followUpId" WHERE ${where.correction} GROUP BY f."schoolId"
      UNION ALL
      SELECT 'checkIns', q."schoolId", count(*) FROM "CaseCheckIn" ci JOIN "QuarantineCase" q ON q.id = ci."caseId" WHERE ${where.checkIn} GROUP BY q."schoolId"
      UNION ALL
      SELECT 'caseFiles', q."schoolId", count(*) FROM "QuarantineCase" q WHERE ${where.caseFile} GROUP BY q."schoolId"
      UNION ALL
      SELECT 'leftPeople', p."schoolId", count(*) FROM "Person" p WHERE ${where.leftPerson} GROUP BY p."schoolId"
    ) x JOIN "School" s ON s.id = x."schoolId"
    ORDER BY s.code, s.id`, { row: CountRow });
  const schools = new Map<string, RetentionPreview['schools'][number]>();
  for (const row of rows) {
    const school = schools.get(row.schoolId) ?? { schoolId: row.schoolId, schoolName: row.schoolName, ...zero() };
    school[row.kind] += row.count;
    totals[row.kind] += row.count;
    schools.set(row.schoolId, school);
  }
  const total = RetentionKinds.reduce((sum, kind) => sum + totals[kind], 0);
  return { totals, total, schools: [...schools.values()] };
}

export async function retentionPreview(db: Db, actor: Actor): Promise<RetentionPreview> {
  assertCan(actor, 'retention.manage');
  const cutoff = await cutoffOf(db);
  return {
    today: cutoff.today,
    emergencyEndedOn: cutoff.endedOn,
    retentionDays: cutoff.retentionDays,
    purgeFrom: cutoff.purgeFrom,
    due: cutoff.due,
    ...(await countsOf(db, cutoff)),
  };
}

/**
 * Reduces what the preview listed, in one transaction, after checking that the preview's total is
 * still what the user confirmed. Follow-ups keep their day, method, reached and exception flags,
 * whereabouts and study status (the reports and grids count them); check-ins keep their flags and
 * mood; case files keep their reason, place and days; people who left keep kind, school, class
 * and census fields.
 */
export async function purgeRetention(db: Db, context: AuditContext, input: { confirmTotal: number }): Promise<RetentionPurgeResult> {
  if (!context.actor) throw new UnauthenticatedError();
  assertCan(context.actor, 'retention.manage');
  return db.$transaction(
    async (tx) => {
      // One purge at a time: a second waits, then finds nothing left (and its total no longer matches).
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(72616402)`;
      const cutoff = await cutoffOf(tx);
      if (!cutoff.endedOn) throw new ConflictError('retention.no_end_date');
      if (!cutoff.due) throw new ConflictError('retention.not_due', { day: cutoff.purgeFrom! });
      const counts = await countsOf(tx, cutoff);
      if (counts.total !== input.confirmTotal) throw new ConflictError('retention.changed', { total: counts.total });
      const where = conditions({ ...cutoff, endedOn: cutoff.endedOn });
      // The case history's append-only trigger lets this transaction's updates through (migration 20261202181600_retention).
      await tx.$executeRaw`SELECT set_config('campus.retention_purge', 'on', true)`;
      await tx.$executeRaw`DELETE FROM "FollowUpCorrection" fc USING "FollowUp" f WHERE f.id = fc."followUpId" AND ${where.correction}`;
      await tx.$executeRaw`UPDATE "FollowUp" f SET "answeredBy" = NULL, "unreachableCode" = NULL, "unreachableReason" = NULL, temperature = NULL, symptoms = '{}',
        "symptomNote" = NULL, place = NULL, "keyRegionContact" = NULL, "studyNote" = NULL, note = NULL, "handlingNote" = NULL
        WHERE ${where.followUp}`;
      await tx.$executeRaw`UPDATE "CaseCheckIn" ci SET temperature = NULL, symptoms = '{}', "helpNeeded" = NULL, "materialsNeeded" = NULL,
        "counsellingNote" = NULL, note = NULL
        FROM "QuarantineCase" q WHERE q.id = ci."caseId" AND ${where.checkIn}`;
      await tx.$executeRaw`UPDATE "CaseEvent" e SET note = NULL FROM "QuarantineCase" q
        WHERE q.id = e."caseId" AND e.note IS NOT NULL AND ${where.caseFile}`;
      await tx.$executeRaw`UPDATE "QuarantineCase" q SET "reasonNote" = NULL, "placeNote" = NULL, plan = '', "guardianContact" = NULL, "closeNote" = NULL
        WHERE ${where.caseFile}`;
      await tx.$executeRaw`DELETE FROM "Guardian" g USING "Person" p WHERE p.id = g."personId" AND ${where.leftPerson}`;
      await tx.$executeRaw`UPDATE "PersonEvent" pe SET note = NULL FROM "Person" p WHERE p.id = pe."personId" AND pe.note IS NOT NULL AND ${where.leftPerson}`;
      // The sort keys carry the name: they are rebuilt from the class part and the placeholder.
      await tx.$executeRaw`UPDATE "Person" p SET name = ${ERASED_NAME}, "idNumber" = NULL, "studentNumber" = NULL, phone = NULL, "homeVillage" = NULL,
        address = NULL, notes = NULL, "searchText" = '', "sortName" = ${`~|${ERASED_NAME}`},
        "sortClass" = array_to_string((string_to_array(p."sortClass", '|'))[1:2], '|') || ${`|~|${ERASED_NAME}`},
        "sortNumber" = '~', "erasedAt" = now(), "updatedAt" = now()
        WHERE ${where.leftPerson}`;
      await recordAudit(tx, context, {
        action: 'retention.purge',
        entity: 'Centre',
        entityId: '1',
        details: { ...counts.totals, endedOn: Number(cutoff.endedOn.replace(/-/g, '')), retentionDays: cutoff.retentionDays },
      });
      return { removed: counts.totals, total: counts.total };
    },
    { timeout: 300_000, maxWait: 10_000 },
  );
}

/** Sessions past their absolute end, idle past the centre's limit, or signed out: they can never be used again. */
export async function deleteExpiredSessions(db: Db): Promise<number> {
  return db.$executeRaw`DELETE FROM "Session" s USING "Centre" c
    WHERE c.id = 1 AND (s."expiresAt" <= now() OR s."revokedAt" IS NOT NULL OR s."lastSeenAt" <= now() - c."sessionIdleMinutes" * interval '1 minute')`;
}

/** Audit rows older than the centre's auditRetentionDays. */
export async function deleteExpiredAuditRows(db: Db): Promise<number> {
  return db.$executeRaw`DELETE FROM "AuditLog" a USING "Centre" c WHERE c.id = 1 AND a.at < now() - c."auditRetentionDays" * interval '1 day'`;
}

export interface Housekeeping {
  stop(): void;
}

/**
 * Deletes expired sessions, audit rows past retention, pictures no record
 * took (ADR 0021) and the gate register past retention (ADR 0022) at start and then every `everyMs` (an hour) in the API process.
 */
export function startHousekeeping(db: Db, log: { info(message: string): void; error(error: unknown): void }, options: { uploadsDir: string; everyMs?: number }): Housekeeping {
  const run = async () => {
    try {
      const sessions = await deleteExpiredSessions(db);
      const auditRows = await deleteExpiredAuditRows(db);
      const pictures = await purgeUnattachedPictures(db, options.uploadsDir);
      const gateEntries = await purgeGateRegister(db);
      if (sessions || auditRows || pictures || gateEntries) {
        log.info(`Housekeeping: deleted ${sessions} expired sessions, ${auditRows} audit rows past retention, ${pictures} pictures no record took, ${gateEntries} gate entries past retention`);
      }
    } catch (error) {
      log.error(error);
    }
  };
  void run();
  const timer = setInterval(() => void run(), options.everyMs ?? 3_600_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
