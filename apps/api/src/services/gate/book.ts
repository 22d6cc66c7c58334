import ExcelJS from 'exceljs';
import {
  addDays,
  GateCounts,
  type GateCounts as GateCountsType,
  type GateAlerts,
  type GateAlertsQuery,
  type GateApproval,
  type GateApprovalInput,
  type GateApprovalList,
  type GateApprovalsQuery,
  type GateCountsGrid,
  type GateCountsQuery,
  type GateRegisterFilters,
  type GateRegisterPage,
  type GateRegisterQuery,
  type GateSettingsInput,
} from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { dayParam } from '../../db/day-sql.js';
import { dateColumn, dayOfColumn, todayOf } from '../../db/days.js';
import { sqlRows } from '../../db/sql.js';
import { FieldError, NotFoundError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { actorName, assertCan, assertCanForSchool, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';
import { entryInclude, gateEntryJson, gateSchool } from './common.js';

// The gate's book (ADR 0022): the principal's register by day, its export, the centre's counts, refusal alerts,
// closed campus and pre-approvals, and the register's retention (counts kept, names deleted).

function registerWhere(filters: GateRegisterFilters): Prisma.GateEntryWhereInput {
  const q = filters.q?.trim() ?? '';
  return {
    schoolId: filters.schoolId,
    day: dateColumn(filters.day),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.state === 'refused' ? { refusal: { not: null } } : filters.state === 'allowed' ? { refusal: null } : filters.state === 'inside' ? { refusal: null, kind: 'visitor', outAt: null } : {}),
    ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' as const } }, { organisation: { contains: q, mode: 'insensitive' as const } }] } : {}),
  };
}

/** A day's register of a school, filtered, a page at a time (the cursor is the offset). `purged`: the day is past retention, only its counts are kept. */
export async function gateRegister(db: Db, actor: Actor, query: GateRegisterQuery): Promise<GateRegisterPage> {
  await gateSchool(db, actor, 'gate.book', query.schoolId);
  const centre = await getCentre(db);
  const offset = query.cursor && /^\d{1,6}$/.test(query.cursor) ? Number(query.cursor) : 0;
  const where = registerWhere(query);
  const [rows, total] = await Promise.all([
    db.gateEntry.findMany({ where, include: entryInclude, orderBy: [{ inAt: 'desc' }, { id: 'asc' }], skip: offset, take: query.limit }),
    db.gateEntry.count({ where }),
  ]);
  return {
    items: rows.map((row) => gateEntryJson(row)),
    nextCursor: offset + rows.length < total ? String(offset + rows.length) : null,
    total,
    purged: query.day < addDays(todayOf(centre), -centre.gateRetentionDays),
  };
}

const KIND_WORDS = { visitor: '外来人员', person: '本校师生' } as const;
const REFUSAL_WORDS = { fever: '体温异常', answer: '询问异常', closed: '封闭管理' } as const;

/** The day's register as .xlsx for the principal (phones in full: audited). */
export async function exportGateRegister(db: Db, actor: Actor, context: AuditContext, filters: GateRegisterFilters): Promise<Buffer> {
  const school = await gateSchool(db, actor, 'gate.export', filters.schoolId);
  const centre = await getCentre(db);
  const rows = await db.gateEntry.findMany({ where: registerWhere(filters), include: entryInclude, orderBy: [{ inAt: 'asc' }, { id: 'asc' }] });
  await recordAudit(db, context, { action: 'gate.export', entity: 'School', entityId: school.id, details: { rows: rows.length } });
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone: centre.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('校门登记');
  sheet.addRow([`${school.name} 校门出入登记 ${filters.day}`]).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const columns = ['进校时间', '类别', '姓名', '班级', '电话', '单位', '事由', '被访人', '体温(℃)', '询问', '结果', '离校时间', '登记人'];
  sheet.addRow(columns).font = { bold: true };
  for (const row of rows) {
    const entry = gateEntryJson(row, { fullPhone: true });
    sheet.addRow([
      time.format(row.inAt),
      KIND_WORDS[entry.kind],
      entry.name,
      entry.classLabel ?? '',
      entry.phone ?? '',
      entry.organisation ?? '',
      entry.reason ?? '',
      entry.visiting ?? '',
      entry.temperature,
      entry.answers.map((answer) => `${answer.question}：${answer.yes ? '是' : '否'}`).join('；'),
      entry.refusal ? `拒绝入校（${REFUSAL_WORDS[entry.refusal]}${entry.refusalDetail ? `：${entry.refusalDetail}` : ''}）` : entry.approved ? '准入（预约）' : '准入',
      row.outAt ? time.format(row.outAt) : '',
      entry.recordedByName,
    ]);
  }
  sheet.columns.forEach((column, index) => (column.width = [8, 10, 10, 12, 14, 16, 16, 10, 8, 40, 22, 8, 10][index]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const CountsRow = z.object({
  schools: z.array(z.object({ schoolId: z.string(), code: z.string(), name: z.string(), closed: z.boolean() })),
  cells: z.array(GateCounts.extend({ key: z.string() })),
});

/** The day's figures of one school as SQL over "GateEntry" e (the one definition; the retention job keeps the same). */
const COUNT_COLUMNS = Prisma.sql`
  count(*) FILTER (WHERE e.kind = 'visitor')::int AS visitors,
  count(*) FILTER (WHERE e.kind = 'visitor' AND e.refusal IS NOT NULL)::int AS "visitorsRefused",
  count(*) FILTER (WHERE e.kind = 'person')::int AS people,
  count(*) FILTER (WHERE e.kind = 'person' AND e.refusal IS NOT NULL)::int AS "peopleRefused",
  count(*) FILTER (WHERE e.refusal = 'fever')::int AS fever,
  count(*) FILTER (WHERE e.refusal = 'answer')::int AS answer,
  count(*) FILTER (WHERE e.refusal = 'closed')::int AS closed`;

/** Schools × days: visitors and refusals at each gate (the register's days, and the counts kept of purged days). One query. */
export async function gateCounts(db: Db, actor: Actor, query: GateCountsQuery): Promise<GateCountsGrid> {
  assertCan(actor, 'gate.counts');
  const today = todayOf(await getCentre(db));
  const to = query.to && query.to < today ? query.to : today;
  const days = Array.from({ length: query.days }, (_, index) => addDays(to, index - query.days + 1));
  const from = dayParam(days[0]!);
  const [grid] = await sqlRows(
    db,
    Prisma.sql`
    SELECT (SELECT coalesce(json_agg(json_build_object('schoolId', s.id, 'code', s.code, 'name', s.name, 'closed', s."gateClosed") ORDER BY s.code), '[]')
            FROM "School" s WHERE s.active) AS schools,
           (SELECT coalesce(json_agg(json_build_object('key', c."schoolId" || '|' || to_char(c.day, 'YYYY-MM-DD'), 'visitors', c.visitors, 'visitorsRefused', c."visitorsRefused",
                     'people', c.people, 'peopleRefused', c."peopleRefused", 'fever', c.fever, 'answer', c.answer, 'closed', c.closed)), '[]')
            FROM (SELECT e."schoolId", e.day, ${COUNT_COLUMNS} FROM "GateEntry" e WHERE e.day BETWEEN ${from} AND ${dayParam(to)} GROUP BY e."schoolId", e.day
                  UNION ALL
                  SELECT k."schoolId", k.day, k.visitors, k."visitorsRefused", k.people, k."peopleRefused", k.fever, k.answer, k.closed
                  FROM "GateDayCount" k WHERE k.day BETWEEN ${from} AND ${dayParam(to)}) c) AS cells`,
    { row: CountsRow },
  );
  const fields = Object.keys(GateCounts.shape) as (keyof GateCountsType)[];
  const zero = Object.fromEntries(fields.map((field) => [field, 0])) as GateCountsType;
  const cells = new Map<string, GateCountsType>();
  for (const { key, ...counts } of grid!.cells) {
    const sum = cells.get(key) ?? { ...zero };
    for (const field of fields) sum[field] += counts[field];
    cells.set(key, sum);
  }
  return {
    days,
    today,
    schools: grid!.schools.map((school) => ({ ...school, cells: days.map((day) => ({ day, ...(cells.get(`${school.schoolId}|${day}`) ?? zero) })) })),
  };
}

/**
 * Refusals not yet seen: a principal's of their school (every reason), the
 * centre's fevers of every school (or of one school).
 */
export async function gateAlerts(db: Db, actor: Actor, query: GateAlertsQuery): Promise<GateAlerts> {
  const reach = assertCan(actor, 'gate.alerts');
  const township = reach === 'township';
  const schoolId = township ? query.schoolId : (actor.schoolId ?? '');
  if (schoolId) assertCanForSchool(actor, 'gate.alerts', schoolId);
  const rows = await db.gateEntry.findMany({
    where: { ...(schoolId ? { schoolId } : {}), ...(township ? { refusal: 'fever', centreSeenAt: null } : { refusal: { not: null }, schoolSeenAt: null }) },
    include: { ...entryInclude, school: { select: { name: true } } },
    orderBy: [{ inAt: 'desc' }, { id: 'asc' }],
    take: 50,
  });
  return { items: rows.map((row) => ({ ...gateEntryJson(row), schoolName: row.school.name })) };
}

/** The alert of a refusal is seen: by the school (principal), or by the centre. */
export async function markGateAlertSeen(db: Db, actor: Actor, context: AuditContext, id: string): Promise<{ ok: true }> {
  const reach = assertCan(actor, 'gate.alerts');
  const entry = await db.gateEntry.findUnique({ where: { id }, select: { schoolId: true, refusal: true } });
  if (!entry || !entry.refusal) throw new NotFoundError('GateEntry', id);
  assertCanForSchool(actor, 'gate.alerts', entry.schoolId);
  await db.$transaction(async (tx) => {
    await tx.gateEntry.update({ where: { id }, data: reach === 'township' ? { centreSeenAt: new Date() } : { schoolSeenAt: new Date() } });
    await recordAudit(tx, context, { action: 'gate.alert_seen', entity: 'GateEntry', entityId: id });
  });
  return { ok: true };
}

/** 封闭管理 on or off for a school. */
export async function setGateClosed(db: Db, actor: Actor, context: AuditContext, input: GateSettingsInput): Promise<{ closed: boolean }> {
  const school = await gateSchool(db, actor, 'gate.approve', input.schoolId);
  await db.$transaction(async (tx) => {
    await tx.school.update({ where: { id: school.id }, data: { gateClosed: input.closed } });
    await recordAudit(tx, context, { action: input.closed ? 'gate.close' : 'gate.open', entity: 'School', entityId: school.id });
  });
  return { closed: input.closed };
}

function approvalJson(row: { id: string; day: Date; name: string; reason: string; createdBy: string; _count: { entries: number } }): GateApproval {
  return { id: row.id, day: dayOfColumn(row.day), name: row.name, reason: row.reason, createdBy: row.createdBy, used: row._count.entries > 0 };
}

/** The school's pre-approved visitors from a day on (default today), for a closed campus. */
export async function gateApprovals(db: Db, actor: Actor, query: GateApprovalsQuery): Promise<GateApprovalList> {
  await gateSchool(db, actor, 'gate.approve', query.schoolId);
  const from = query.from ?? todayOf(await getCentre(db));
  const rows = await db.gateApproval.findMany({
    where: { schoolId: query.schoolId, day: { gte: dateColumn(from) } },
    include: { _count: { select: { entries: true } } },
    orderBy: [{ day: 'asc' }, { createdAt: 'asc' }],
    take: 200,
  });
  return { items: rows.map(approvalJson) };
}

/** A visitor the principal lets in on a closed campus, for today or a later day (up to 30 days ahead). */
export async function createGateApproval(db: Db, actor: Actor, context: AuditContext, input: GateApprovalInput): Promise<GateApproval> {
  const school = await gateSchool(db, actor, 'gate.approve', input.schoolId);
  const today = todayOf(await getCentre(db));
  if (input.day < today) throw new FieldError({ day: 'gate.approval_past' });
  if (input.day > addDays(today, 30)) throw new FieldError({ day: 'gate.approval_too_far' });
  const createdBy = await actorName(db, actor);
  return db.$transaction(async (tx) => {
    const row = await tx.gateApproval.create({
      data: { schoolId: school.id, day: dateColumn(input.day), name: input.name, reason: input.reason, createdById: actor.userId, createdBy },
      include: { _count: { select: { entries: true } } },
    });
    await recordAudit(tx, context, { action: 'gate.approve', entity: 'GateApproval', entityId: row.id });
    return approvalJson(row);
  });
}

/** Withdraws a pre-approval (a visitor already let in with it keeps their entry). */
export async function deleteGateApproval(db: Db, actor: Actor, context: AuditContext, id: string): Promise<{ ok: true }> {
  assertCan(actor, 'gate.approve');
  const row = await db.gateApproval.findUnique({ where: { id }, select: { schoolId: true } });
  if (!row) throw new NotFoundError('GateApproval', id);
  assertCanForSchool(actor, 'gate.approve', row.schoolId);
  await db.$transaction(async (tx) => {
    await tx.gateApproval.delete({ where: { id } });
    await recordAudit(tx, context, { action: 'gate.approval_withdraw', entity: 'GateApproval', entityId: id });
  });
  return { ok: true };
}

/**
 * Retention (issue 15): the register of a day older than the centre's
 * gateRetentionDays is deleted, its counts kept in GateDayCount (added to, so
 * a day purged in two runs still counts everyone), and old pre-approvals go
 * with it. One transaction, one audit row with the counts; run by the hourly
 * housekeeping. Returns the entries deleted.
 */
export async function purgeGateRegister(db: Db): Promise<number> {
  const centre = await getCentre(db);
  const before = dayParam(addDays(todayOf(centre), -centre.gateRetentionDays));
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72616403)`;
    await tx.$executeRaw`
      INSERT INTO "GateDayCount" ("schoolId", day, visitors, "visitorsRefused", people, "peopleRefused", fever, answer, closed)
      SELECT e."schoolId", e.day, ${COUNT_COLUMNS} FROM "GateEntry" e WHERE e.day < ${before} GROUP BY e."schoolId", e.day
      ON CONFLICT ("schoolId", day) DO UPDATE SET visitors = "GateDayCount".visitors + excluded.visitors,
        "visitorsRefused" = "GateDayCount"."visitorsRefused" + excluded."visitorsRefused", people = "GateDayCount".people + excluded.people,
        "peopleRefused" = "GateDayCount"."peopleRefused" + excluded."peopleRefused", fever = "GateDayCount".fever + excluded.fever,
        answer = "GateDayCount".answer + excluded.answer, closed = "GateDayCount".closed + excluded.closed`;
    const entries = await tx.$executeRaw`DELETE FROM "GateEntry" e WHERE e.day < ${before}`;
    const approvals = await tx.$executeRaw`DELETE FROM "GateApproval" a WHERE a.day < ${before}`;
    if (entries || approvals) {
      await recordAudit(tx, { actor: null, ip: null, username: 'housekeeping' }, { action: 'gate.purge', entity: 'GateEntry', details: { entries, approvals, retentionDays: centre.gateRetentionDays } });
    }
    return entries;
  });
}
