import type { DailyReport, ReportCounts } from '@campus/shared';
import type { DailyReport as ReportRow, Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { actorName, assertRole, scope, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';
import { assertDayNotFuture } from '../follow-ups/follow-ups.js';
import { dateColumn, dayOfColumn, deadlineOf, todayOf } from '../follow-ups/days.js';

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
    exceptions: row.exceptions,
    inQuarantine: row.inQuarantine,
    outsideCity: row.outsideCity,
    notStudying: row.notStudying,
    isZero: row.isZero,
    note: row.note,
    onBehalfReason: row.onBehalfReason,
    filedByName: row.filedByName,
    filedAt: row.filedAt.toISOString(),
    late: row.late,
  };
}

/** The day's counts from the records of these people; `pending` are those without a record. */
export async function countsFor(db: Db | Tx, where: Prisma.PersonWhereInput, day: string): Promise<ReportCounts & { pending: number }> {
  const people = await db.person.findMany({
    where: { AND: [where, { status: 'active' }] },
    select: {
      // In quarantine: a case open on the day (started by then, not closed before it).
      quarantineCases: { where: { startDay: { lte: dateColumn(day) }, OR: [{ closedDay: null }, { closedDay: { gt: dateColumn(day) } }] }, select: { id: true }, take: 1 },
      followUps: { where: { day: dateColumn(day) }, select: { reached: true, isException: true, whereabouts: true, studiedOnline: true } },
    },
  });
  const counts = { total: people.length, reached: 0, unreached: 0, exceptions: 0, inQuarantine: 0, outsideCity: 0, notStudying: 0, pending: 0 };
  for (const person of people) {
    const record = person.followUps[0];
    if (person.quarantineCases.length) counts.inQuarantine += 1;
    if (!record) {
      counts.pending += 1;
      continue;
    }
    if (record.reached) counts.reached += 1;
    else counts.unreached += 1;
    if (record.isException) counts.exceptions += 1;
    if (record.whereabouts === 'outside_city') counts.outsideCity += 1;
    if (record.studiedOnline === 'no') counts.notStudying += 1;
  }
  return counts;
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
  assertRole(actor, ['class_teacher', 'principal']);
  const centre = await getCentre(db);
  assertDayNotFuture(input.day, todayOf(centre));
  await assertNotFiled(db, schoolClass.id, input.day);
  const { pending, ...counts } = await countsFor(db, { classId: schoolClass.id, kind: 'student' }, input.day);
  if (pending > 0) throw new AppError(409, 'conflict', 'report.pending_people', { count: pending });
  const filedByName = await actorName(db, actor);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.dailyReport.create({
      data: {
        level: 'class',
        day: dateColumn(input.day),
        schoolId: schoolClass.schoolId,
        classId: schoolClass.id,
        scopeKey: schoolClass.id,
        ...counts,
        isZero: counts.exceptions === 0,
        note: input.note,
        filedById: actor.userId,
        filedByName,
        late: new Date() > deadlineOf(centre, input.day),
      },
    });
    await recordAudit(tx, context, { action: 'daily_report.file_class', entity: 'DailyReport', entityId: created.id });
    return created;
  });
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
  const staff = await countsFor(db, { schoolId: school.id, kind: 'staff' }, input.day);
  if (staff.pending > 0) throw new AppError(409, 'conflict', 'report.pending_people', { count: staff.pending });
  const filedByName = await actorName(db, actor);
  const late = new Date() > deadlineOf(centre, input.day);
  const row = await db.$transaction(async (tx) => {
    const classReports = [...filed];
    for (const schoolClass of classes.filter((item) => !filedIds.has(item.id))) {
      const { pending, ...counts } = await countsFor(tx, { classId: schoolClass.id, kind: 'student' }, input.day);
      classReports.push(
        await tx.dailyReport.create({
          data: {
            level: 'class',
            day: dateColumn(input.day),
            schoolId: school.id,
            classId: schoolClass.id,
            scopeKey: schoolClass.id,
            ...counts,
            // People nobody reached are counted as unreached in a report filed on the class's behalf.
            unreached: counts.unreached + pending,
            isZero: counts.exceptions === 0,
            onBehalfReason: reasons.get(schoolClass.id)!,
            filedById: actor.userId,
            filedByName,
            late,
          },
        }),
      );
    }
    const sum = (field: 'total' | 'reached' | 'unreached' | 'exceptions' | 'inQuarantine' | 'outsideCity' | 'notStudying') =>
      classReports.reduce((total, report) => total + report[field], 0) + staff[field];
    const exceptions = sum('exceptions');
    const created = await tx.dailyReport.create({
      data: {
        level: 'school',
        day: dateColumn(input.day),
        schoolId: school.id,
        scopeKey,
        total: sum('total'),
        reached: sum('reached'),
        unreached: sum('unreached'),
        exceptions,
        inQuarantine: sum('inQuarantine'),
        outsideCity: sum('outsideCity'),
        notStudying: sum('notStudying'),
        isZero: exceptions === 0,
        note: input.note,
        filedById: actor.userId,
        filedByName,
        late,
      },
    });
    await recordAudit(tx, context, { action: 'daily_report.file_school', entity: 'DailyReport', entityId: created.id });
    return created;
  });
  return toDailyReport(row);
}
