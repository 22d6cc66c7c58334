/**
 * 停课不停学 (issue 17): the study figures of a class, a school and the
 * township, computed here once for the screens, the exports and the situation
 * report (docs/decisions/0025-remote-learning.md). Each answer is one SQL
 * statement on the hot pool that returns JSON (ADRs 0007, 0010): a class or a
 * school from its students and their records of the day (`STUDY_FILTERS`), the
 * township over a range from the per-school day counts the FollowUp trigger
 * keeps (StudyDayCount), with enrolled and unknown from the roster.
 */
import { addDays, ClassesReporting, STUDY_RANGE_MAX_DAYS, StudyFigures, type ClassStudyDay, type SchoolStudyDay, type TownshipStudyQuery, type TownshipStudyRange } from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { sqlRows } from '../../db/sql.js';
import { todayOf } from '../../db/days.js';
import { dayParam, scopeRuleSql, STUDY_FILTERS, studyColumns, studyFiguresJson, type StudyColumn } from '../../db/day-sql.js';
import { FieldError, NotFoundError } from '../../lib/errors.js';
import { activeSchoolFor, assertCan, scope, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';

/** The township's range when none is asked for: the last 60 days (an emergency's length). */
const DEFAULT_RANGE_DAYS = 60;

/** The day asked for (default today), refused when it is in the future. */
async function dayAsked(db: Db, day: string | undefined): Promise<{ day: string; today: string }> {
  const today = todayOf(await getCentre(db));
  const asked = day ?? today;
  if (asked > today) throw new FieldError({ day: 'field.learning_future_day' });
  return { day: asked, today };
}

const reporting = (classes: number, filed: number): ClassesReporting => ({ classes, filed, percent: classes ? Math.round((filed / classes) * 1000) / 10 : 0 });

/** Students `p` with their record `f` of `day`. */
const studentsOfDay = (day: Prisma.Sql) => Prisma.sql`"Person" p LEFT JOIN "FollowUp" f ON f."personId" = p.id AND f.day = ${day}`;

const of = (alias: string) => (name: StudyColumn) => `${alias}."${name}"`;
const summed = (alias: string) => (name: StudyColumn) => `COALESCE(sum(${alias}."${name}"), 0)::int`;
const orZero = (alias: string) => (name: StudyColumn) => `COALESCE(${alias}."${name}", 0)`;

const ClassRow = z.object({ schoolId: z.string(), grade: z.number().int(), name: z.string(), figures: StudyFigures, reportFiled: z.boolean() });

/** A class's study picture of a day: teachers their classes, principals their school, the centre every class. */
export async function classStudyDay(db: Db, actor: Actor, query: { classId: string; day?: string }): Promise<ClassStudyDay> {
  const visible = scopeRuleSql('c', scope.classes(actor));
  const known = await sqlRows(db, Prisma.sql`SELECT c.id FROM "SchoolClass" c WHERE c.id = ${query.classId}::uuid AND ${visible}`);
  if (!known.length) throw new NotFoundError('SchoolClass', query.classId);
  assertCan(actor, 'learning.class');
  const { day, today } = await dayAsked(db, query.day);
  const dayValue = dayParam(day);
  const [row] = await sqlRows(db, Prisma.sql`
    SELECT c."schoolId", c.grade, c.name,
           (SELECT ${studyFiguresJson(of('k'))} FROM (SELECT ${studyColumns} FROM ${studentsOfDay(dayValue)}
              WHERE p."classId" = c.id AND p.kind = 'student' AND p.status = 'active') k) AS figures,
           EXISTS (SELECT 1 FROM "DailyReport" r WHERE r."scopeKey" = c.id::text AND r.day = ${dayValue}) AS "reportFiled"
    FROM "SchoolClass" c WHERE c.id = ${query.classId}::uuid`, { row: ClassRow });
  return { day, today, classId: query.classId, ...row! };
}

const SchoolRow = z.object({
  figures: StudyFigures,
  classes: z.array(z.object({ classId: z.string(), grade: z.number().int(), name: z.string(), headTeacherName: z.string().nullable(), figures: StudyFigures, reportFiled: z.boolean() })),
});

/** A school's study figures of a day, each active class's beside them and how many class reports are filed: the principal's school, the centre any. */
export async function schoolStudyDay(db: Db, actor: Actor, query: { schoolId: string; day?: string }): Promise<SchoolStudyDay> {
  const school = await activeSchoolFor(db, actor, 'learning.school', query.schoolId);
  const { day, today } = await dayAsked(db, query.day);
  const dayValue = dayParam(day);
  const [row] = await sqlRows(db, Prisma.sql`
    WITH per AS (
      SELECT p."classId", ${studyColumns} FROM ${studentsOfDay(dayValue)}
      WHERE p."schoolId" = ${school.id}::uuid AND p.kind = 'student' AND p.status = 'active'
      GROUP BY p."classId"
    ), cls AS (
      SELECT c.id, c.grade, c.name, u."displayName" AS "headTeacherName",
             EXISTS (SELECT 1 FROM "DailyReport" r WHERE r."scopeKey" = c.id::text AND r.day = ${dayValue}) AS filed,
             ${Prisma.raw(Object.keys(STUDY_FILTERS).map((name) => `per."${name}"`).join(', '))}
      FROM "SchoolClass" c LEFT JOIN per ON per."classId" = c.id LEFT JOIN "User" u ON u.id = c."headTeacherId"
      WHERE c."schoolId" = ${school.id}::uuid AND c.active
    )
    SELECT (SELECT ${studyFiguresJson(summed('per'))} FROM per) AS figures,
           (SELECT COALESCE(json_agg(json_build_object('classId', cls.id, 'grade', cls.grade, 'name', cls.name, 'headTeacherName', cls."headTeacherName",
                                                       'figures', ${studyFiguresJson(orZero('cls'))}, 'reportFiled', cls.filed) ORDER BY cls.grade, cls.name), '[]'::json)
            FROM cls) AS classes`, { row: SchoolRow });
  const classes = row!.classes;
  return { day, today, school, figures: row!.figures, classesReporting: reporting(classes.length, classes.filter((item) => item.reportFiled).length), classes };
}

const Reporting = z.object({ classes: z.number().int(), filed: z.number().int() });
const TownshipRow = z.object({
  days: z.array(z.object({ day: z.string(), figures: StudyFigures, reporting: Reporting })),
  schools: z.array(z.object({ schoolId: z.string(), name: z.string(), figures: StudyFigures, reporting: Reporting })),
});

/** The StudyDayCount columns, by the figure each holds (enrolled and unknown come from the roster). */
const COUNTED: Exclude<StudyColumn, 'enrolled' | 'unknown'>[] = ['reached', 'studyingOnline', 'studyingPaper', 'studyingTv', 'studyPartly', 'notStudying', 'notIll', 'notNoDevice', 'notNoNetwork', 'notNoSupervision', 'notOther', 'notUnspecified'];

/** The township statement of `townshipStudyRange` (exported for EXPLAIN in the bench). */
export function townshipStatement(from: string, to: string): Prisma.Sql {
  const summedCounts = Prisma.raw(COUNTED.map((name) => `sum(k."${name}")::int AS "${name}"`).join(', '));
  const counted = Prisma.raw(COUNTED.map((name) => `COALESCE(k."${name}", 0) AS "${name}"`).join(', '));
  const unknown = (enrolled: string) => `GREATEST(0, ${enrolled} - COALESCE(k."studyingOnline" + k."studyingPaper" + k."studyingTv" + k."notStudying", 0))`;
  return Prisma.sql`
    WITH schools AS (SELECT s.id, s.code, s.name FROM "School" s WHERE s.active),
    enrolled AS (SELECT p."schoolId", count(*)::int AS n FROM "Person" p WHERE p.kind = 'student' AND p.status = 'active' GROUP BY p."schoolId"),
    classes AS (SELECT c."schoolId", count(*)::int AS n FROM "SchoolClass" c WHERE c.active GROUP BY c."schoolId"),
    totals AS (
      SELECT COALESCE(sum(e.n), 0)::int AS enrolled, COALESCE(sum(cl.n), 0)::int AS classes
      FROM schools s LEFT JOIN enrolled e ON e."schoolId" = s.id LEFT JOIN classes cl ON cl."schoolId" = s.id
    ),
    per_day AS (
      SELECT k.day, ${summedCounts} FROM "StudyDayCount" k JOIN schools s ON s.id = k."schoolId"
      WHERE k.day BETWEEN ${dayParam(from)} AND ${dayParam(to)} GROUP BY k.day
    ),
    filed_per_day AS (
      SELECT r.day, count(*)::int AS n FROM "DailyReport" r JOIN schools s ON s.id = r."schoolId"
      WHERE r.level = 'class' AND r.day BETWEEN ${dayParam(from)} AND ${dayParam(to)} GROUP BY r.day
    ),
    series AS (
      SELECT d::date AS day, t.enrolled, ${counted}, ${Prisma.raw(unknown('t.enrolled'))} AS unknown, t.classes, LEAST(COALESCE(f.n, 0), t.classes) AS filed
      FROM generate_series(${dayParam(from)}, ${dayParam(to)}, interval '1 day') d CROSS JOIN totals t
      LEFT JOIN per_day k ON k.day = d::date LEFT JOIN filed_per_day f ON f.day = d::date
    ),
    last_day AS (
      SELECT s.id, s.code, s.name, COALESCE(e.n, 0) AS enrolled, ${counted}, ${Prisma.raw(unknown('COALESCE(e.n, 0)'))} AS unknown,
             COALESCE(cl.n, 0) AS classes, LEAST(COALESCE(fi.n, 0), COALESCE(cl.n, 0)) AS filed
      FROM schools s
      LEFT JOIN enrolled e ON e."schoolId" = s.id
      LEFT JOIN classes cl ON cl."schoolId" = s.id
      LEFT JOIN "StudyDayCount" k ON k."schoolId" = s.id AND k.day = ${dayParam(to)}
      LEFT JOIN (SELECT r."schoolId", count(*)::int AS n FROM "DailyReport" r WHERE r.level = 'class' AND r.day = ${dayParam(to)} GROUP BY r."schoolId") fi ON fi."schoolId" = s.id
    )
    SELECT
      (SELECT COALESCE(json_agg(json_build_object('day', to_char(g.day, 'YYYY-MM-DD'), 'figures', ${studyFiguresJson(of('g'))},
                                                  'reporting', json_build_object('classes', g.classes, 'filed', g.filed)) ORDER BY g.day), '[]'::json)
       FROM series g) AS days,
      (SELECT COALESCE(json_agg(json_build_object('schoolId', g.id, 'name', g.name, 'figures', ${studyFiguresJson(of('g'))},
                                                  'reporting', json_build_object('classes', g.classes, 'filed', g.filed)) ORDER BY g.code), '[]'::json)
       FROM last_day g) AS schools`;
}

/**
 * The township's study figures from `from` to `to` (default the 60 days to
 * today): day by day (the trend) and per active school on `to`, each with
 * the share of class reports filed. The centre and observers (aggregates
 * only: no names, no classes).
 */
export async function townshipStudyRange(db: Db, actor: Actor, query: TownshipStudyQuery): Promise<TownshipStudyRange> {
  assertCan(actor, 'learning.township');
  const today = todayOf(await getCentre(db));
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (to > today) throw new FieldError({ to: 'field.learning_future_day' });
  if (to < from) throw new FieldError({ to: 'field.learning_range_order' });
  if (addDays(from, STUDY_RANGE_MAX_DAYS - 1) < to) throw new FieldError({ from: 'field.learning_range_too_long' });
  const [row] = await sqlRows(db, townshipStatement(from, to), { row: TownshipRow });
  return {
    from,
    to,
    today,
    days: row!.days.map(({ day, figures, reporting: r }) => ({ day, figures, classesReporting: reporting(r.classes, r.filed) })),
    schools: row!.schools.map(({ schoolId, name, figures, reporting: r }) => ({ schoolId, name, figures, classesReporting: reporting(r.classes, r.filed) })),
  };
}
