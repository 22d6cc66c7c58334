/**
 * SQL pieces the hand-written hot reads share (docs/decisions/0007-follow-up-sql.md):
 * a day as a parameter, ISO timestamps, flat scope rules, the people of a day
 * and every figure of a day. Follow-ups, daily reports, quarantine, retention,
 * the roster and the demo seed read them; the shapes built from them (a
 * follow-up's JSON, a report's) live with their feature.
 */
import type { DayCounts } from '@campus/shared';
import { Prisma } from '../generated/prisma/client.js';
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
 * A record `f` of a student who studied (yes or partly) this way; a record
 * without a mode (saved before there was one) studied online.
 */
function studiedBy(mode: 'online' | 'paper' | 'tv'): string {
  return `f."studiedOnline" IN ('yes', 'partly') AND COALESCE(f."studyMode", 'online') = '${mode}'`;
}
const notStudyingFor = (reason: string) => `f."studiedOnline" = 'no' AND f."notStudyingReason" ${reason === 'unspecified' ? 'IS NULL' : `= '${reason}'`}`;

/**
 * The study figures of a student `p` with their record `f` of the day (if
 * any), as the learning figures count them (services/learning; issue 17):
 * the one definition, which DAY_COUNTS' study figures also read. The
 * trigger of prisma/sql/learning-day-counts.sql counts the same per school
 * and day (the township's range). `unknown`: no record, or the study
 * question not answered.
 */
export const STUDY_FILTERS = {
  enrolled: 'TRUE',
  reached: 'f.reached',
  studyingOnline: studiedBy('online'),
  studyingPaper: studiedBy('paper'),
  studyingTv: studiedBy('tv'),
  studyPartly: `f."studiedOnline" = 'partly'`,
  notStudying: `f."studiedOnline" = 'no'`,
  notIll: notStudyingFor('ill'),
  notNoDevice: notStudyingFor('no_device'),
  notNoNetwork: notStudyingFor('no_network'),
  notNoSupervision: notStudyingFor('no_supervision'),
  notOther: notStudyingFor('other'),
  notUnspecified: notStudyingFor('unspecified'),
  unknown: 'f."studiedOnline" IS NULL',
} as const;
export type StudyColumn = keyof typeof STUDY_FILTERS;

/** `STUDY_FILTERS` as columns of a SELECT over students `p` and their records `f` (one per figure, named as the keys). */
export const studyColumns = Prisma.raw(Object.entries(STUDY_FILTERS).map(([name, filter]) => `count(*) FILTER (WHERE ${filter})::int AS "${name}"`).join(',\n  '));

/**
 * The `StudyFigures` wire shape (packages/shared/src/learning.ts) as JSON, from
 * flat figures named as `STUDY_FILTERS`' keys: `column(name)` is the SQL of one
 * (a column, a sum, a COALESCE of a missing row).
 */
export function studyFiguresJson(column: (name: StudyColumn) => string): Prisma.Sql {
  const c = column;
  return Prisma.raw(`json_build_object(
    'enrolled', ${c('enrolled')}, 'reached', ${c('reached')},
    'studying', ${c('studyingOnline')} + ${c('studyingPaper')} + ${c('studyingTv')},
    'studyingOnline', ${c('studyingOnline')}, 'studyingPaper', ${c('studyingPaper')}, 'studyingTv', ${c('studyingTv')}, 'studyPartly', ${c('studyPartly')},
    'notStudying', ${c('notStudying')},
    'notStudyingBy', json_build_object('ill', ${c('notIll')}, 'no_device', ${c('notNoDevice')}, 'no_network', ${c('notNoNetwork')},
                                       'no_supervision', ${c('notNoSupervision')}, 'other', ${c('notOther')}, 'unspecified', ${c('notUnspecified')}),
    'unknown', ${c('unknown')})`);
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
  notStudying: `p.kind = 'student' AND ${STUDY_FILTERS.notStudying}`,
  studyUnknown: `p.kind = 'student' AND ${STUDY_FILTERS.unknown}`,
  studyingOnline: `p.kind = 'student' AND ${STUDY_FILTERS.studyingOnline}`,
  studyingPaper: `p.kind = 'student' AND ${STUDY_FILTERS.studyingPaper}`,
  studyingTv: `p.kind = 'student' AND ${STUDY_FILTERS.studyingTv}`,
  studyPartly: `p.kind = 'student' AND ${STUDY_FILTERS.studyPartly}`,
};
const dayCountEntries = Object.entries(DAY_COUNTS);

/** `DAY_COUNTS` as columns of a SELECT (one per figure, named as in `DayCounts`). */
export const dayCountsColumns = Prisma.raw(dayCountEntries.map(([name, filter]) => `count(*) FILTER (WHERE ${filter})::int AS "${name}"`).join(',\n  '));

/** `DAY_COUNTS` as one JSON object (for a query that returns its answer as JSON). */
export const dayCountsJson = Prisma.raw(`json_build_object(${dayCountEntries.map(([name, filter]) => `'${name}', count(*) FILTER (WHERE ${filter})`).join(', ')})`);
