import {
  addDays,
  areaDayStatus,
  dayInTimeZone,
  dueMinutesOf,
  dueTimesOf,
  instantOfDay,
  minutesToTimeOfDay,
  quantityProblem,
  UNIT_LABELS,
  type ComplianceHistory,
  type ComplianceQuery,
  type DisinfectionArea,
  type DisinfectionAreaInput,
  type DisinfectionAreaUpdate,
  type DisinfectionDay,
  type DisinfectionDayQuery,
  type DisinfectionGrid,
  type DisinfectionGridQuery,
  type DisinfectionLog,
  type DisinfectionLogInput,
  type DisinfectionPlan,
  type SupplyRef,
  gridDays,
  isoWeekday,
} from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../db/client.js';
import { dayParam } from '../db/day-sql.js';
import { dateColumn, dayOfColumn, todayOf } from '../db/days.js';
import { gridPage, PageSchoolsRow, pageSchoolsJson, schoolPageSql } from '../db/grid-sql.js';
import { sqlRows } from '../db/sql.js';
import { cachedAnswer, invalidateAnswers } from '../lib/answer-cache.js';
import { isUniqueViolation } from '../lib/db-errors.js';
import { ConflictError, FieldError, NotFoundError } from '../lib/errors.js';
import { recordAudit, type AuditContext } from './audit.js';
import { activeSchoolFor, actorName, assertCan, assertCanForSchool, type Actor } from './scope.js';
import { getCentre } from './settings.js';
import { appendMovements } from './supplies/ledger.js';
import { claimablePictures, picturesOf } from './uploads.js';

// 消毒 (issue 15, ADR 0023): the plan per school, the log (each entry a consumption on the school's ledger, in the
// same transaction; its reversal a reversal), today's plan vs done, compliance for the principal and the centre.

const GRID_TOPIC = 'disinfection-grid';

const itemRef = (item: { id: string; name: string; unit: keyof typeof UNIT_LABELS }): SupplyRef => ({ id: item.id, name: item.name, unit: UNIT_LABELS[item.unit]['zh-CN'] });

const areaInclude = { item: { select: { id: true, name: true, unit: true } } } as const;
type AreaRow = Prisma.DisinfectionAreaGetPayload<{ include: typeof areaInclude }>;

function areaJson(row: AreaRow): DisinfectionArea {
  return {
    id: row.id,
    schoolId: row.schoolId,
    name: row.name,
    kind: row.kind,
    dueTimes: dueTimesOf(row.dueMinutes),
    weekdays: row.weekdays,
    agent: row.agent,
    concentration: row.concentration,
    item: itemRef(row.item),
    active: row.active,
  };
}

const logInclude = {
  area: { select: { name: true, item: { select: { id: true, name: true, unit: true } } } },
  movement: { select: { balanceAfter: true } },
  reversal: { select: { balanceAfter: true } },
  pictures: { orderBy: { position: 'asc' as const }, select: { id: true, width: true, height: true, bytes: true } },
} as const;
type LogRow = Prisma.DisinfectionLogGetPayload<{ include: typeof logInclude }>;

/** The one writer of a log entry's wire shape. */
function logJson(row: LogRow): DisinfectionLog {
  return {
    id: row.id,
    schoolId: row.schoolId,
    areaId: row.areaId,
    areaName: row.area.name,
    day: dayOfColumn(row.day),
    doneAt: row.doneAt.toISOString(),
    agent: row.agent,
    concentration: row.concentration,
    amount: Number(row.amount),
    item: itemRef(row.area.item),
    contactMinutes: row.contactMinutes,
    doneBy: row.doneBy,
    recordedByName: row.recordedByName,
    reversed: row.reversalId !== null,
    reversalReason: row.reversalReason,
    balanceAfter: Number((row.reversal ?? row.movement).balanceAfter),
    pictures: picturesOf(row.pictures),
  };
}

/** The consumables a plan may use up (disinfectant, alcohol, chlorine tablets…). */
async function planItems(db: Pick<Db, 'supplyItem'>) {
  return db.supplyItem.findMany({ where: { active: true, kind: 'consumable' }, select: { id: true, name: true, unit: true }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }] });
}

export async function disinfectionPlan(db: Db, actor: Actor, schoolId: string): Promise<DisinfectionPlan> {
  const school = await activeSchoolFor(db, actor, 'disinfection.read', schoolId);
  const [centre, items, areas] = await Promise.all([
    getCentre(db),
    planItems(db),
    db.disinfectionArea.findMany({ where: { schoolId }, include: areaInclude, orderBy: [{ active: 'desc' }, { kind: 'asc' }, { name: 'asc' }] }),
  ]);
  return { school, kinds: centre.disinfectionAreaKinds, items: items.map(itemRef), areas: areas.map(areaJson) };
}

async function checkAreaFields(db: Db, fields: { kind?: string; itemId?: string }) {
  if (fields.kind !== undefined && !(await getCentre(db)).disinfectionAreaKinds.includes(fields.kind)) throw new FieldError({ kind: 'disinfection.kind_unknown' });
  if (fields.itemId !== undefined && !(await db.supplyItem.findFirst({ where: { id: fields.itemId, active: true, kind: 'consumable' }, select: { id: true } }))) {
    throw new FieldError({ itemId: 'disinfection.item_unknown' });
  }
}

function areaData(input: Partial<Pick<DisinfectionAreaInput, 'name' | 'kind' | 'dueTimes' | 'weekdays' | 'agent' | 'concentration' | 'itemId'>>) {
  return {
    name: input.name,
    kind: input.kind,
    dueMinutes: input.dueTimes ? dueMinutesOf(input.dueTimes) : undefined,
    weekdays: input.weekdays ? [...input.weekdays].sort() : undefined,
    agent: input.agent,
    concentration: input.concentration,
    itemId: input.itemId,
  };
}

export async function createArea(db: Db, actor: Actor, context: AuditContext, input: DisinfectionAreaInput): Promise<DisinfectionArea> {
  await activeSchoolFor(db, actor, 'disinfection.plan', input.schoolId);
  await checkAreaFields(db, input);
  try {
    return await db.$transaction(async (tx) => {
      const data = areaData(input);
      const row = await tx.disinfectionArea.create({ data: { ...data, name: input.name, kind: input.kind, dueMinutes: data.dueMinutes!, agent: input.agent, concentration: input.concentration, itemId: input.itemId, schoolId: input.schoolId }, include: areaInclude });
      await recordAudit(tx, context, { action: 'disinfection.area_create', entity: 'DisinfectionArea', entityId: row.id });
      return areaJson(row);
    }).finally(() => invalidateAnswers(db, GRID_TOPIC));
  } catch (error) {
    if (isUniqueViolation(error)) throw new FieldError({ name: 'disinfection.name_taken' });
    throw error;
  }
}

export async function updateArea(db: Db, actor: Actor, context: AuditContext, id: string, input: DisinfectionAreaUpdate): Promise<DisinfectionArea> {
  assertCan(actor, 'disinfection.plan');
  const existing = await db.disinfectionArea.findUnique({ where: { id }, select: { schoolId: true } });
  if (!existing) throw new NotFoundError('DisinfectionArea', id);
  assertCanForSchool(actor, 'disinfection.plan', existing.schoolId);
  await checkAreaFields(db, input);
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.disinfectionArea.update({ where: { id }, data: { ...areaData(input), active: input.active }, include: areaInclude });
      await recordAudit(tx, context, { action: 'disinfection.area_update', entity: 'DisinfectionArea', entityId: id });
      return areaJson(row);
    }).finally(() => invalidateAnswers(db, GRID_TOPIC));
  } catch (error) {
    if (isUniqueViolation(error)) throw new FieldError({ name: 'disinfection.name_taken' });
    throw error;
  }
}

/**
 * Logs a round of disinfection and books its use on the school's ledger in
 * the same transaction (refused with the current balance when the stock
 * would go below zero). The area must be in the school's plan; the time not
 * in the future nor before yesterday; pictures are the recorder's own uploads.
 */
export async function logDisinfection(db: Db, actor: Actor, context: AuditContext, input: DisinfectionLogInput): Promise<DisinfectionLog> {
  await activeSchoolFor(db, actor, 'disinfection.log', input.schoolId);
  const area = await db.disinfectionArea.findFirst({ where: { id: input.areaId, schoolId: input.schoolId, active: true }, include: { item: true } });
  if (!area) throw new FieldError({ areaId: 'disinfection.not_in_plan' });
  const problem = quantityProblem(input.amount, area.item.unit);
  if (problem) throw new FieldError({ amount: problem });
  const centre = await getCentre(db);
  const now = new Date();
  const doneAt = input.doneAt ? new Date(input.doneAt) : now;
  if (doneAt.getTime() > now.getTime() + 60_000) throw new FieldError({ doneAt: 'disinfection.done_future' });
  const day = dayInTimeZone(doneAt, centre.timeZone);
  if (day < addDays(todayOf(centre), -1)) throw new FieldError({ doneAt: 'disinfection.done_too_old' });
  const recorder = { id: actor.userId, name: await actorName(db, actor) };
  const id = await db.$transaction(async (tx) => {
    const pictureIds = await claimablePictures(tx, actor, input.pictureIds, { schoolId: input.schoolId, purpose: 'disinfection' });
    const [movement] = await appendMovements(tx, recorder, [
      { schoolId: input.schoolId, item: area.item, type: 'consumption', quantity: -input.amount, occurredAt: doneAt, note: `消毒：${area.name}`, field: 'amount' },
    ]);
    const log = await tx.disinfectionLog.create({
      data: {
        schoolId: input.schoolId, areaId: area.id, day: dateColumn(day), doneAt, agent: input.agent, concentration: input.concentration, amount: input.amount,
        contactMinutes: input.contactMinutes, doneBy: input.doneBy, movementId: movement!.id, recordedById: recorder.id, recordedByName: recorder.name,
      },
      select: { id: true },
    });
    for (const [position, pictureId] of pictureIds.entries()) await tx.upload.update({ where: { id: pictureId }, data: { disinfectionLogId: log.id, position } });
    await recordAudit(tx, context, { action: 'disinfection.log', entity: 'DisinfectionLog', entityId: log.id });
    return log.id;
  });
  invalidateAnswers(db, GRID_TOPIC);
  return logJson(await db.disinfectionLog.findUniqueOrThrow({ where: { id }, include: logInclude }));
}

/** Reverses a mistaken entry: its use comes back onto the ledger (a reversal movement); the entry stays, marked, and no longer counts as done. */
export async function reverseDisinfection(db: Db, actor: Actor, context: AuditContext, id: string, reason: string): Promise<DisinfectionLog> {
  assertCan(actor, 'disinfection.log');
  const log = await db.disinfectionLog.findUnique({ where: { id }, include: { area: { include: { item: true } }, movement: true } });
  if (!log) throw new NotFoundError('DisinfectionLog', id);
  assertCanForSchool(actor, 'disinfection.log', log.schoolId);
  if (log.reversalId) throw new ConflictError('disinfection.already_reversed');
  const recorder = { id: actor.userId, name: await actorName(db, actor) };
  try {
    await db.$transaction(async (tx) => {
      const [reversal] = await appendMovements(tx, recorder, [
        {
          schoolId: log.schoolId, item: log.area.item, type: 'reversal', quantity: -Number(log.movement.quantity), occurredAt: log.movement.occurredAt,
          reversesId: log.movementId, reversedType: 'consumption', note: reason,
        },
      ]);
      const updated = await tx.disinfectionLog.updateMany({ where: { id, reversalId: null }, data: { reversalId: reversal!.id, reversalReason: reason, reversedAt: new Date() } });
      if (!updated.count) throw new ConflictError('disinfection.already_reversed');
      await recordAudit(tx, context, { action: 'disinfection.reverse', entity: 'DisinfectionLog', entityId: id });
    });
  } catch (error) {
    // two reversals at once: the ledger's unique reversesId let one through
    if (isUniqueViolation(error)) throw new ConflictError('disinfection.already_reversed');
    throw error;
  }
  invalidateAnswers(db, GRID_TOPIC);
  return logJson(await db.disinfectionLog.findUniqueOrThrow({ where: { id }, include: logInclude }));
}

/** Minutes after midnight now, in the centre's time zone, on `today`. */
function minutesNow(today: string, timeZone: string, now = new Date()): number {
  return Math.floor((now.getTime() - instantOfDay(today, timeZone).getTime()) / 60_000);
}

/** The school's day: each area planned vs done (done, due, overdue, missed), the day's entries, compliance. */
export async function disinfectionDay(db: Db, actor: Actor, query: DisinfectionDayQuery): Promise<DisinfectionDay> {
  const school = await activeSchoolFor(db, actor, 'disinfection.read', query.schoolId);
  const centre = await getCentre(db);
  const today = todayOf(centre);
  const day = query.day && query.day < today ? query.day : today;
  const [areas, logs] = await Promise.all([
    db.disinfectionArea.findMany({ where: { schoolId: school.id, active: true }, include: areaInclude, orderBy: [{ kind: 'asc' }, { name: 'asc' }] }),
    db.disinfectionLog.findMany({ where: { schoolId: school.id, day: dateColumn(day) }, include: logInclude, orderBy: [{ doneAt: 'desc' }, { id: 'asc' }] }),
  ]);
  const doneBy = new Map<string, number>();
  for (const log of logs) if (!log.reversalId) doneBy.set(log.areaId, (doneBy.get(log.areaId) ?? 0) + 1);
  const nowMinutes = minutesNow(today, centre.timeZone);
  const rows = areas
    .filter((area) => dayInTimeZone(area.createdAt, centre.timeZone) <= day)
    .map((area) => {
      const done = doneBy.get(area.id) ?? 0;
      const status = areaDayStatus(area, isoWeekday(day), done, day === today ? 'today' : 'past', nowMinutes);
      return { area: areaJson(area), planned: status.planned, done, status: status.status, nextDue: status.nextDue === null ? null : minutesToTimeOfDay(status.nextDue) };
    });
  return {
    day,
    today,
    school,
    areas: rows,
    logs: logs.map(logJson),
    compliance: { planned: rows.reduce((sum, row) => sum + row.planned, 0), done: rows.reduce((sum, row) => sum + Math.min(row.done, row.planned), 0) },
  };
}

const GridRow = PageSchoolsRow.extend({
  cells: z.array(z.object({ key: z.string(), planned: z.number().int(), done: z.number().int() })),
  today: z.array(z.object({ schoolId: z.string(), schoolName: z.string(), name: z.string(), dueMinutes: z.array(z.number().int()), weekdays: z.array(z.number().int()), done: z.number().int() })),
});

/**
 * Compliance (rounds done / planned, each area counted up to its plan) per
 * school per day for one page of schools (or one school), and, given the
 * page's `today`, every active school's areas of today to find the overdue
 * ones, in one query: the principal's history and the centre's grid read the
 * same numbers. An area counts from the day it was added; a retired area no
 * longer counts.
 */
async function complianceCells(db: Db, timeZone: string, from: string, to: string, schools: { schoolId: string } | { page: number; today: string | null }) {
  const page = 'schoolId' in schools ? schoolPageSql(1, Prisma.sql`AND s.id = ${schools.schoolId}::uuid`) : schoolPageSql(schools.page);
  const today = 'today' in schools ? schools.today : null;
  const sinceOf = (area: Prisma.Sql) => Prisma.sql`(${area}."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${timeZone})::date`;
  const [row] = await sqlRows(
    db,
    Prisma.sql`
    WITH page AS (${page}),
    days AS (SELECT d::date AS day FROM generate_series(${dayParam(from)}, ${dayParam(to)}, interval '1 day') d),
    areas AS (
      SELECT a.id, a."schoolId", a.name, a."dueMinutes", a.weekdays, ${sinceOf(Prisma.sql`a`)} AS since
      FROM "DisinfectionArea" a JOIN page s ON s.id = a."schoolId"
      WHERE a.active),
    done AS (
      SELECT l."areaId", l.day, count(*)::int AS n FROM "DisinfectionLog" l JOIN areas a ON a.id = l."areaId"
      WHERE l.day BETWEEN ${dayParam(from)} AND ${dayParam(to)} AND l."reversalId" IS NULL GROUP BY l."areaId", l.day),
    cells AS (
      SELECT a."schoolId", d.day, sum(cardinality(a."dueMinutes"))::int AS planned, sum(least(coalesce(done.n, 0), cardinality(a."dueMinutes")))::int AS done
      FROM areas a
      JOIN days d ON a.since <= d.day AND (cardinality(a.weekdays) = 0 OR extract(isodow FROM d.day)::int = ANY (a.weekdays))
      LEFT JOIN done ON done."areaId" = a.id AND done.day = d.day
      GROUP BY a."schoolId", d.day)
    SELECT ${pageSchoolsJson},
           (SELECT coalesce(json_agg(json_build_object('key', c."schoolId" || '|' || to_char(c.day, 'YYYY-MM-DD'), 'planned', c.planned, 'done', c.done)), '[]') FROM cells c) AS cells,
           ${
             today
               ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('schoolId', a."schoolId", 'schoolName', s.name, 'name', a.name, 'dueMinutes', a."dueMinutes", 'weekdays', a.weekdays, 'done', coalesce(td.n, 0)) ORDER BY s.code), '[]')
                 FROM "DisinfectionArea" a JOIN "School" s ON s.id = a."schoolId" AND s.active
                 LEFT JOIN (SELECT l."areaId", count(*)::int AS n FROM "DisinfectionLog" l WHERE l.day = ${dayParam(today)} AND l."reversalId" IS NULL GROUP BY l."areaId") td ON td."areaId" = a.id
                 WHERE a.active AND ${sinceOf(Prisma.sql`a`)} <= ${dayParam(today)})`
               : Prisma.sql`'[]'::json`
           } AS today`,
    { row: GridRow },
  );
  return row!;
}

/** The principal's compliance by day. */
export async function complianceHistory(db: Db, actor: Actor, query: ComplianceQuery): Promise<ComplianceHistory> {
  await activeSchoolFor(db, actor, 'disinfection.read', query.schoolId);
  const centre = await getCentre(db);
  const today = todayOf(centre);
  const days = gridDays(today, undefined, query.days);
  const grid = await complianceCells(db, centre.timeZone, days[0]!, today, { schoolId: query.schoolId });
  const cells = new Map(grid.cells.map((cell) => [cell.key, cell]));
  return { days: days.map((day) => ({ day, planned: cells.get(`${query.schoolId}|${day}`)?.planned ?? 0, done: cells.get(`${query.schoolId}|${day}`)?.done ?? 0 })) };
}

/** The centre's view: compliance per school per day, and the schools with an area overdue today. */
export async function disinfectionGrid(db: Db, actor: Actor, query: DisinfectionGridQuery): Promise<DisinfectionGrid> {
  assertCan(actor, 'disinfection.grid');
  // shared by the centre's readers for a few seconds; an entry or a plan change made here drops it (lib/answer-cache.ts)
  return cachedAnswer(db, GRID_TOPIC, `${query.to ?? ''}|${query.days}|${query.page}`, 5_000, () => computeDisinfectionGrid(db, query));
}

async function computeDisinfectionGrid(db: Db, query: DisinfectionGridQuery): Promise<DisinfectionGrid> {
  const centre = await getCentre(db);
  const today = todayOf(centre);
  const days = gridDays(today, query.to, query.days);
  const grid = await complianceCells(db, centre.timeZone, days[0]!, days.at(-1)!, { page: query.page, today: days.at(-1) === today ? today : null });
  const cells = new Map(grid.cells.map((cell) => [cell.key, cell]));
  const nowMinutes = minutesNow(today, centre.timeZone);
  const weekday = isoWeekday(today);
  // every school's (by code), not only this page's: the list of schools to chase today
  const overdue = new Map<string, { name: string; areas: string[] }>();
  for (const area of grid.today) {
    if (areaDayStatus(area, weekday, area.done, 'today', nowMinutes).status !== 'overdue') continue;
    const school = overdue.get(area.schoolId) ?? { name: area.schoolName, areas: [] };
    overdue.set(area.schoolId, { ...school, areas: [...school.areas, area.name] });
  }
  return {
    days,
    today,
    schools: grid.schools.map((school) => ({
      ...school,
      cells: days.map((day) => ({ day, planned: cells.get(`${school.schoolId}|${day}`)?.planned ?? 0, done: cells.get(`${school.schoolId}|${day}`)?.done ?? 0 })),
    })),
    overdueToday: [...overdue].map(([schoolId, school]) => ({ schoolId, name: school.name, areas: school.areas.sort() })),
    ...gridPage(query.page, grid.total),
  };
}
