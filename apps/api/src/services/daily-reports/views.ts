import { addDays, followUpStatus, reportStatus, type CompletenessGrid, type ExceptionItem, type SchoolDayView } from '@campus/shared';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../lib/errors.js';
import { assertRole, scope, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';
import { dateColumn, dayOfColumn, deadlineOf, todayOf } from '../follow-ups/days.js';
import { toDailyReport } from './filing.js';

const exceptionInclude = {
  person: { select: { name: true, kind: true, school: { select: { name: true } }, schoolClass: { select: { grade: true, name: true } } } },
} as const;

/** The day's exceptions (fever or symptoms) with what was done about them. */
export async function exceptionsOf(db: Db, where: Prisma.FollowUpWhereInput): Promise<ExceptionItem[]> {
  const rows = await db.followUp.findMany({ where: { AND: [where, { isException: true }] }, include: exceptionInclude, orderBy: [{ schoolId: 'asc' }, { updatedAt: 'desc' }], take: 500 });
  return rows.map((row) => ({
    followUpId: row.id,
    personId: row.personId,
    name: row.person.name,
    kind: row.person.kind,
    schoolId: row.schoolId,
    schoolName: row.person.school.name,
    classId: row.classId,
    grade: row.person.schoolClass?.grade ?? null,
    className: row.person.schoolClass?.name ?? null,
    temperature: row.temperature === null ? null : Number(row.temperature),
    symptoms: row.symptoms,
    note: row.note,
    recordedByName: row.recordedByName,
    handlingNote: row.handlingNote,
  }));
}

function emptyProgress() {
  return { total: 0, pending: 0, well: 0, exception: 0, unreachable: 0 };
}

/** The principal's day: every class's progress and report, the staff's progress, every exception. */
export async function schoolDayView(db: Db, actor: Actor, query: { schoolId: string; day?: string }): Promise<SchoolDayView> {
  const school = await db.school.findFirst({ where: { AND: [{ id: query.schoolId }, scope.schools(actor)] } });
  if (!school) throw new NotFoundError('School', query.schoolId);
  assertRole(actor, ['principal', 'centre_admin', 'observer']);
  const centre = await getCentre(db);
  const today = todayOf(centre);
  const day = query.day ?? today;
  const [classes, people, reports] = await Promise.all([
    db.schoolClass.findMany({ where: { schoolId: school.id, active: true }, include: { headTeacher: { select: { displayName: true } } }, orderBy: [{ grade: 'asc' }, { name: 'asc' }] }),
    db.person.findMany({
      where: { schoolId: school.id, status: 'active' },
      select: { classId: true, kind: true, followUps: { where: { day: dateColumn(day) }, select: { reached: true, isException: true } } },
    }),
    db.dailyReport.findMany({ where: { schoolId: school.id, day: dateColumn(day) } }),
  ]);
  const progressByClass = new Map<string, ReturnType<typeof emptyProgress>>();
  const staff = emptyProgress();
  for (const person of people) {
    const bucket = person.kind === 'staff' || !person.classId ? staff : (progressByClass.get(person.classId) ?? progressByClass.set(person.classId, emptyProgress()).get(person.classId)!);
    bucket.total += 1;
    bucket[followUpStatus(person.followUps[0] ?? null)] += 1;
  }
  const schoolReport = reports.find((report) => report.level === 'school');
  return {
    day,
    today,
    deadline: deadlineOf(centre, day).toISOString(),
    school: { id: school.id, name: school.name, kind: school.kind },
    classes: classes.map((schoolClass) => {
      const report = reports.find((item) => item.classId === schoolClass.id);
      return {
        classId: schoolClass.id,
        grade: schoolClass.grade,
        name: schoolClass.name,
        headTeacherName: schoolClass.headTeacher?.displayName ?? null,
        progress: progressByClass.get(schoolClass.id) ?? emptyProgress(),
        report: report ? toDailyReport(report) : null,
      };
    }),
    staff,
    exceptions: await exceptionsOf(db, { schoolId: school.id, day: dateColumn(day) }),
    report: schoolReport ? toDailyReport(schoolReport) : null,
  };
}

/** The centre's completeness grid: schools × days, each cell on time / late / missing (or still open), with today's totals. */
export async function completenessGrid(db: Db, actor: Actor, query: { to?: string; days: number }): Promise<CompletenessGrid> {
  assertRole(actor, ['centre_admin', 'observer']);
  const centre = await getCentre(db);
  const today = todayOf(centre);
  const to = query.to && query.to < today ? query.to : today;
  const days = Array.from({ length: query.days }, (_, index) => addDays(to, index - query.days + 1));
  const now = new Date();
  const [schools, reports, people, todays] = await Promise.all([
    db.school.findMany({ where: { active: true }, orderBy: { code: 'asc' }, select: { id: true, code: true, name: true } }),
    db.dailyReport.findMany({ where: { level: 'school', day: { gte: dateColumn(days[0]!), lte: dateColumn(to) } }, select: { schoolId: true, day: true, filedAt: true, isZero: true, exceptions: true } }),
    db.person.groupBy({ by: ['categoryId'], where: { status: 'active' }, _count: { _all: true } }),
    db.followUp.groupBy({ by: ['reached', 'isException', 'whereabouts'], where: { day: dateColumn(today) }, _count: { _all: true } }),
  ]);
  const quarantine = await db.censusCategory.findUnique({ where: { code: 'home_quarantine' }, select: { id: true } });
  const reportOf = new Map(reports.map((report) => [`${report.schoolId}|${dayOfColumn(report.day)}`, report]));
  const sum = (rows: typeof todays, test: (row: (typeof todays)[number]) => boolean) => rows.filter(test).reduce((total, row) => total + row._count._all, 0);
  return {
    days,
    today,
    schools: schools.map((school) => ({
      schoolId: school.id,
      code: school.code,
      name: school.name,
      cells: days.map((day) => {
        const report = reportOf.get(`${school.id}|${day}`);
        return {
          day,
          status: reportStatus(report?.filedAt ?? null, deadlineOf(centre, day), now),
          zero: report?.isZero ?? false,
          filedAt: report?.filedAt.toISOString() ?? null,
          exceptions: report?.exceptions ?? null,
        };
      }),
    })),
    totals: {
      people: people.reduce((total, row) => total + row._count._all, 0),
      reached: sum(todays, (row) => row.reached),
      exceptions: sum(todays, (row) => row.isException),
      outsideCity: sum(todays, (row) => row.whereabouts === 'outside_city'),
      inQuarantine: people.filter((row) => row.categoryId === quarantine?.id).reduce((total, row) => total + row._count._all, 0),
    },
    exceptions: await exceptionsOf(db, { day: dateColumn(today) }),
  };
}
