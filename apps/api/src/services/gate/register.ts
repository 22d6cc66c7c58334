import { gateDecision, gradeLabel, type GateEntry, type GatePeople, type GatePeopleQuery, type GatePersonInput, type GateSignOutInput, type GateToday, type GateVisitorInput } from '@campus/shared';
import crypto from 'node:crypto';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import { sqlRows } from '../../db/sql.js';
import type { Db } from '../../db/client.js';
import { dayParam } from '../../db/day-sql.js';
import { dateColumn, dayOfColumn, todayOf } from '../../db/days.js';
import { isUniqueViolation } from '../../lib/db-errors.js';
import { ConflictError, FieldError, NotFoundError } from '../../lib/errors.js';
import { auditStatement, recordAudit, type AuditContext } from '../audit.js';
import { recordGateFever } from '../follow-ups/follow-ups.js';
import { likePattern, searchPattern } from '../people/keys.js';
import { actorName, assertCanForSchool, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';
import { entryInclude, gateEntryJson, gateSchool, type EntryRow } from './common.js';

// 一问二测三登记 at the gate (issue 15, ADR 0022): the day at the gate, registering visitors and returning people, signing out.

/** Today at the school's gate: the rules in force, today's approvals, and everyone registered, in the order they came. */
export async function gateToday(db: Db, actor: Actor, schoolId: string): Promise<GateToday> {
  const school = await gateSchool(db, actor, 'gate.today', schoolId);
  const centre = await getCentre(db);
  const day = todayOf(centre);
  const [entries, approvals] = await Promise.all([
    db.gateEntry.findMany({ where: { schoolId, day: dateColumn(day) }, include: entryInclude, orderBy: [{ inAt: 'desc' }, { id: 'asc' }] }),
    db.gateApproval.findMany({ where: { schoolId, day: dateColumn(day) }, include: { _count: { select: { entries: true } } }, orderBy: { createdAt: 'asc' } }),
  ]);
  const list = entries.map((row) => gateEntryJson(row));
  const visitors = list.filter((entry) => entry.kind === 'visitor');
  return {
    day,
    school: { id: school.id, name: school.name },
    closed: school.gateClosed,
    feverThreshold: Number(centre.feverThreshold),
    questions: centre.gateQuestions,
    retentionDays: centre.gateRetentionDays,
    approvals: approvals.map((approval) => ({ id: approval.id, day: dayOfColumn(approval.day), name: approval.name, reason: approval.reason, createdBy: approval.createdBy, used: approval._count.entries > 0 })),
    inside: visitors.filter((entry) => !entry.refusal && !entry.outAt),
    left: visitors.filter((entry) => !entry.refusal && entry.outAt),
    refused: list.filter((entry) => entry.refusal),
    people: list.filter((entry) => entry.kind === 'person' && !entry.refusal),
  };
}

/** What registering a visitor reads first, in one statement: the school (with its switch), the recorder's name, whether the pre-approval is today's. */
const VisitorContextRow = z.object({ schoolId: z.string(), closed: z.boolean(), byName: z.string().nullable(), approved: z.boolean(), resent: z.boolean() });
const InsertedRow = z.object({ id: z.string() });

/** The entry a resend of a registration (the same Idempotency-Key from the same account) answers with, if there is one. */
async function registeredBefore(db: Db, actor: Actor, saveKey: string | null): Promise<GateEntry | null> {
  if (!saveKey) return null;
  const row = await db.gateEntry.findUnique({ where: { recordedById_saveKey: { recordedById: actor.userId, saveKey } }, include: entryInclude });
  return row ? gateEntryJson(row) : null;
}

/**
 * Registers a visitor: the centre's questions answered in their order, the
 * temperature, and the decision by the one rule (`gateDecision`): a fever, a
 * "yes", or a closed campus without today's pre-approval refuses. Stored with
 * the questions as asked; audited. The gate's hottest write (25 gates at
 * once in the morning): two statements on the hot pool, one read (the school,
 * the approval, a resend) and one insert that writes its audit row in the
 * same statement (atomic without an interactive transaction). A resend with
 * the same `saveKey` answers with the entry the first request registered.
 */
export async function registerVisitor(db: Db, actor: Actor, context: AuditContext, input: GateVisitorInput, saveKey: string | null = null): Promise<GateEntry> {
  assertCanForSchool(actor, 'gate.register', input.schoolId);
  const centre = await getCentre(db);
  const day = todayOf(centre);
  const [found] = await sqlRows(
    db,
    Prisma.sql`
    SELECT s.id AS "schoolId", s."gateClosed" AS closed, (SELECT u."displayName" FROM "User" u WHERE u.id = ${actor.userId}::uuid) AS "byName",
           ${input.approvalId ? Prisma.sql`EXISTS (SELECT 1 FROM "GateApproval" a WHERE a.id = ${input.approvalId}::uuid AND a."schoolId" = s.id AND a.day = ${dayParam(day)})` : Prisma.sql`FALSE`} AS approved,
           ${saveKey ? Prisma.sql`EXISTS (SELECT 1 FROM "GateEntry" e WHERE e."recordedById" = ${actor.userId}::uuid AND e."saveKey" = ${saveKey})` : Prisma.sql`FALSE`} AS resent
    FROM "School" s WHERE s.id = ${input.schoolId}::uuid AND s.active`,
    { row: VisitorContextRow },
  );
  if (!found) throw new NotFoundError('School', input.schoolId);
  if (found.resent) return (await registeredBefore(db, actor, saveKey))!;
  if (input.answers.length !== centre.gateQuestions.length) throw new FieldError({ answers: 'gate.answers_count' });
  if (input.approvalId && !found.approved) throw new FieldError({ approvalId: 'gate.approval_unknown' });
  const answers = centre.gateQuestions.map((question, index) => ({ question, yes: input.answers[index]! }));
  const decision = gateDecision({ kind: 'visitor', temperature: input.temperature, answers, closed: found.closed, approved: input.approvalId !== null, feverThreshold: Number(centre.feverThreshold) });
  const row: EntryRow = {
    id: crypto.randomUUID(), schoolId: found.schoolId, day: dateColumn(day), kind: 'visitor', name: input.name, phone: input.phone, organisation: input.organisation,
    reason: input.reason, visiting: input.visiting, answers, approvalId: input.approvalId, personId: null, temperature: new Prisma.Decimal(input.temperature),
    refusal: decision.refusal, refusalDetail: decision.detail, inAt: new Date(), outAt: null, followUpId: null, recordedById: actor.userId,
    recordedByName: found.byName ?? actor.username, schoolSeenAt: null, centreSeenAt: null, saveKey, person: null,
  };
  const audit = auditStatement(context, { action: decision.refusal ? 'gate.refuse' : 'gate.admit', entity: 'GateEntry', entityId: row.id });
  const inserted = await sqlRows(
    db,
    Prisma.sql`
    WITH entry AS (
      INSERT INTO "GateEntry" (id, "schoolId", day, kind, name, phone, organisation, reason, visiting, answers, "approvalId", temperature, refusal, "refusalDetail", "inAt", "recordedById", "recordedByName", "saveKey")
      VALUES (${row.id}::uuid, ${row.schoolId}::uuid, ${dayParam(day)}, 'visitor', ${row.name}, ${row.phone}, ${row.organisation}, ${row.reason}, ${row.visiting}, ${JSON.stringify(answers)}::jsonb,
              ${row.approvalId}::uuid, ${input.temperature}::numeric, ${row.refusal}::"GateRefusal", ${row.refusalDetail}, ${row.inAt}::timestamp, ${row.recordedById}::uuid, ${row.recordedByName}, ${saveKey}::text)
      ON CONFLICT ("recordedById", "saveKey") DO NOTHING
      RETURNING id
    ), audit AS (${audit} FROM entry)
    SELECT id FROM entry`,
    { row: InsertedRow },
  );
  // nothing inserted: the same key raced in from a second send a moment ago; answer with that one's entry
  if (inserted.length === 0) return (await registeredBefore(db, actor, saveKey))!;
  return gateEntryJson(row);
}

/**
 * Checks a student or staff member of the school coming back: a fever refuses
 * and becomes their exception of the day for the class teacher (or, for
 * staff, the principal), in the same transaction.
 */
export async function registerPerson(db: Db, actor: Actor, context: AuditContext, input: GatePersonInput, saveKey: string | null = null): Promise<GateEntry> {
  const school = await gateSchool(db, actor, 'gate.register', input.schoolId);
  const before = await registeredBefore(db, actor, saveKey);
  if (before) return before;
  const person = await db.person.findFirst({
    where: { id: input.personId, schoolId: school.id, status: 'active' },
    select: { id: true, name: true, schoolId: true, classId: true, kind: true, schoolClass: { select: { grade: true, name: true } } },
  });
  if (!person) throw new NotFoundError('Person', input.personId);
  const centre = await getCentre(db);
  const day = todayOf(centre);
  const decision = gateDecision({ kind: 'person', temperature: input.temperature, answers: [], closed: school.gateClosed, approved: false, feverThreshold: Number(centre.feverThreshold) });
  const recordedByName = await actorName(db, actor);
  const inAt = new Date();
  try {
    return await db.$transaction(async (tx) => {
      let followUpId: string | null = null;
      if (decision.refusal === 'fever') {
        const time = new Intl.DateTimeFormat('zh-CN', { timeZone: centre.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(inAt);
        const note = `校门体温检测 ${input.temperature.toFixed(1)}℃（${time}，${recordedByName}）`;
        followUpId = await recordGateFever(tx, { userId: actor.userId, name: recordedByName }, person, day, input.temperature, note);
        await recordAudit(tx, context, { action: 'follow_up.save', entity: 'FollowUp', entityId: followUpId });
      }
      const entry = await tx.gateEntry.create({
        data: {
          schoolId: school.id, day: dateColumn(day), kind: 'person', name: person.name, personId: person.id, temperature: input.temperature,
          refusal: decision.refusal, inAt, followUpId, recordedById: actor.userId, recordedByName, saveKey,
        },
      });
      await recordAudit(tx, context, { action: decision.refusal ? 'gate.refuse' : 'gate.admit', entity: 'GateEntry', entityId: entry.id });
      return gateEntryJson({ ...entry, person: { schoolClass: person.schoolClass, school: { kind: school.kind } } });
    });
  } catch (error) {
    // a second send of the same check raced the first: answer with the first's entry
    const raced = isUniqueViolation(error) ? await registeredBefore(db, actor, saveKey) : null;
    if (raced) return raced;
    throw error;
  }
}

const PersonOptionRow = z.object({ id: z.string(), name: z.string(), kind: z.enum(['student', 'staff']), grade: z.number().int().nullable(), className: z.string().nullable() });

/** The school's roster to pick from at the gate, by name, pinyin or initials: names and classes only. */
export async function gatePeople(db: Db, actor: Actor, query: GatePeopleQuery): Promise<GatePeople> {
  const school = await gateSchool(db, actor, 'gate.register', query.schoolId);
  const q = searchPattern(query.q);
  if (!q) return { items: [] };
  const rows = await sqlRows(db, Prisma.sql`
    SELECT p.id, p.name, p.kind::text AS kind, c.grade, c.name AS "className"
    FROM "Person" p LEFT JOIN "SchoolClass" c ON c.id = p."classId"
    WHERE p."schoolId" = ${school.id}::uuid AND p.status = 'active' AND p."searchText" LIKE ${`%${likePattern(q)}%`}
    ORDER BY (p.name = ${query.q}) DESC, p."sortName", p.id
    LIMIT 10`, { row: PersonOptionRow });
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      classLabel: row.grade !== null && row.className !== null ? `${gradeLabel(school.kind, row.grade, 'zh-CN')}${row.className}` : null,
    })),
  };
}

/**
 * Signs a visitor out, now or at the time given (not before they came, not in
 * the future). A repeat answers with the entry as it is; someone refused, or a
 * person of the roster, never signed in.
 */
export async function signOut(db: Db, actor: Actor, context: AuditContext, id: string, input: GateSignOutInput): Promise<GateEntry> {
  const existing = await db.gateEntry.findUnique({ where: { id }, include: entryInclude });
  if (!existing) throw new NotFoundError('GateEntry', id);
  assertCanForSchool(actor, 'gate.register', existing.schoolId);
  if (existing.kind !== 'visitor' || existing.refusal) throw new ConflictError('gate.not_inside');
  if (existing.outAt) return gateEntryJson(existing);
  const now = new Date();
  const at = input.at ? new Date(input.at) : now;
  if (at < existing.inAt) throw new FieldError({ at: 'gate.out_before_in' });
  if (at.getTime() > now.getTime() + 60_000) throw new FieldError({ at: 'gate.out_in_future' });
  return db.$transaction(async (tx) => {
    // Two sign-outs at once: the first time stays.
    await tx.gateEntry.updateMany({ where: { id, outAt: null }, data: { outAt: at } });
    await recordAudit(tx, context, { action: 'gate.sign_out', entity: 'GateEntry', entityId: id });
    return gateEntryJson(await tx.gateEntry.findUniqueOrThrow({ where: { id }, include: entryInclude }));
  });
}

/** 全部离校: every visitor of today still inside leaves now (the end of the day). */
export async function signOutEveryone(db: Db, actor: Actor, context: AuditContext, schoolId: string): Promise<{ count: number }> {
  const school = await gateSchool(db, actor, 'gate.register', schoolId);
  const day = todayOf(await getCentre(db));
  return db.$transaction(async (tx) => {
    const { count } = await tx.gateEntry.updateMany({ where: { schoolId: school.id, day: dateColumn(day), kind: 'visitor', refusal: null, outAt: null }, data: { outAt: new Date() } });
    if (count) await recordAudit(tx, context, { action: 'gate.sign_out_all', entity: 'School', entityId: school.id, details: { count } });
    return { count };
  });
}
