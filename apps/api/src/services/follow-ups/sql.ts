/**
 * SQL pieces shared by the follow-up and daily-report hot reads, which are
 * hand-written (docs/decisions/0007-follow-up-sql.md): each builds its whole
 * answer as JSON in one query, so a request costs one round trip and Node
 * parses one value instead of mapping hundreds of columns.
 */
import type { DayCounts } from '@campus/shared';
import { Prisma } from '../../generated/prisma/client.js';
import { dateColumn, dayOfColumn } from './days.js';

/** A `day` as a query parameter: the same calendar day Prisma's DATE mapping would store. Days come checked against the calendar (IsoDay): a 31 February is refused at the schema, never rolled over into March here. */
export function dayParam(day: string): Prisma.Sql {
  return Prisma.sql`${dayOfColumn(dateColumn(day))}::date`;
}

/** A TIMESTAMP(3) column (UTC) as `Date.toISOString()` writes it. */
export function isoTimestamp(column: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * A flat rule from services/scope.ts (`{}` or uuid columns equal to values,
 * as `scope.schools` and `scope.classes` make) as SQL over `alias`, so the
 * rule stays written in one place. A rule of another shape is refused
 * loudly rather than read wrongly.
 */
export function scopeRuleSql(alias: 's' | 'c', rule: object): Prisma.Sql {
  const parts = Object.entries(rule).map(([column, value]) => {
    if (!/^[A-Za-z]+$/.test(column) || typeof value !== 'string') throw new Error(`scope rule on "${column}" is not a column equality`);
    return Prisma.sql`${Prisma.raw(`${alias}."${column}"`)} = ${value}::uuid`;
  });
  return parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`;
}

/**
 * The id of the person's quarantine case open on a day (started by then, not
 * closed before it): "in quarantine" in worklists and reports comes from the
 * cases (issue 5), no longer from the census category.
 */
export function openCaseOn(personId: Prisma.Sql, day: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT q.id FROM "QuarantineCase" q
    WHERE q."personId" = ${personId} AND q."startDay" <= ${day} AND (q."closedDay" IS NULL OR q."closedDay" > ${day})
    ORDER BY q."startDay" DESC LIMIT 1`;
}

/**
 * The people `p` of a day, each with their record `f` of the day (if any) and
 * `oc` (a row when a quarantine case is open on the day): what `dayCountsColumns`
 * counts. Add the people's condition with WHERE.
 */
export function peopleOfDay(day: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`"Person" p
    LEFT JOIN "FollowUp" f ON f."personId" = p.id AND f.day = ${day}
    LEFT JOIN (SELECT DISTINCT q."personId" AS id FROM "QuarantineCase" q
               WHERE q."startDay" <= ${day} AND (q."closedDay" IS NULL OR q."closedDay" > ${day})) oc ON oc.id = p.id`;
}

/**
 * Every figure of a day (the `DayCounts` wire shape), over `peopleOfDay`: the
 * one definition that the worklist's header, the report dialog, filing, the
 * school view, the grid's township totals and the export all read (issue 12:
 * they disagreed when each counted its own way). A record's state is
 * `followUpStatus`'s: not reached, else exception or well.
 */
const DAY_COUNTS: Record<keyof DayCounts, string> = {
  total: 'TRUE',
  pending: 'f.id IS NULL',
  well: 'f.reached AND NOT f."isException"',
  exception: 'f.reached AND f."isException"',
  unreachable: 'NOT f.reached',
  reached: 'f.reached',
  inQuarantine: 'oc.id IS NOT NULL',
  outsideCity: "f.whereabouts = 'outside_city'",
  notStudying: "p.kind = 'student' AND f.\"studiedOnline\" = 'no'",
  studyUnknown: "p.kind = 'student' AND f.\"studiedOnline\" IS NULL",
};
const dayCountEntries = Object.entries(DAY_COUNTS);

/** `DAY_COUNTS` as columns of a SELECT (one per figure, named as in `DayCounts`). */
export const dayCountsColumns = Prisma.raw(dayCountEntries.map(([name, filter]) => `count(*) FILTER (WHERE ${filter})::int AS "${name}"`).join(',\n  '));

/** `DAY_COUNTS` as one JSON object (for a query that returns its answer as JSON). */
export const dayCountsJson = Prisma.raw(`json_build_object(${dayCountEntries.map(([name, filter]) => `'${name}', count(*) FILTER (WHERE ${filter})`).join(', ')})`);

/** A `FollowUp f` row as the `FollowUp` wire shape (packages/shared/src/follow-ups.ts), field for field. */
export const followUpJson = Prisma.sql`json_build_object(
  'id', f.id, 'personId', f."personId", 'day', to_char(f.day, 'YYYY-MM-DD'), 'method', f.method, 'reached', f.reached,
  'answeredBy', f."answeredBy", 'unreachableCode', f."unreachableCode", 'unreachableReason', f."unreachableReason", 'temperature', f.temperature, 'symptoms', f.symptoms,
  'symptomNote', f."symptomNote", 'whereabouts', f.whereabouts, 'place', f.place, 'keyRegionContact', f."keyRegionContact",
  'studiedOnline', f."studiedOnline", 'studyNote', f."studyNote", 'note', f.note, 'isException', f."isException",
  'viaGroupChat', f."viaGroupChat", 'handlingNote', f."handlingNote", 'version', f.version, 'recordedByName', f."recordedByName",
  'updatedAt', ${isoTimestamp(Prisma.sql`f."updatedAt"`)},
  'corrected', EXISTS (SELECT 1 FROM "FollowUpCorrection" fc WHERE fc."followUpId" = f.id))`;

/** A `DailyReport r` row as the `DailyReport` wire shape (packages/shared/src/daily-reports.ts). */
export const dailyReportJson = Prisma.sql`json_build_object(
  'id', r.id, 'level', r.level, 'day', to_char(r.day, 'YYYY-MM-DD'), 'schoolId', r."schoolId", 'classId', r."classId",
  'total', r.total, 'reached', r.reached, 'unreached', r.unreached, 'exceptions', r.exceptions, 'inQuarantine', r."inQuarantine",
  'outsideCity', r."outsideCity", 'notStudying', r."notStudying", 'notContacted', r."notContacted", 'studyUnknown', r."studyUnknown",
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
