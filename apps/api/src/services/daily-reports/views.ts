import { DailyReport, DayCounts, emptyDayCounts, ExceptionItem, gridDays, ReportKind, reportStatus, SchoolDayView, type CompletenessGrid, type DayGridQuery } from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { gridPage, PageSchoolsRow, pageSchoolsJson, schoolPageSql } from '../../db/grid-sql.js';
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
  return emptyDayCounts();
}

/** The school-day statement's row: classes, progress and exceptions as JSON (checked in tests: db/sql.ts). */
const SchoolDayRow = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  classes: z.array(SchoolDayView.shape.classes.element.omit({ progress: true })),
  /** Progress per class; `classId` null for the staff (and anyone without a class). */
  progress: z.array(DayCounts.extend({ classId: z.string().nullable() })),
  report: DailyReport.nullable(),
  exceptions: z.array(ExceptionItem),
});

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
  const [school] = await sqlRows(db, Prisma.sql`
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
    WHERE s.id = ${query.schoolId}::uuid AND ${scopeRuleSql('s', scope.schools(actor))}`, { row: SchoolDayRow });
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

/** The grid statement's row (checked in tests: db/sql.ts). */
const GridRow = PageSchoolsRow.extend({
  reports: z.array(z.object({ key: z.string(), filedAt: z.string(), kind: ReportKind, exceptions: z.number().int(), unreached: z.number().int() })),
  totals: DayCounts,
  exceptions: z.array(ExceptionItem),
});

/**
 * The centre's completeness grid: schools × days, each cell on time / late /
 * missing (or still open), with today's totals. One query.
 */
export async function completenessGrid(db: Db, actor: Actor, query: DayGridQuery): Promise<CompletenessGrid> {
  assertCan(actor, 'dailyReport.grid');
  const centre = await getCentre(db);
  const today = todayOf(centre);
  const days = gridDays(today, query.to, query.days);
  const to = days.at(-1)!;
  const now = new Date();
  const todayValue = dayParam(today);
  const [grid] = await sqlRows(db, Prisma.sql`
    WITH page AS (${schoolPageSql(query.page)})
    SELECT ${pageSchoolsJson},
           (SELECT coalesce(json_agg(json_build_object(
                     'key', r."schoolId" || '|' || to_char(r.day, 'YYYY-MM-DD'), 'filedAt', ${isoTimestamp(Prisma.sql`r."filedAt"`)},
                     'kind', r.kind, 'exceptions', r.exceptions, 'unreached', r.unreached)), '[]')
            FROM "DailyReport" r JOIN page p ON p.id = r."schoolId" WHERE r.level = 'school' AND r.day BETWEEN ${dayParam(days[0]!)} AND ${dayParam(to)}) AS reports,
           (SELECT ${dayCountsJson} FROM ${peopleOfDay(todayValue)} WHERE p.status = 'active') AS totals,
           ${exceptionsJson(Prisma.sql`f.day = ${todayValue}`)} AS exceptions`, { row: GridRow });
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
    ...gridPage(query.page, grid!.total),
  };
}
