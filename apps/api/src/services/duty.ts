import {
  addDays,
  gridDays,
  minutesToTimeOfDay,
  reportStatus,
  timeOfDayToMinutes,
  type DutyDayQuery,
  type DutyDayView,
  type DutyGrid,
  type DutyGridQuery,
  type DutyReport,
  type DutyReportInput,
  type DutyRoster,
  type DutyRosterInput,
  type DutyRosterQuery,
} from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../db/client.js';
import { dayParam, isoTimestamp } from '../db/day-sql.js';
import { dateColumn, dayOfColumn, deadlineOf, todayOf } from '../db/days.js';
import { gridPage, PageSchoolsRow, pageSchoolsJson, schoolPageSql } from '../db/grid-sql.js';
import { sqlRows } from '../db/sql.js';
import { cachedAnswer, invalidateAnswers } from '../lib/answer-cache.js';
import { isUniqueViolation } from '../lib/db-errors.js';
import { ConflictError, FieldError, NotFoundError } from '../lib/errors.js';
import { recordAudit, type AuditContext } from './audit.js';
import { activeSchoolFor, actorName, assertCan, assertCanForSchool, type Actor } from './scope.js';
import { getCentre } from './settings.js';
import { claimablePictures, picturesOf, removePictureFiles } from './uploads.js';

// 值班值守 (issue 15): who is on duty, the day's report with its pictures, the centre's grid.

/** How late a duty report may still be filed (补报). */
const LATEST_DAYS_BACK = 31;

/** How long the centre's grid is shared between readers before it is computed again. */
const GRID_SECONDS = 5;

function staffName(person: { id: string; name: string } | null | undefined) {
  return person ? { id: person.id, name: person.name } : null;
}

export async function dutyRoster(db: Db, actor: Actor, query: DutyRosterQuery): Promise<DutyRoster> {
  await activeSchoolFor(db, actor, 'duty.read', query.schoolId);
  const days = Array.from({ length: query.days }, (_, index) => addDays(query.from, index));
  const [assignments, staff] = await Promise.all([
    db.dutyAssignment.findMany({ where: { schoolId: query.schoolId, day: { gte: dateColumn(days[0]!), lte: dateColumn(days.at(-1)!) } } }),
    db.person.findMany({ where: { schoolId: query.schoolId, kind: 'staff', status: 'active' }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }] }),
  ]);
  const people = new Map(staff.map((person) => [person.id, person]));
  const missing = assignments.flatMap((row) => [row.dutyPersonId, row.leaderPersonId]).filter((id) => !people.has(id));
  if (missing.length) {
    // someone on the roster who has since left: still shown by name
    for (const person of await db.person.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) people.set(person.id, person);
  }
  const byDay = new Map(assignments.map((row) => [dayOfColumn(row.day), row]));
  return {
    schoolId: query.schoolId,
    days: days.map((day) => {
      const row = byDay.get(day);
      return { day, dutyPerson: staffName(row && people.get(row.dutyPersonId)), leader: staffName(row && people.get(row.leaderPersonId)) };
    }),
    staff,
  };
}

/** Sets (or clears) the roster of the given days in one transaction; everyone named must be the school's active staff. */
export async function saveDutyRoster(db: Db, actor: Actor, context: AuditContext, input: DutyRosterInput): Promise<DutyRoster> {
  await activeSchoolFor(db, actor, 'duty.roster', input.schoolId);
  const named = [...new Set(input.entries.flatMap((entry) => [entry.dutyPersonId, entry.leaderPersonId]).filter((id): id is string => id !== null))];
  const staff = await db.person.findMany({ where: { id: { in: named }, schoolId: input.schoolId, kind: 'staff', status: 'active' }, select: { id: true } });
  if (staff.length !== named.length) {
    const known = new Set(staff.map((person) => person.id));
    const fields: Record<string, string> = {};
    input.entries.forEach((entry, index) => {
      if (entry.dutyPersonId && !known.has(entry.dutyPersonId)) fields[`entries.${index}.dutyPersonId`] = 'duty.not_staff';
      if (entry.leaderPersonId && !known.has(entry.leaderPersonId)) fields[`entries.${index}.leaderPersonId`] = 'duty.not_staff';
    });
    throw new FieldError(fields);
  }
  await db.$transaction(async (tx) => {
    for (const entry of input.entries) {
      const where = { schoolId_day: { schoolId: input.schoolId, day: dateColumn(entry.day) } };
      if (entry.dutyPersonId === null || entry.leaderPersonId === null) {
        await tx.dutyAssignment.deleteMany({ where: { schoolId: input.schoolId, day: dateColumn(entry.day) } });
      } else {
        const data = { dutyPersonId: entry.dutyPersonId, leaderPersonId: entry.leaderPersonId, updatedById: actor.userId };
        await tx.dutyAssignment.upsert({ where, create: { schoolId: input.schoolId, day: dateColumn(entry.day), ...data }, update: data });
      }
    }
    await recordAudit(tx, context, { action: 'duty.roster', entity: 'School', entityId: input.schoolId, details: { days: input.entries.length } });
  });
  const days = input.entries.map((entry) => entry.day).sort();
  const from = days[0]!;
  const span = Math.round((Date.parse(days.at(-1)!) - Date.parse(from)) / 86_400_000) + 1;
  return dutyRoster(db, actor, { schoolId: input.schoolId, from, days: Math.min(span, 42) });
}

const reportInclude = { school: { select: { name: true } }, pictures: { orderBy: { position: 'asc' as const }, select: { id: true, width: true, height: true, bytes: true } } };
type ReportRow = Prisma.DutyReportGetPayload<{ include: typeof reportInclude }>;

/** The one writer of a duty report's wire shape. */
function dutyReportJson(row: ReportRow): DutyReport {
  return {
    id: row.id,
    schoolId: row.schoolId,
    schoolName: row.school.name,
    day: dayOfColumn(row.day),
    start: minutesToTimeOfDay(row.startMinutes),
    end: minutesToTimeOfDay(row.endMinutes),
    checks: row.checks,
    incidents: row.incidents,
    onDutyName: row.onDutyName,
    leaderName: row.leaderName,
    filedByName: row.filedByName,
    filedAt: row.filedAt.toISOString(),
    late: row.late,
    pictures: picturesOf(row.pictures),
  };
}

async function assignmentNames(db: Pick<Db, 'dutyAssignment' | 'person'>, schoolId: string, day: string) {
  const assignment = await db.dutyAssignment.findUnique({ where: { schoolId_day: { schoolId, day: dateColumn(day) } } });
  if (!assignment) return null;
  const people = await db.person.findMany({ where: { id: { in: [assignment.dutyPersonId, assignment.leaderPersonId] } }, select: { id: true, name: true } });
  const name = (id: string) => people.find((person) => person.id === id)?.name ?? '';
  return { dutyName: name(assignment.dutyPersonId), leaderName: name(assignment.leaderPersonId) };
}

/** The school's duty day: who is on duty, the checklist, the report if filed. */
export async function dutyDay(db: Db, actor: Actor, query: DutyDayQuery): Promise<DutyDayView> {
  const school = await activeSchoolFor(db, actor, 'duty.read', query.schoolId);
  const centre = await getCentre(db);
  const today = todayOf(centre);
  const day = query.day ?? today;
  const [assignment, report] = await Promise.all([
    assignmentNames(db, school.id, day),
    db.dutyReport.findUnique({ where: { schoolId_day: { schoolId: school.id, day: dateColumn(day) } }, include: reportInclude }),
  ]);
  return {
    day,
    today,
    deadline: deadlineOf(centre, day).toISOString(),
    school,
    checklist: centre.dutyChecks,
    assignment,
    report: report ? dutyReportJson(report) : null,
  };
}

export async function getDutyReport(db: Db, actor: Actor, id: string): Promise<DutyReport> {
  assertCan(actor, 'duty.read');
  const report = await db.dutyReport.findUnique({ where: { id }, include: reportInclude });
  if (!report) throw new NotFoundError('DutyReport', id);
  assertCanForSchool(actor, 'duty.read', report.schoolId);
  return dutyReportJson(report);
}

/**
 * Files the day's duty report, or corrects it (the same school and day): the
 * first filing's time decides on time or late. The pictures are ones this
 * user uploaded for the school (or the report already had); pictures dropped
 * in a correction are deleted. One transaction, audited.
 */
export async function fileDutyReport(db: Db, actor: Actor, context: AuditContext, uploadsDir: string, input: DutyReportInput): Promise<{ report: DutyReport; created: boolean }> {
  await activeSchoolFor(db, actor, 'duty.file', input.schoolId);
  const centre = await getCentre(db);
  const today = todayOf(centre);
  if (input.day > today) throw new FieldError({ day: 'duty.future_day' });
  if (input.day < addDays(today, -LATEST_DAYS_BACK)) throw new FieldError({ day: 'duty.too_old' });
  const unknownCheck = input.checks.find((check) => !centre.dutyChecks.includes(check));
  if (unknownCheck !== undefined) throw new FieldError({ checks: 'field.invalid_type' });
  const filedByName = await actorName(db, actor);
  const names = await assignmentNames(db, input.schoolId, input.day);
  const day = dateColumn(input.day);
  let dropped: string[] = [];
  try {
    const result = await db.$transaction(async (tx) => {
      const existing = await tx.dutyReport.findUnique({ where: { schoolId_day: { schoolId: input.schoolId, day } }, include: { pictures: { select: { id: true } } } });
      const pictureIds = await claimablePictures(tx, actor, input.pictureIds, { schoolId: input.schoolId, purpose: 'duty_report', recordId: existing?.id });
      const content = {
        startMinutes: timeOfDayToMinutes(input.start),
        endMinutes: timeOfDayToMinutes(input.end),
        checks: input.checks,
        incidents: input.nothingToReport ? null : input.incidents,
        onDutyName: names?.dutyName ?? null,
        leaderName: names?.leaderName ?? null,
      };
      const report = existing
        ? await tx.dutyReport.update({ where: { id: existing.id }, data: content })
        : await tx.dutyReport.create({ data: { schoolId: input.schoolId, day, ...content, filedById: actor.userId, filedByName, late: new Date() > deadlineOf(centre, input.day) } });
      dropped = (existing?.pictures ?? []).map((picture) => picture.id).filter((id) => !pictureIds.includes(id));
      if (dropped.length) await tx.upload.deleteMany({ where: { id: { in: dropped } } });
      for (const [position, id] of pictureIds.entries()) await tx.upload.update({ where: { id }, data: { dutyReportId: report.id, position } });
      await recordAudit(tx, context, { action: existing ? 'duty.report_correct' : 'duty.report_file', entity: 'DutyReport', entityId: report.id, details: { pictures: pictureIds.length } });
      return { id: report.id, created: !existing };
    });
    invalidateAnswers(db, 'duty-grid');
    await removePictureFiles(uploadsDir, dropped);
    const row = await db.dutyReport.findUniqueOrThrow({ where: { id: result.id }, include: reportInclude });
    return { report: dutyReportJson(row), created: result.created };
  } catch (error) {
    // two first filings of the same day at once: the second is told, nothing is lost
    if (isUniqueViolation(error)) throw new ConflictError('conflict');
    throw error;
  }
}

const GridRow = PageSchoolsRow.extend({
  reports: z.array(z.object({ key: z.string(), id: z.string(), filedAt: z.string(), zero: z.boolean(), pictures: z.number().int() })),
  /** reports filed per day by all active schools, for the missing count over every page */
  filed: z.array(z.object({ day: z.string(), n: z.number().int() })),
});

/** Schools × days: each school's duty report on time / late / missing (or still open), the daily report's deadline rules. One query. */
export async function dutyGrid(db: Db, actor: Actor, query: DutyGridQuery): Promise<DutyGrid> {
  assertCan(actor, 'duty.grid');
  // shared by the centre's readers for a few seconds; a report filed here drops it (lib/answer-cache.ts)
  return cachedAnswer(db, 'duty-grid', `${query.to ?? ''}|${query.days}|${query.page}`, GRID_SECONDS * 1000, () => computeDutyGrid(db, query));
}

async function computeDutyGrid(db: Db, query: DutyGridQuery): Promise<DutyGrid> {
  const centre = await getCentre(db);
  const today = todayOf(centre);
  const days = gridDays(today, query.to, query.days);
  const to = days.at(-1)!;
  const range = Prisma.sql`BETWEEN ${dayParam(days[0]!)} AND ${dayParam(to)}`;
  const [grid] = await sqlRows<z.infer<typeof GridRow>>(
    db,
    Prisma.sql`
    WITH page AS (${schoolPageSql(query.page)})
    SELECT ${pageSchoolsJson},
           (SELECT coalesce(json_agg(json_build_object(
                     'key', r."schoolId" || '|' || to_char(r.day, 'YYYY-MM-DD'), 'id', r.id, 'filedAt', ${isoTimestamp(Prisma.sql`r."filedAt"`)},
                     'zero', r.incidents IS NULL,
                     'pictures', (SELECT count(*) FROM "Upload" u WHERE u."dutyReportId" = r.id))), '[]')
            FROM "DutyReport" r JOIN page p ON p.id = r."schoolId" WHERE r.day ${range}) AS reports,
           (SELECT coalesce(json_agg(json_build_object('day', to_char(f.day, 'YYYY-MM-DD'), 'n', f.n)), '[]')
            FROM (SELECT r.day, count(*)::int AS n FROM "DutyReport" r JOIN "School" s ON s.id = r."schoolId" AND s.active WHERE r.day ${range} GROUP BY r.day) f) AS filed`,
    { row: GridRow },
  );
  const reportOf = new Map(grid!.reports.map((report) => [report.key, report]));
  const filedOn = new Map(grid!.filed.map((day) => [day.day, day.n]));
  const deadlines = new Map(days.map((day) => [day, deadlineOf(centre, day)]));
  const now = new Date();
  // over all schools, not only this page: a day past its deadline misses every school that did not file
  const missing = days.reduce((sum, day) => sum + (reportStatus(null, deadlines.get(day)!, now) === 'missing' ? grid!.total - (filedOn.get(day) ?? 0) : 0), 0);
  const schools = grid!.schools.map((school) => ({
    ...school,
    cells: days.map((day) => {
      const report = reportOf.get(`${school.schoolId}|${day}`);
      const status = reportStatus(report ? new Date(report.filedAt) : null, deadlines.get(day)!, now);
      return { day, status, reportId: report?.id ?? null, zero: report?.zero ?? false, pictures: report?.pictures ?? 0 };
    }),
  }));
  return { days, today, schools, missing, ...gridPage(query.page, grid!.total) };
}
