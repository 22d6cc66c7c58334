/**
 * The daily views of the cases: "to check in today" for the actor, the
 * principal's school, the centre's overview, the alert list.
 */
import { addDays, compareForCheckIn, type CaseAlertList, type CentreCasesOverview, type CheckInTodayList, type SchoolCasesView } from '@campus/shared';
import { Prisma } from '../../generated/prisma/client.js';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { sqlRows } from '../../db/sql.js';
import { ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { dayParam } from '../../db/day-sql.js';
import { assertCan, scope, type Actor } from '../scope.js';
import { alertFrom, caseAlerts, caseItems, clockOf, helpRequests } from './common.js';

/**
 * The open cases the actor checks in on (a team member: their teams'; a
 * principal: the school's and their teams'; the centre: all) that have no
 * check-in today, overdue ones (a past day went without) first.
 */
export async function checkInsToday(db: Db, actor: Actor): Promise<CheckInTodayList> {
  if (actor.role === 'observer' || actor.role === 'gate_duty') throw new ForbiddenError();
  const clock = await clockOf(db);
  const open = await caseItems(db, actor, clock, Prisma.sql`q."closedDay" IS NULL`);
  const counts = { open: open.length, done: 0, due: 0, overdue: 0 };
  for (const item of open) counts[item.checkInState] += 1;
  const items = open.filter((item) => item.checkInState !== 'done').sort((a, b) => compareForCheckIn({ ...a, name: a.person.name }, { ...b, name: b.person.name }));
  return { today: clock.today, counts, items };
}

/** The principal's view of their school (the centre and observers: any school): open and closed cases, help asked for, alerts. */
export async function schoolCases(db: Db, actor: Actor, query: { schoolId?: string }): Promise<SchoolCasesView> {
  assertCan(actor, 'case.school');
  const schoolId = query.schoolId ?? actor.schoolId;
  if (!schoolId) throw new NotFoundError('School');
  const school = await db.school.findFirst({ where: { AND: [{ id: schoolId }, scope.schools(actor)] }, select: { id: true, code: true, name: true } });
  if (!school) throw new NotFoundError('School', schoolId);
  const clock = await clockOf(db);
  const ofSchool = Prisma.sql`q."schoolId" = ${school.id}::uuid`;
  const [items, help, alerts] = await Promise.all([caseItems(db, actor, clock, ofSchool), helpRequests(db, actor, ofSchool), caseAlerts(db, actor, clock, ofSchool)]);
  const open = items.filter((item) => item.status === 'open');
  // Closed: the latest first.
  const closed = items.filter((item) => item.status === 'closed').sort((a, b) => b.closedDay!.localeCompare(a.closedDay!) || a.person.name.localeCompare(b.person.name));
  return {
    today: clock.today,
    school,
    counts: {
      open: open.length,
      newToday: items.filter((item) => item.startDay === clock.today).length,
      releasedToday: closed.filter((item) => item.closedDay === clock.today && (item.outcome === 'released' || item.outcome === 'released_early')).length,
      closed: closed.length,
      needsHelp: help.length,
      alerts: alerts.length,
    },
    open,
    closed,
    help,
    alerts,
  };
}

/** The overview statement's row: per-school int4 counts and the open cases per day, as JSON (checked in tests: db/sql.ts). */
const OverviewRow = z.object({
  schools: z.array(
    z.object({ schoolId: z.string(), code: z.string(), name: z.string(), open: z.number().int(), newToday: z.number().int(), releasedToday: z.number().int(), needsHelp: z.number().int() }),
  ),
  openByDay: z.array(z.object({ day: z.string(), open: z.number().int() })),
});

/** The centre's overview: open cases per school, new and released today, open cases on each of the last `days` days, alerts. */
export async function centreOverview(db: Db, actor: Actor, query: { days: number }): Promise<CentreCasesOverview> {
  assertCan(actor, 'case.overview');
  const clock = await clockOf(db);
  const today = dayParam(clock.today);
  const from = dayParam(addDays(clock.today, -(query.days - 1)));
  const [[row], alerts] = await Promise.all([
    sqlRows(
      db,
      Prisma.sql`
      SELECT
        (SELECT coalesce(json_agg(x ORDER BY x.code), '[]') FROM (
           SELECT s.id AS "schoolId", s.code, s.name,
                  count(q.id) FILTER (WHERE q."closedDay" IS NULL)::int AS open,
                  count(q.id) FILTER (WHERE q."startDay" = ${today})::int AS "newToday",
                  count(q.id) FILTER (WHERE q."closedDay" = ${today} AND q.outcome IN ('released', 'released_early'))::int AS "releasedToday",
                  (SELECT count(*)::int FROM "CaseCheckIn" ci JOIN "QuarantineCase" hq ON hq.id = ci."caseId"
                    WHERE hq."schoolId" = s.id AND ci."needsHelp"
                      AND NOT EXISTS (SELECT 1 FROM "CaseEvent" he WHERE he."checkInId" = ci.id AND he.kind = 'help_resolved')
                      AND NOT EXISTS (SELECT 1 FROM "CaseCheckIn" nx WHERE nx."correctsId" = ci.id)) AS "needsHelp"
           FROM "School" s LEFT JOIN "QuarantineCase" q ON q."schoolId" = s.id
           WHERE s.active
           GROUP BY s.id) x) AS schools,
        (SELECT json_agg(json_build_object('day', to_char(d.day, 'YYYY-MM-DD'), 'open',
                  (SELECT count(*)::int FROM "QuarantineCase" q WHERE q."startDay" <= d.day AND (q."closedDay" IS NULL OR q."closedDay" > d.day)))
                ORDER BY d.day)
           FROM generate_series(${from}, ${today}, interval '1 day') AS d(day)) AS "openByDay"`,
      { row: OverviewRow },
    ),
    caseAlerts(db, actor, clock),
  ]);
  const alertsBySchool = new Map<string, number>();
  for (const alert of alerts) alertsBySchool.set(alert.person.schoolId, (alertsBySchool.get(alert.person.schoolId) ?? 0) + 1);
  const schools = row!.schools.map((school) => ({ ...school, alerts: alertsBySchool.get(school.schoolId) ?? 0 }));
  const sum = (field: 'open' | 'newToday' | 'releasedToday' | 'needsHelp') => schools.reduce((total, school) => total + school[field], 0);
  return {
    today: clock.today,
    totals: { open: sum('open'), newToday: sum('newToday'), releasedToday: sum('releasedToday'), needsHelp: sum('needsHelp'), alerts: alerts.length },
    schools,
    openByDay: row!.openByDay,
    alerts,
  };
}

/** Fevers and crises of the last few days on the cases the actor can see (principal: their school; centre: all). */
export async function listAlerts(db: Db, actor: Actor): Promise<CaseAlertList> {
  const clock = await clockOf(db);
  return { today: clock.today, from: alertFrom(clock.today), items: await caseAlerts(db, actor, clock) };
}
