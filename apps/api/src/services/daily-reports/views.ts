import { addDays, ExceptionItem, reportStatus, type CompletenessGrid, type DailyReport, type DayCounts, type ReportKind, type SchoolDayView } from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { sqlRows } from '../../db/sql.js';
import { NotFoundError } from '../../lib/errors.js';
import { observerView } from '../observer-view.js';
import { assertCan, scope, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';
import { deadlineOf, todayOf } from '../../db/days.js';
import { dayCountsColumns, dayCountsJson, dayParam, isoTimestamp, peopleOfDay, scopeRuleSql } from '../../db/day-sql.js';
import { dailyReportJson, exceptionsJson } from './json.js';

const ExceptionsRow = z.object({ exceptions: z.array(ExceptionItem) });

/** The day's exceptions (fever or symptoms) with what was done about them; `where` is SQL over `"FollowUp" f`. */
export async function exceptionsOf(db: Db, where: Prisma.Sql): Promise<ExceptionItem[]> {
  const [row] = await sqlRows<{ exceptions: ExceptionItem[] }>(db, Prisma.sql`SELECT ${exceptionsJson(where)} AS exceptions`, { row: ExceptionsRow });
  return row!.exceptions;
}

type Progress = DayCounts;

function emptyProgress(): Progress {
  return { total: 0, pending: 0, well: 0, exception: 0, unreachable: 0, reached: 0, inQuarantine: 0, outsideCity: 0, notStudying: 0, studyUnknown: 0 };
}

interface SchoolDayRow {
  id: string;
  name: string;
  kind: string;
  classes: (Omit<SchoolDayView['classes'][number], 'progress'> & { report: DailyReport | null })[];
  /** Progress per class; `classId` null for the staff (and anyone without a class). */
  progress: (Progress & { classId: string | null })[];
  report: DailyReport | null;
  exceptions: ExceptionItem[];
}

/**
 * The principal's day: every class's progress and report, the staff's
 * progress, every exception. One query: the school (in the actor's scope),
 * its active classes with their reports, the progress counted per class, the
 * school's report and the exceptions.
 */
export async function schoolDayView(db: Db, actor: Actor, query: { schoolId: string; day?: string }): Promise<SchoolDayView> {
  const centre = await getCentre(db);
  const today = todayOf(centre);
  const day = query.day ?? today;
  const dayValue = dayParam(day);
  const [school] = await sqlRows<SchoolDayRow>(db, Prisma.sql`
    SELECT s.id, s.name, s.kind::text AS kind,
           (SELECT coalesce(json_agg(json_build_object(
                     'classId', c.id, 'grade', c.grade, 'name', c.name, 'headTeacherName', u."displayName",
                     'report', CASE WHEN r.id IS NULL THEN NULL ELSE ${dailyReportJson} END)
                   ORDER BY c.grade, c.name), '[]')
            FROM "SchoolClass" c
            LEFT JOIN "User" u ON u.id = c."headTeacherId"
            LEFT JOIN "DailyReport" r ON r."schoolId" = s.id AND r.day = ${dayValue} AND r."classId" = c.id
            WHERE c."schoolId" = s.id AND c.active) AS classes,
           (SELECT coalesce(json_agg(b), '[]')
            FROM (SELECT CASE WHEN p.kind = 'staff' THEN NULL ELSE p."classId" END AS "classId", ${dayCountsColumns}
                  FROM ${peopleOfDay(dayValue)}
                  WHERE p."schoolId" = s.id AND p.status = 'active'
                  GROUP BY 1) b) AS progress,
           (SELECT ${dailyReportJson} FROM "DailyReport" r WHERE r."schoolId" = s.id AND r.day = ${dayValue} AND r.level = 'school' LIMIT 1) AS report,
           ${exceptionsJson(Prisma.sql`f."schoolId" = s.id AND f.day = ${dayValue}`)} AS exceptions
    FROM "School" s
    WHERE s.id = ${query.schoolId}::uuid AND ${scopeRuleSql('s', scope.schools(actor))}`);
  if (!school) throw new NotFoundError('School', query.schoolId);
  assertCan(actor, 'dailyReport.schoolDay');
  const progressOf = new Map(school.progress.map(({ classId, ...progress }) => [classId, progress]));
  return {
    day,
    today,
    deadline: deadlineOf(centre, day).toISOString(),
    school: { id: school.id, name: school.name, kind: school.kind },
    classes: school.classes.map((schoolClass) => ({
      classId: schoolClass.classId,
      grade: schoolClass.grade,
      name: schoolClass.name,
      headTeacherName: schoolClass.headTeacherName,
      progress: progressOf.get(schoolClass.classId) ?? emptyProgress(),
      report: schoolClass.report,
    })),
    staff: progressOf.get(null) ?? emptyProgress(),
    exceptions: school.exceptions.map((item) => observerView.exception(actor, item)),
    report: school.report,
  };
}

interface GridRow {
  schools: { schoolId: string; code: string; name: string }[];
  reports: { key: string; filedAt: string; kind: ReportKind; exceptions: number; unreached: number }[];
  totals: DayCounts;
  exceptions: ExceptionItem[];
}

/**
 * The centre's completeness grid: schools × days, each cell on time / late /
 * missing (or still open), with today's totals. One query.
 */
export async function completenessGrid(db: Db, actor: Actor, query: { to?: string; days: number }): Promise<CompletenessGrid> {
  assertCan(actor, 'dailyReport.grid');
  const centre = await getCentre(db);
  const today = todayOf(centre);
  const to = query.to && query.to < today ? query.to : today;
  const days = Array.from({ length: query.days }, (_, index) => addDays(to, index - query.days + 1));
  const now = new Date();
  const todayValue = dayParam(today);
  const [grid] = await sqlRows<GridRow>(db, Prisma.sql`
    SELECT (SELECT coalesce(json_agg(json_build_object('schoolId', s.id, 'code', s.code, 'name', s.name) ORDER BY s.code), '[]')
            FROM "School" s WHERE s.active) AS schools,
           (SELECT coalesce(json_agg(json_build_object(
                     'key', r."schoolId" || '|' || to_char(r.day, 'YYYY-MM-DD'), 'filedAt', ${isoTimestamp(Prisma.sql`r."filedAt"`)},
                     'kind', r.kind, 'exceptions', r.exceptions, 'unreached', r.unreached)), '[]')
            FROM "DailyReport" r WHERE r.level = 'school' AND r.day BETWEEN ${dayParam(days[0]!)} AND ${dayParam(to)}) AS reports,
           (SELECT ${dayCountsJson} FROM ${peopleOfDay(todayValue)} WHERE p.status = 'active') AS totals,
           ${exceptionsJson(Prisma.sql`f.day = ${todayValue}`)} AS exceptions`);
  const reportOf = new Map(grid!.reports.map((report) => [report.key, report]));
  const deadlines = new Map(days.map((day) => [day, deadlineOf(centre, day)]));
  return {
    days,
    today,
    schools: grid!.schools.map((school) => ({
      ...school,
      cells: days.map((day) => {
        const report = reportOf.get(`${school.schoolId}|${day}`);
        return {
          day,
          status: reportStatus(report ? new Date(report.filedAt) : null, deadlines.get(day)!, now),
          kind: report?.kind ?? null,
          filedAt: report?.filedAt ?? null,
          exceptions: report?.exceptions ?? null,
          unreached: report?.unreached ?? null,
        };
      }),
    })),
    totals: grid!.totals,
    exceptions: grid!.exceptions.map((item) => observerView.exception(actor, item)),
  };
}
