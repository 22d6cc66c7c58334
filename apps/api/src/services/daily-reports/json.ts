/**
 * A daily report and the exception list as their JSON, written by PostgreSQL
 * (docs/decisions/0007-follow-up-sql.md).
 */
import { Prisma } from '../../generated/prisma/client.js';
import { isoTimestamp } from '../../db/day-sql.js';

/** A `DailyReport r` row as the `DailyReport` wire shape (packages/shared/src/daily-reports.ts). */
export const dailyReportJson = Prisma.sql`json_build_object(
  'id', r.id, 'level', r.level, 'day', to_char(r.day, 'YYYY-MM-DD'), 'schoolId', r."schoolId", 'classId', r."classId",
  'total', r.total, 'reached', r.reached, 'unreached', r.unreached, 'exceptions', r.exceptions, 'inQuarantine', r."inQuarantine",
  'outsideCity', r."outsideCity", 'notStudying', r."notStudying", 'notContacted', r."notContacted", 'studyUnknown', r."studyUnknown", 'studyingOnline', r."studyingOnline", 'studyingPaper', r."studyingPaper", 'studyingTv', r."studyingTv", 'studyPartly', r."studyPartly",
  'kind', r.kind, 'onBehalfClasses', r."onBehalfClasses", 'note', r.note,
  'onBehalfReason', r."onBehalfReason", 'filedByName', r."filedByName", 'filedAt', ${isoTimestamp(Prisma.sql`r."filedAt"`)}, 'late', r.late)`;

/**
 * The exceptions (fever or symptoms) among `FollowUp f` rows matching
 * `where`, as a JSON array of `ExceptionItem`: school by school, the latest
 * first, at most 500. Name, school and class are the person's current ones.
 */
export function exceptionsJson(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT coalesce(json_agg(e.item ORDER BY e."schoolId", e."updatedAt" DESC, e.id), '[]')
    FROM (
      SELECT f."schoolId", f."updatedAt", f.id, json_build_object(
        'followUpId', f.id, 'personId', f."personId", 'name', p.name, 'kind', p.kind, 'schoolId', f."schoolId", 'schoolName', ps.name,
        'classId', f."classId", 'grade', pc.grade, 'className', pc.name, 'temperature', f.temperature, 'symptoms', f.symptoms,
        'note', f.note, 'recordedByName', f."recordedByName", 'handlingNote', f."handlingNote") AS item
      FROM "FollowUp" f
      JOIN "Person" p ON p.id = f."personId"
      JOIN "School" ps ON ps.id = p."schoolId"
      LEFT JOIN "SchoolClass" pc ON pc.id = p."classId"
      WHERE f."isException" AND ${where}
      ORDER BY f."schoolId", f."updatedAt" DESC, f.id
      LIMIT 500
    ) e)`;
}
