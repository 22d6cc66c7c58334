/**
 * Opening a case and the changes to it: extension, shortening, closing,
 * the return to class; the case file and the lists. Every write is one
 * transaction with its history entry (CaseEvent) and its audit row.
 */
import {
  defaultDaysFor,
  plannedEnd,
  CaseCheckIn,
  CaseEvent,
  type CaseCloseInput,
  type CaseExtendInput,
  type CaseFile,
  type CaseInput,
  type CaseList,
  type CaseReason,
  type CaseReturnInput,
  CaseTeamMember,
} from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { sqlRows } from '../../db/sql.js';
import { AppError, ConflictError, FieldError, NotFoundError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { followCensusCategory } from '../census.js';
import { dateColumn, dayOfColumn } from '../../db/days.js';
import { isoTimestamp } from '../../db/day-sql.js';
import { observerView } from '../observer-view.js';
import { actorName, assertCan, scope, type Actor } from '../scope.js';
import {
  assertCanManage,
  canCheckIn,
  canManage,
  caseInScope,
  CaseItemRow,
  caseItemColumns,
  caseItems,
  caseJoins,
  clockOf,
  toCaseListItem,
  type CaseRow,
  type Clock,
  type Tx,
} from './common.js';

type OpenInput = z.output<typeof CaseInput>;
type ExtendInput = z.output<typeof CaseExtendInput>;
type CloseInput = z.output<typeof CaseCloseInput>;
type ReturnInput = z.output<typeof CaseReturnInput>;

const OPEN_CASE_INDEX = 'QuarantineCase_one_open_per_person';

function openCaseExists(): AppError {
  return new AppError(409, 'conflict', 'quarantine.open_case_exists', {}, { personId: 'quarantine.open_case_exists' });
}

function isOpenCaseViolation(error: unknown): boolean {
  const text = String((error as { message?: string })?.message ?? '') + JSON.stringify((error as { meta?: unknown })?.meta ?? '');
  return text.includes(OPEN_CASE_INDEX) || ((error as { code?: string })?.code === 'P2002' && text.includes('personId'));
}

/**
 * Team members must be enabled principal or class teacher accounts of the
 * person's school (gate staff have no health records). Field errors name the
 * offending entry.
 */
async function assertTeam(db: Db | Tx, schoolId: string, team: { leadId: string; memberIds: string[] }): Promise<string[]> {
  const ids = [team.leadId, ...team.memberIds.filter((id) => id !== team.leadId)];
  const unique = [...new Set(ids)];
  const valid = await db.user.findMany({ where: { id: { in: unique }, schoolId, role: { in: ['principal', 'class_teacher'] }, disabledAt: null }, select: { id: true } });
  const ok = new Set(valid.map((user) => user.id));
  const fields: Record<string, string> = {};
  if (!ok.has(team.leadId)) fields['team.leadId'] = 'field.team_member_invalid';
  team.memberIds.forEach((id, index) => {
    if (!ok.has(id)) fields[`team.memberIds.${index}`] = 'field.team_member_invalid';
  });
  if (Object.keys(fields).length) throw new FieldError(fields);
  return unique;
}

function assertNotFuture(field: string, day: string, today: string) {
  if (day > today) throw new FieldError({ [field]: 'field.future_day' });
}

async function addEvent(
  tx: Tx,
  caseId: string,
  actor: Actor,
  byName: string,
  event: { kind: CaseEvent['kind']; day?: string | null; fromDay?: string | null; toDay?: string | null; outcome?: CaseEvent['outcome']; note?: string | null; checkInId?: string | null },
) {
  await tx.caseEvent.create({
    data: {
      caseId,
      kind: event.kind,
      day: event.day ? dateColumn(event.day) : null,
      byUserId: actor.userId,
      byName,
      fromDay: event.fromDay ? dateColumn(event.fromDay) : null,
      toDay: event.toDay ? dateColumn(event.toDay) : null,
      outcome: event.outcome ?? null,
      note: event.note ?? null,
      checkInId: event.checkInId ?? null,
    },
  });
}
export { addEvent };

/**
 * Opens a case for a person of the actor's scope (principal: their school;
 * centre): from the roster, or from a follow-up exception. The planned end
 * defaults to the reason's default length; the team comes from the school's
 * staff accounts. A second open case for the same person is refused (also by
 * the partial unique index, when two opens race).
 */
export async function openCase(db: Db, actor: Actor, context: AuditContext, input: OpenInput): Promise<CaseFile> {
  const person = await db.person.findFirst({ where: { AND: [{ id: input.personId }, scope.people(actor)] }, select: { id: true, schoolId: true, status: true } });
  if (!person) throw new NotFoundError('Person', input.personId);
  assertCan(actor, 'case.open');
  if (person.status !== 'active') throw new ConflictError('conflict.person_left');
  const clock = await clockOf(db);
  assertNotFuture('startDay', input.startDay, clock.today);
  const endDay = input.plannedEndDay ?? plannedEnd(input.startDay, defaultDaysFor(input.reason, { defaultQuarantineDays: clock.centre.defaultQuarantineDays, quarantineDaysByReason: clock.centre.quarantineDaysByReason as Partial<Record<CaseReason, number>> }));
  if (input.fromFollowUpId) {
    const followUp = await db.followUp.findUnique({ where: { id: input.fromFollowUpId }, select: { personId: true } });
    if (!followUp || followUp.personId !== person.id) throw new FieldError({ fromFollowUpId: 'field.follow_up_other_person' });
  }
  const members = await assertTeam(db, person.schoolId, input.team);
  if (await db.quarantineCase.count({ where: { personId: person.id, closedDay: null } })) throw openCaseExists();
  const byName = await actorName(db, actor);
  let caseId: string;
  try {
    caseId = await db.$transaction(async (tx) => {
      const created = await tx.quarantineCase.create({
        data: {
          personId: person.id,
          schoolId: person.schoolId,
          reason: input.reason,
          reasonNote: input.reasonNote,
          place: input.place,
          placeNote: input.placeNote,
          startDay: dateColumn(input.startDay),
          plannedEndDay: dateColumn(endDay),
          plan: input.plan,
          guardianContact: input.guardianContact,
          fromFollowUpId: input.fromFollowUpId ?? null,
          openedById: actor.userId,
          openedByName: byName,
          team: { createMany: { data: members.map((userId) => ({ userId, lead: userId === input.team.leadId })) } },
        },
        select: { id: true },
      });
      await addEvent(tx, created.id, actor, byName, { kind: 'opened', day: input.startDay, toDay: endDay });
      await followCensusCategory(tx, actor, byName, person.id, { from: null, to: 'home_quarantine' });
      await recordAudit(tx, context, { action: 'quarantine.open', entity: 'QuarantineCase', entityId: created.id });
      return created.id;
    });
  } catch (error) {
    if (isOpenCaseViolation(error)) throw openCaseExists();
    throw error;
  }
  return getCaseFile(db, actor, caseId);
}

/** Cases in scope, optionally of a school, a status or a person. */
export async function listCases(db: Db, actor: Actor, query: { schoolId?: string; status?: 'open' | 'closed'; personId?: string }): Promise<CaseList> {
  const clock = await clockOf(db);
  const where: Prisma.Sql[] = [];
  if (query.schoolId) where.push(Prisma.sql`q."schoolId" = ${query.schoolId}::uuid`);
  if (query.personId) where.push(Prisma.sql`q."personId" = ${query.personId}::uuid`);
  if (query.status === 'open') where.push(Prisma.sql`q."closedDay" IS NULL`);
  if (query.status === 'closed') where.push(Prisma.sql`q."closedDay" IS NOT NULL`);
  return { today: clock.today, items: await caseItems(db, actor, clock, where.length ? Prisma.join(where, ' AND ') : Prisma.sql`TRUE`) };
}

/** The case-file statement's row: the list item, the case's texts, team, check-ins and history as JSON (checked in tests: db/sql.ts). */
const CaseFileRow = z.object({
  item: CaseItemRow,
  reasonNote: z.string().nullable(),
  placeNote: z.string().nullable(),
  plan: z.string(),
  guardianContact: z.string().nullable(),
  fromFollowUpId: z.string().nullable(),
  closeNote: z.string().nullable(),
  openedByName: z.string(),
  openedAt: z.string(),
  team: z.array(CaseTeamMember),
  checkIns: z.array(CaseCheckIn.omit({ alerts: true })),
  events: z.array(CaseEvent),
});

/** The case file: who, why, team, plan, every check-in (corrections beside what they correct), every change, outcome. One query. */
export async function getCaseFile(db: Db, actor: Actor, caseId: string): Promise<CaseFile> {
  const access = await caseInScope(db, actor, caseId);
  const clock = await clockOf(db);
  const [row] = await sqlRows(db, Prisma.sql`
    SELECT (SELECT row_to_json(i) FROM (SELECT ${caseItemColumns(clock)}) i) AS item,
           q."reasonNote", q."placeNote", q.plan, q."guardianContact", q."fromFollowUpId", q."closeNote", q."openedByName",
           ${isoTimestamp(Prisma.sql`q."openedAt"`)} AS "openedAt",
           (SELECT coalesce(json_agg(json_build_object('userId', u.id, 'displayName', u."displayName", 'role', u.role, 'lead', t.lead) ORDER BY t.lead DESC, u."displayName", u.id), '[]')
              FROM "CaseTeamMember" t JOIN "User" u ON u.id = t."userId" WHERE t."caseId" = q.id) AS team,
           (SELECT coalesce(json_agg(json_build_object(
                     'id', ci.id, 'day', to_char(ci.day, 'YYYY-MM-DD'), 'method', ci.method, 'temperature', ci.temperature, 'symptoms', ci.symptoms,
                     'living', json_build_object('foodOk', ci."foodOk", 'suppliesOk', ci."suppliesOk", 'helpNeeded', ci."helpNeeded"),
                     'study', json_build_object('keepingUp', ci."keepingUp", 'materialsNeeded', ci."materialsNeeded"),
                     'mood', ci.mood, 'counsellingNote', ci."counsellingNote", 'needsHelp', ci."needsHelp", 'note', ci.note,
                     'correctsCheckInId', ci."correctsId", 'correctedByCheckInId', (SELECT nx.id FROM "CaseCheckIn" nx WHERE nx."correctsId" = ci.id),
                     'helpResolution', (SELECT json_build_object('at', ${isoTimestamp(Prisma.sql`he.at`)}, 'byName', he."byName", 'note', he.note)
                                        FROM "CaseEvent" he WHERE he."checkInId" = ci.id AND he.kind = 'help_resolved' LIMIT 1),
                     'recordedByName', ci."recordedByName", 'recordedAt', ${isoTimestamp(Prisma.sql`ci."recordedAt"`)})
                   ORDER BY ci.day, ci."recordedAt", ci.id), '[]')
              FROM "CaseCheckIn" ci WHERE ci."caseId" = q.id) AS "checkIns",
           (SELECT coalesce(json_agg(json_build_object(
                     'id', e.id::text, 'kind', e.kind, 'at', ${isoTimestamp(Prisma.sql`e.at`)}, 'day', to_char(e.day, 'YYYY-MM-DD'), 'byName', e."byName",
                     'fromDay', to_char(e."fromDay", 'YYYY-MM-DD'), 'toDay', to_char(e."toDay", 'YYYY-MM-DD'), 'outcome', e.outcome, 'note', e.note,
                     'checkInId', e."checkInId") ORDER BY e.id), '[]')
              FROM "CaseEvent" e WHERE e."caseId" = q.id) AS events
    FROM "QuarantineCase" q ${caseJoins}
    WHERE q.id = ${caseId}::uuid`, { row: CaseFileRow });
  if (!row) throw new NotFoundError('QuarantineCase', caseId);
  const item = toCaseListItem(row.item, clock.today);
  return observerView.caseFile(actor, {
    ...item,
    reasonNote: row.reasonNote,
    placeNote: row.placeNote,
    plan: row.plan,
    guardianContact: row.guardianContact,
    fromFollowUpId: row.fromFollowUpId,
    team: row.team,
    closeNote: row.closeNote,
    openedByName: row.openedByName,
    openedAt: row.openedAt,
    checkIns: orderCorrections(row.checkIns).map((checkIn) => ({
      ...checkIn,
      temperature: checkIn.temperature === null ? null : Number(checkIn.temperature),
      alerts: [
        ...(checkIn.temperature !== null && Number(checkIn.temperature) >= clock.threshold ? (['fever'] as const) : []),
        ...(checkIn.mood === 'crisis' ? (['crisis'] as const) : []),
      ],
    })),
    events: row.events,
    today: clock.today,
    can: { checkIn: item.status === 'open' && canCheckIn(actor, access), manage: canManage(actor, access) },
  });
}

/** Day order, with each correction right after the row it corrects. */
function orderCorrections<T extends { id: string; correctsCheckInId: string | null }>(checkIns: T[]): T[] {
  const correctionOf = new Map(checkIns.filter((row) => row.correctsCheckInId).map((row) => [row.correctsCheckInId!, row]));
  const ordered: T[] = [];
  for (const row of checkIns) {
    if (row.correctsCheckInId) continue;
    for (let next: T | undefined = row; next; next = correctionOf.get(next.id)) ordered.push(next);
  }
  return ordered;
}

async function managedOpenCase(db: Db, actor: Actor, caseId: string): Promise<{ access: CaseRow; clock: Clock }> {
  const access = await caseInScope(db, actor, caseId);
  assertCanManage(actor, access);
  if (access.closedDay) throw new ConflictError('quarantine.case_closed');
  return { access, clock: await clockOf(db) };
}

/** Moves the planned end: later (extend) or earlier (shorten), each with a reason, each kept in the history. */
export async function changePlannedEnd(db: Db, actor: Actor, context: AuditContext, caseId: string, input: ExtendInput, direction: 'extend' | 'shorten'): Promise<CaseFile> {
  const { access } = await managedOpenCase(db, actor, caseId);
  if (direction === 'extend' && input.plannedEndDay <= access.plannedEndDay) throw new FieldError({ plannedEndDay: 'field.extend_not_later' });
  if (direction === 'shorten') {
    if (input.plannedEndDay >= access.plannedEndDay) throw new FieldError({ plannedEndDay: 'field.shorten_not_earlier' });
    if (input.plannedEndDay < access.startDay) throw new FieldError({ plannedEndDay: 'field.end_before_start' });
  }
  const byName = await actorName(db, actor);
  await db.$transaction(async (tx) => {
    const changed = await tx.quarantineCase.updateMany({
      where: { id: caseId, closedDay: null, plannedEndDay: dateColumn(access.plannedEndDay) },
      data: { plannedEndDay: dateColumn(input.plannedEndDay) },
    });
    if (changed.count !== 1) throw new ConflictError('conflict.version');
    await addEvent(tx, caseId, actor, byName, { kind: direction === 'extend' ? 'extended' : 'shortened', fromDay: access.plannedEndDay, toDay: input.plannedEndDay, note: input.reason });
    await recordAudit(tx, context, { action: `quarantine.${direction}`, entity: 'QuarantineCase', entityId: caseId });
  });
  return getCaseFile(db, actor, caseId);
}

/**
 * Closes a case with an outcome (解除隔离, early release, transfer to medical
 * care, other), a day and a note. "Released" at the end cannot come before
 * the planned end: that is an early release, with its reason.
 */
export async function closeCase(db: Db, actor: Actor, context: AuditContext, caseId: string, input: CloseInput): Promise<CaseFile> {
  const { access, clock } = await managedOpenCase(db, actor, caseId);
  assertNotFuture('day', input.day, clock.today);
  if (input.day < access.startDay) throw new FieldError({ day: 'field.before_case_start' });
  if (input.outcome === 'released' && input.day < access.plannedEndDay) throw new FieldError({ outcome: 'field.release_before_end' });
  const last = await db.caseCheckIn.findFirst({ where: { caseId }, orderBy: { day: 'desc' }, select: { day: true } });
  if (last && dayOfColumn(last.day) > input.day) throw new FieldError({ day: 'field.close_before_check_in' });
  const byName = await actorName(db, actor);
  await db.$transaction(async (tx) => {
    const closed = await tx.quarantineCase.updateMany({ where: { id: caseId, closedDay: null }, data: { closedDay: dateColumn(input.day), outcome: input.outcome, closeNote: input.note } });
    if (closed.count !== 1) throw new ConflictError('quarantine.case_closed');
    await addEvent(tx, caseId, actor, byName, { kind: 'closed', day: input.day, outcome: input.outcome, note: input.note });
    await followCensusCategory(tx, actor, byName, access.personId, { from: 'home_quarantine', to: input.outcome === 'transferred_to_medical_care' ? 'unwell' : 'normal' });
    await recordAudit(tx, context, { action: 'quarantine.close', entity: 'QuarantineCase', entityId: caseId });
  });
  return getCaseFile(db, actor, caseId);
}

/** Records the day a person whose case is closed was back in school. */
export async function recordReturn(db: Db, actor: Actor, context: AuditContext, caseId: string, input: ReturnInput): Promise<CaseFile> {
  const access = await caseInScope(db, actor, caseId);
  assertCanManage(actor, access);
  if (!access.closedDay) throw new ConflictError('quarantine.not_closed');
  if (access.returnedDay) throw new ConflictError('quarantine.already_returned');
  const clock = await clockOf(db);
  assertNotFuture('day', input.day, clock.today);
  if (input.day < access.closedDay) throw new FieldError({ day: 'field.return_before_close' });
  const byName = await actorName(db, actor);
  await db.$transaction(async (tx) => {
    const changed = await tx.quarantineCase.updateMany({ where: { id: caseId, returnedDay: null }, data: { returnedDay: dateColumn(input.day) } });
    if (changed.count !== 1) throw new ConflictError('quarantine.already_returned');
    await addEvent(tx, caseId, actor, byName, { kind: 'returned', day: input.day, note: input.note });
    await recordAudit(tx, context, { action: 'quarantine.return', entity: 'QuarantineCase', entityId: caseId });
  });
  return getCaseFile(db, actor, caseId);
}
