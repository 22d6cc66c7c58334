/**
 * What the quarantine services share: the case as the actor may see it (out
 * of scope reads as 404), who may write what, and the SQL that builds list
 * items, alerts and help requests as JSON in one query each.
 *
 * Who may do what with a case they can see:
 *   read:                 centre, observer, the school's principal, any team member
 *   check in, correct,
 *   resolve "needs help": centre, the school's principal, any team member
 *   open, extend, shorten,
 *   close, record return: centre, the school's principal, the team's lead (open: centre and principal)
 */
import {
  ALERT_WINDOW_DAYS,
  addDays,
  caseDays,
  checkInState,
  CaseOutcome,
  CasePerson,
  CasePlace,
  CaseReason,
  HelpRequest,
  type CaseAlert,
  type CaseListItem,
} from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import type { Centre } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { sqlRows } from '../../db/sql.js';
import { ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { dayParam } from '../../db/day-sql.js';
import { todayOf } from '../../db/days.js';
import { observerView } from '../observer-view.js';
import { scope, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';

export type Tx = Prisma.TransactionClient;

export interface Clock {
  centre: Centre;
  today: string;
  threshold: number;
}

export async function clockOf(db: Db): Promise<Clock> {
  const centre = await getCentre(db);
  return { centre, today: todayOf(centre), threshold: Number(centre.feverThreshold) };
}

/** The first day whose check-ins still show on the alert lists. */
export function alertFrom(today: string): string {
  return addDays(today, -(ALERT_WINDOW_DAYS - 1));
}

/** A case with the actor's part in its team, as `caseInScope` reads it (days as to_char text; checked in tests: db/sql.ts). */
const CaseRow = z.object({
  id: z.string(),
  personId: z.string(),
  schoolId: z.string(),
  startDay: z.string(),
  plannedEndDay: z.string(),
  closedDay: z.string().nullable(),
  returnedDay: z.string().nullable(),
  outcome: CaseOutcome.nullable(),
  isMember: z.boolean(),
  isLead: z.boolean(),
});
export type CaseRow = z.infer<typeof CaseRow>;

/** A case the actor can see, with their part in its team; 404 when there is none in their scope. */
export async function caseInScope(db: Db | Tx, actor: Actor, caseId: string): Promise<CaseRow> {
  const [row] = await sqlRows(db, Prisma.sql`
    SELECT q.id, q."personId", q."schoolId", to_char(q."startDay", 'YYYY-MM-DD') AS "startDay", to_char(q."plannedEndDay", 'YYYY-MM-DD') AS "plannedEndDay",
           to_char(q."closedDay", 'YYYY-MM-DD') AS "closedDay", to_char(q."returnedDay", 'YYYY-MM-DD') AS "returnedDay", q.outcome::text AS outcome,
           EXISTS (SELECT 1 FROM "CaseTeamMember" t WHERE t."caseId" = q.id AND t."userId" = ${actor.userId}::uuid) AS "isMember",
           EXISTS (SELECT 1 FROM "CaseTeamMember" t WHERE t."caseId" = q.id AND t."userId" = ${actor.userId}::uuid AND t.lead) AS "isLead"
    FROM "QuarantineCase" q
    WHERE q.id = ${caseId}::uuid AND ${scope.quarantineCasesSql(actor)}`, { row: CaseRow });
  if (!row) throw new NotFoundError('QuarantineCase', caseId);
  return row;
}

function isSchoolPrincipal(actor: Actor, row: { schoolId: string }): boolean {
  return actor.role === 'principal' && actor.schoolId === row.schoolId;
}

export function canCheckIn(actor: Actor, row: CaseRow): boolean {
  return actor.role === 'centre_admin' || isSchoolPrincipal(actor, row) || (row.isMember && actor.role !== 'observer');
}

export function canManage(actor: Actor, row: CaseRow): boolean {
  return actor.role === 'centre_admin' || isSchoolPrincipal(actor, row) || (row.isLead && actor.role !== 'observer');
}

export function assertCanCheckIn(actor: Actor, row: CaseRow): void {
  if (!canCheckIn(actor, row)) throw new ForbiddenError('quarantine.not_team_member');
}

export function assertCanManage(actor: Actor, row: CaseRow): void {
  if (!canManage(actor, row)) throw new ForbiddenError();
}

/** The person of a case `q` (joined as `p`, school `qs`, class `pc`) as the `CasePerson` wire shape. */
export const casePersonJson = Prisma.sql`json_build_object(
  'id', p.id, 'name', p.name, 'kind', p.kind, 'gender', p.gender, 'studentNumber', p."studentNumber",
  'schoolId', q."schoolId", 'schoolName', qs.name, 'schoolKind', qs.kind, 'classId', p."classId", 'grade', pc.grade, 'className', pc.name)`;

export const caseJoins = Prisma.sql`
  JOIN "Person" p ON p.id = q."personId"
  JOIN "School" qs ON qs.id = q."schoolId"
  LEFT JOIN "SchoolClass" pc ON pc.id = p."classId"`;

/** A check-in `ci` that no later row corrects: the one that counts. */
export const isCurrentCheckIn = Prisma.sql`NOT EXISTS (SELECT 1 FROM "CaseCheckIn" nx WHERE nx."correctsId" = ci.id)`;

/** A check-in `ci` raising an alert: a fever at or above the threshold, or a mood in crisis. */
export function isAlertCheckIn(threshold: number): Prisma.Sql {
  return Prisma.sql`(ci.temperature >= ${threshold}::numeric OR ci.mood = 'crisis')`;
}

/** A check-in `ci` whose request for help nobody has resolved. */
export const isOpenHelp = Prisma.sql`ci."needsHelp" AND NOT EXISTS (SELECT 1 FROM "CaseEvent" he WHERE he."checkInId" = ci.id AND he.kind = 'help_resolved')`;

/** The columns of `caseItemColumns` (the person as JSON, days as to_char text; checked in tests: db/sql.ts). */
export const CaseItemRow = z.object({
  id: z.string(),
  person: CasePerson,
  reason: CaseReason,
  place: CasePlace,
  startDay: z.string(),
  plannedEndDay: z.string(),
  closedDay: z.string().nullable(),
  returnedDay: z.string().nullable(),
  outcome: CaseOutcome.nullable(),
  leadName: z.string().nullable(),
  lastCheckInDay: z.string().nullable(),
  needsHelp: z.boolean(),
  alert: z.boolean(),
});
type CaseItemRow = z.infer<typeof CaseItemRow>;

/** The columns of a `CaseListItem` over `"QuarantineCase" q` with `caseJoins`, as SQL. */
export function caseItemColumns(clock: Clock): Prisma.Sql {
  return Prisma.sql`q.id, ${casePersonJson} AS person, q.reason::text AS reason, q.place::text AS place,
    to_char(q."startDay", 'YYYY-MM-DD') AS "startDay", to_char(q."plannedEndDay", 'YYYY-MM-DD') AS "plannedEndDay",
    to_char(q."closedDay", 'YYYY-MM-DD') AS "closedDay", to_char(q."returnedDay", 'YYYY-MM-DD') AS "returnedDay", q.outcome::text AS outcome,
    (SELECT u."displayName" FROM "CaseTeamMember" t JOIN "User" u ON u.id = t."userId" WHERE t."caseId" = q.id AND t.lead LIMIT 1) AS "leadName",
    (SELECT to_char(max(ci.day), 'YYYY-MM-DD') FROM "CaseCheckIn" ci WHERE ci."caseId" = q.id) AS "lastCheckInDay",
    EXISTS (SELECT 1 FROM "CaseCheckIn" ci WHERE ci."caseId" = q.id AND ${isOpenHelp} AND ${isCurrentCheckIn}) AS "needsHelp",
    EXISTS (SELECT 1 FROM "CaseCheckIn" ci WHERE ci."caseId" = q.id AND ci.day >= ${dayParam(alertFrom(clock.today))} AND ${isAlertCheckIn(clock.threshold)} AND ${isCurrentCheckIn}) AS alert`;
}

export function toCaseListItem(row: CaseItemRow, today: string): CaseListItem {
  const status = row.closedDay ? 'closed' : 'open';
  const figures = caseDays(row, today);
  return {
    id: row.id,
    person: row.person,
    reason: row.reason,
    place: row.place,
    status,
    startDay: row.startDay,
    plannedEndDay: row.plannedEndDay,
    day: figures.day,
    of: figures.of,
    daysLeft: figures.daysLeft,
    pastPlannedEnd: status === 'open' && row.plannedEndDay < today,
    outcome: row.outcome,
    closedDay: row.closedDay,
    returnedDay: row.returnedDay,
    leadName: row.leadName,
    lastCheckInDay: row.lastCheckInDay,
    checkInState: checkInState({ status, startDay: row.startDay, lastCheckInDay: row.lastCheckInDay }, today),
    needsHelp: row.needsHelp,
    alert: row.alert,
  };
}

/** Cases in the actor's scope matching `where` (over `q`, `p`), as list items: the longest in quarantine first. */
export async function caseItems(db: Db, actor: Actor, clock: Clock, where: Prisma.Sql = Prisma.sql`TRUE`): Promise<CaseListItem[]> {
  const rows = await sqlRows(
    db,
    Prisma.sql`
    SELECT ${caseItemColumns(clock)}
    FROM "QuarantineCase" q ${caseJoins}
    WHERE ${scope.quarantineCasesSql(actor)} AND ${where}
    ORDER BY q."startDay", p."sortName", q.id`,
    { row: CaseItemRow },
  );
  return rows.map((row) => toCaseListItem(row, clock.today));
}

/** Alerts (fever or crisis) of current check-ins from the alert window, on cases in scope matching `where`: the latest first. */
export async function caseAlerts(db: Db, actor: Actor, clock: Clock, where: Prisma.Sql = Prisma.sql`TRUE`): Promise<CaseAlert[]> {
  return db.$queryRaw<CaseAlert[]>`
    SELECT q.id AS "caseId", ci.id AS "checkInId", to_char(ci.day, 'YYYY-MM-DD') AS day,
           array_remove(ARRAY[CASE WHEN ci.temperature >= ${clock.threshold}::numeric THEN 'fever' END, CASE WHEN ci.mood = 'crisis' THEN 'crisis' END], NULL) AS kinds,
           ci.temperature::float8 AS temperature, ci.mood::text AS mood, ${casePersonJson} AS person, ci."recordedByName",
           CASE WHEN q."closedDay" IS NULL THEN 'open' ELSE 'closed' END AS "caseStatus"
    FROM "CaseCheckIn" ci
    JOIN "QuarantineCase" q ON q.id = ci."caseId" ${caseJoins}
    WHERE ci.day BETWEEN ${dayParam(alertFrom(clock.today))} AND ${dayParam(clock.today)} AND ${isAlertCheckIn(clock.threshold)} AND ${isCurrentCheckIn}
      AND ${scope.quarantineCasesSql(actor)} AND ${where}
    ORDER BY ci.day DESC, ci."recordedAt" DESC, ci.id
    LIMIT 500`;
}

/** Requests for help nobody has resolved, on cases in scope matching `where`: the oldest first. */
export async function helpRequests(db: Db, actor: Actor, where: Prisma.Sql = Prisma.sql`TRUE`): Promise<HelpRequest[]> {
  const rows = await sqlRows(
    db,
    Prisma.sql`
    SELECT q.id AS "caseId", ci.id AS "checkInId", to_char(ci.day, 'YYYY-MM-DD') AS day, ${casePersonJson} AS person,
           ci."helpNeeded", ci."materialsNeeded", ci."recordedByName"
    FROM "CaseCheckIn" ci
    JOIN "QuarantineCase" q ON q.id = ci."caseId" ${caseJoins}
    WHERE ${isOpenHelp} AND ${isCurrentCheckIn} AND ${scope.quarantineCasesSql(actor)} AND ${where}
    ORDER BY ci.day, ci."recordedAt", ci.id
    LIMIT 500`,
    { row: HelpRequest },
  );
  return rows.map((row) => observerView.helpRequest(actor, row));
}
