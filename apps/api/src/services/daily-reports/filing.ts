import { DayCounts, reportCountsFrom, reportKindOf, schoolReportCounts, type ReportCounts, type DailyReport, type ReportKind } from '@campus/shared';
import { Prisma, type DailyReport as ReportRow } from '../../generated/prisma/client.js';
import { sqlRows } from '../../db/sql.js';
import type { Db } from '../../db/client.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { actorName, assertCan, scope, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';
import { assertDayNotFuture } from '../follow-ups/follow-ups.js';
import { dateColumn, dayOfColumn, deadlineOf, todayOf } from '../../db/days.js';
import { dayCountsColumns, dayParam, peopleOfDay } from '../../db/day-sql.js';
import { isUniqueViolation } from '../supplies/common.js';

type Tx = Prisma.TransactionClient;

export function toDailyReport(row: ReportRow): DailyReport {
  return {
    id: row.id,
    level: row.level,
    day: dayOfColumn(row.day),
    schoolId: row.schoolId,
    classId: row.classId,
    total: row.total,
    reached: row.reached,
    unreached: row.unreached,
    notContacted: row.notContacted,
    exceptions: row.exceptions,
    inQuarantine: row.inQuarantine,
    outsideCity: row.outsideCity,
    notStudying: row.notStudying,
    studyUnknown: row.studyUnknown,
    studyingOnline: row.studyingOnline,
    studyingPaper: row.studyingPaper,
    studyingTv: row.studyingTv,
    studyPartly: row.studyPartly,
    kind: row.kind,
    onBehalfClasses: row.onBehalfClasses,
    note: row.note,
    onBehalfReason: row.onBehalfReason,
    filedByName: row.filedByName,
    filedAt: row.filedAt.toISOString(),
    late: row.late,
  };
}

/** The day's counts (`dayCountsColumns`) of the active people matching `where` (SQL over `Person p`). */
export async function countsFor(db: Db | Tx, where: Prisma.Sql, day: string): Promise<DayCounts> {
  const [counts] = await sqlRows<DayCounts>(db, Prisma.sql`SELECT ${dayCountsColumns} FROM ${peopleOfDay(dayParam(day))} WHERE ${where} AND p.status = 'active'`, { row: DayCounts });
  return counts!;
}

/** A report's figures and kind as stored: one mapping for the class, on-behalf and school reports. */
export function reportFigures(counts: ReportCounts, onBehalf: boolean) {
  return { ...counts, kind: reportKindOf({ onBehalf, unreached: counts.unreached, exceptions: counts.exceptions }) };
}

/** A school report's figures: its classes' reports plus its staff's counts; on behalf when any class was. */
export function schoolReportFigures(classReports: readonly (ReportCounts & { kind: ReportKind })[], staff: DayCounts) {
  const totals = schoolReportCounts(classReports, staff);
  const onBehalfClasses = classReports.filter((report) => report.kind === 'on_behalf').length;
  return { ...reportFigures(totals, onBehalfClasses > 0), onBehalfClasses };
}

/** A second filing of the same report that raced the first one hits the unique key: it is the "already filed" answer, not a 500. */
async function refusingDuplicates<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('report.already_filed');
    throw error;
  }
}

/** The students of a class, as SQL over `Person p`. */
function classStudents(classId: string): Prisma.Sql {
  return Prisma.sql`p."classId" = ${classId}::uuid AND p.kind = 'student'`;
}

async function assertNotFiled(db: Db | Tx, scopeKey: string, day: string) {
  if (await db.dailyReport.count({ where: { scopeKey, day: dateColumn(day) } })) throw new ConflictError('report.already_filed');
}

/**
 * Files a class's daily report (a zero report when there is no exception).
 * Refused while anyone in the class has no record for the day: each must be
 * reached or marked unreachable with a reason.
 */
export async function fileClassReport(db: Db, actor: Actor, context: AuditContext, input: { classId: string; day: string; note: string | null }): Promise<DailyReport> {
  const schoolClass = await db.schoolClass.findFirst({ where: { AND: [{ id: input.classId }, scope.classes(actor)] } });
  if (!schoolClass) throw new NotFoundError('SchoolClass', input.classId);
  assertCan(actor, 'dailyReport.fileClass');
  const centre = await getCentre(db);
  assertDayNotFuture(input.day, todayOf(centre));
  await assertNotFiled(db, schoolClass.id, input.day);
  const counts = await countsFor(db, classStudents(schoolClass.id), input.day);
  if (counts.pending > 0) throw new AppError(409, 'conflict', 'report.pending_people', { count: counts.pending });
  const filedByName = await actorName(db, actor);
  const row = await refusingDuplicates(() => db.$transaction(async (tx) => {
    const created = await tx.dailyReport.create({
      data: {
        level: 'class',
        day: dateColumn(input.day),
        schoolId: schoolClass.schoolId,
        classId: schoolClass.id,
        scopeKey: schoolClass.id,
        ...reportFigures(reportCountsFrom(counts), false),
        note: input.note,
        filedById: actor.userId,
        filedByName,
        late: new Date() > deadlineOf(centre, input.day),
      },
    });
    await recordAudit(tx, context, { action: 'daily_report.file_class', entity: 'DailyReport', entityId: created.id });
    return created;
  }));
  return toDailyReport(row);
}

/**
 * Files the school's daily report: every class's report plus the staff.
 * Classes whose teacher has not filed are filed by the principal on their
 * behalf, each with a reason; staff must all be accounted for.
 */
export async function fileSchoolReport(
  db: Db,
  actor: Actor,
  context: AuditContext,
  input: { schoolId: string; day: string; note: string | null; onBehalf: { classId: string; reason: string }[] },
): Promise<DailyReport> {
  const school = await db.school.findFirst({ where: { AND: [{ id: input.schoolId }, scope.schools(actor)] } });
  if (!school) throw new NotFoundError('School', input.schoolId);
  if (actor.role !== 'principal') throw new ForbiddenError();
  const centre = await getCentre(db);
  assertDayNotFuture(input.day, todayOf(centre));
  const scopeKey = `school:${school.id}`;
  await assertNotFiled(db, scopeKey, input.day);
  const classes = await db.schoolClass.findMany({ where: { schoolId: school.id, active: true }, select: { id: true } });
  const filed = await db.dailyReport.findMany({ where: { level: 'class', schoolId: school.id, day: dateColumn(input.day) } });
  const filedIds = new Set(filed.map((report) => report.classId));
  const reasons = new Map(input.onBehalf.map((entry) => [entry.classId, entry.reason]));
  const missing = classes.filter((schoolClass) => !filedIds.has(schoolClass.id) && !reasons.has(schoolClass.id));
  if (missing.length) throw new AppError(409, 'conflict', 'report.classes_not_filed', { count: missing.length });
  const staff = await countsFor(db, Prisma.sql`p."schoolId" = ${school.id}::uuid AND p.kind = 'staff'`, input.day);
  if (staff.pending > 0) throw new AppError(409, 'conflict', 'report.pending_people', { count: staff.pending });
  const filedByName = await actorName(db, actor);
  const late = new Date() > deadlineOf(centre, input.day);
  const row = await refusingDuplicates(() => db.$transaction(async (tx) => {
    const classReports = [...filed];
    for (const schoolClass of classes.filter((item) => !filedIds.has(item.id))) {
      // A class filed on its behalf: those nobody contacted count as not reached, and as not contacted.
      const counts = reportCountsFrom(await countsFor(tx, classStudents(schoolClass.id), input.day));
      classReports.push(
        await tx.dailyReport.create({
          data: {
            level: 'class',
            day: dateColumn(input.day),
            schoolId: school.id,
            classId: schoolClass.id,
            scopeKey: schoolClass.id,
            ...reportFigures(counts, true),
            onBehalfReason: reasons.get(schoolClass.id) ?? '',
            filedById: actor.userId,
            filedByName,
            late,
          },
        }),
      );
    }
    const created = await tx.dailyReport.create({
      data: {
        level: 'school',
        day: dateColumn(input.day),
        schoolId: school.id,
        scopeKey,
        ...schoolReportFigures(classReports, staff),
        note: input.note,
        filedById: actor.userId,
        filedByName,
        late,
      },
    });
    await recordAudit(tx, context, { action: 'daily_report.file_school', entity: 'DailyReport', entityId: created.id });
    return created;
  }));
  return toDailyReport(row);
}
