import { followUpStatus, isFollowUpException, maskPhone, type FollowUp, type Worklist } from '@campus/shared';
import type { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import type { FollowUp as FollowUpRow } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import type { FollowUpInput as FollowUpInputSchema } from '@campus/shared';
import { AppError, ConflictError, FieldError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { actorName, assertRole, scope, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';
import { loadClass } from '../people/people.js';
import { dateColumn, dayOfColumn, todayOf } from './days.js';

type Input = z.output<typeof FollowUpInputSchema>;
type Tx = Prisma.TransactionClient;

export function toFollowUp(row: FollowUpRow & { _count?: { corrections: number } }): FollowUp {
  return {
    id: row.id,
    personId: row.personId,
    day: dayOfColumn(row.day),
    method: row.method,
    reached: row.reached,
    answeredBy: row.answeredBy,
    unreachableReason: row.unreachableReason,
    temperature: row.temperature === null ? null : Number(row.temperature),
    symptoms: row.symptoms as FollowUp['symptoms'],
    symptomNote: row.symptomNote,
    whereabouts: row.whereabouts,
    place: row.place,
    keyRegionContact: row.keyRegionContact,
    studiedOnline: row.studiedOnline,
    studyNote: row.studyNote,
    note: row.note,
    isException: row.isException,
    viaGroupChat: row.viaGroupChat,
    handlingNote: row.handlingNote,
    version: row.version,
    recordedByName: row.recordedByName,
    updatedAt: row.updatedAt.toISOString(),
    corrected: (row._count?.corrections ?? 0) > 0,
  };
}

/** Who records follow-ups: a class teacher for the students of their classes, a principal for their school (students and staff). */
export function assertRecorder(actor: Actor): void {
  if (actor.role !== 'class_teacher' && actor.role !== 'principal') throw new ForbiddenError('followup.not_recorder');
}

export function assertDayNotFuture(day: string, today: string): void {
  if (day > today) throw new FieldError({ day: 'report.future_day' });
}

/** Is the report covering this person's day filed? Then a change is a correction. */
async function reportFiled(db: Db | Tx, person: { schoolId: string; classId: string | null; kind: string }, day: string): Promise<boolean> {
  const scopeKey = person.kind === 'student' && person.classId ? person.classId : `school:${person.schoolId}`;
  return (await db.dailyReport.count({ where: { scopeKey, day: dateColumn(day) } })) > 0;
}

const RECORD_FIELDS = ['method', 'reached', 'answeredBy', 'unreachableReason', 'temperature', 'symptoms', 'symptomNote', 'whereabouts', 'place', 'keyRegionContact', 'studiedOnline', 'studyNote', 'note'] as const;

function comparable(record: Record<string, unknown>) {
  return Object.fromEntries(RECORD_FIELDS.map((field) => [field, field === 'temperature' && record[field] !== null ? Number(record[field]) : record[field]]));
}

/**
 * Saves the one record of a person's day: creates it, or updates it. A retry
 * of the same save changes nothing; a save based on a stale version (someone
 * else saved in between) is refused; after the class report is filed the
 * earlier values are kept as a correction.
 */
export async function saveFollowUp(db: Db, actor: Actor, context: AuditContext, personId: string, day: string, input: Input): Promise<FollowUp> {
  assertRecorder(actor);
  const person = await db.person.findFirst({ where: { AND: [{ id: personId, status: 'active' }, scope.people(actor)] } });
  if (!person) throw new NotFoundError('Person', personId);
  const centre = await getCentre(db);
  assertDayNotFuture(day, todayOf(centre));
  const { version, ...fields } = input;
  const isException = isFollowUpException(fields, Number(centre.feverThreshold));
  const byName = await actorName(db, actor);
  const data = { ...fields, isException, recordedById: actor.userId, recordedByName: byName };

  const attempt = () =>
    db.$transaction(async (tx) => {
      const existing = await tx.followUp.findUnique({ where: { personId_day: { personId, day: dateColumn(day) } } });
      if (!existing) {
        return tx.followUp.create({
          data: { ...data, personId, day: dateColumn(day), schoolId: person.schoolId, classId: person.classId },
        });
      }
      if (version !== undefined && version !== existing.version) throw new ConflictError('conflict.version');
      if (JSON.stringify(comparable(existing)) === JSON.stringify(comparable(fields))) return existing;
      // With a version, someone else's save in between is a conflict; without one (a plain retry or a first save racing another) the later save wins.
      const updated = await tx.followUp.updateMany({
        where: { id: existing.id, ...(version !== undefined ? { version: existing.version } : {}) },
        data: { ...data, version: { increment: 1 } },
      });
      if (updated.count === 0) throw new ConflictError('conflict.version');
      if (await reportFiled(tx, person, day)) {
        await tx.followUpCorrection.create({
          data: { followUpId: existing.id, byUserId: actor.userId, byName, before: comparable(existing) as Prisma.InputJsonObject, after: comparable(fields) as Prisma.InputJsonObject },
        });
      }
      return tx.followUp.findUniqueOrThrow({ where: { id: existing.id } });
    });

  let row: FollowUpRow;
  try {
    row = await attempt();
  } catch (error) {
    // Two first saves of the same person and day raced: the loser updates the winner's record.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') row = await attempt();
    else throw error;
  }
  await recordAudit(db, context, { action: 'follow_up.save', entity: 'FollowUp', entityId: row.id });
  const withCount = await db.followUp.findUniqueOrThrow({ where: { id: row.id }, include: { _count: { select: { corrections: true } } } });
  return toFollowUp(withCount);
}

/** Marks several people "reached, all well" at once (confirmed in the class group chat); existing records are left alone. */
export async function bulkWell(db: Db, actor: Actor, context: AuditContext, input: { day: string; personIds: string[]; method: Input['method'] }) {
  assertRecorder(actor);
  const centre = await getCentre(db);
  assertDayNotFuture(input.day, todayOf(centre));
  const people = await db.person.findMany({ where: { AND: [{ id: { in: input.personIds }, status: 'active' }, scope.people(actor)] }, select: { id: true, schoolId: true, classId: true } });
  if (people.length !== new Set(input.personIds).size) throw new NotFoundError('Person');
  const byName = await actorName(db, actor);
  const recorded = await db.$transaction(async (tx) => {
    const result = await tx.followUp.createMany({
      data: people.map((person) => ({
        personId: person.id,
        day: dateColumn(input.day),
        schoolId: person.schoolId,
        classId: person.classId,
        method: input.method,
        reached: true,
        symptoms: [],
        isException: false,
        viaGroupChat: true,
        recordedById: actor.userId,
        recordedByName: byName,
      })),
      skipDuplicates: true,
    });
    await recordAudit(tx, context, { action: 'follow_up.bulk_well', entity: 'FollowUp' });
    return result.count;
  });
  return { recorded, skipped: people.length - recorded };
}

/** What the principal did about an exception (shown on the school view). */
export async function recordHandling(db: Db, actor: Actor, context: AuditContext, followUpId: string, handlingNote: string): Promise<FollowUp> {
  const row = await db.followUp.findFirst({ where: { id: followUpId, person: scope.people(actor) } });
  if (!row) throw new NotFoundError('FollowUp', followUpId);
  assertRole(actor, ['principal', 'centre_admin']);
  const updated = await db.$transaction(async (tx) => {
    const saved = await tx.followUp.update({
      where: { id: followUpId },
      data: { handlingNote, handledById: actor.userId, handledAt: new Date() },
      include: { _count: { select: { corrections: true } } },
    });
    await recordAudit(tx, context, { action: 'follow_up.handling', entity: 'FollowUp', entityId: followUpId });
    return saved;
  });
  return toFollowUp(updated);
}

/**
 * The day's worklist: a class's students (class teacher) or a school's staff
 * (principal), each with their state, and whether the report is filed.
 */
export async function worklist(db: Db, actor: Actor, query: { classId?: string; staffOfSchoolId?: string; day?: string }): Promise<Worklist> {
  const centre = await getCentre(db);
  const today = todayOf(centre);
  const day = query.day ?? today;
  let label: string;
  let schoolId: string;
  let classId: string | null = null;
  let where: Prisma.PersonWhereInput;
  if (query.classId) {
    const schoolClass = await db.schoolClass.findFirst({ where: { AND: [{ id: query.classId }, scope.classes(actor)] }, select: { id: true, schoolId: true } });
    if (!schoolClass) throw new NotFoundError('SchoolClass', query.classId);
    const info = (await loadClass(db, schoolClass.id))!;
    label = info.label;
    schoolId = schoolClass.schoolId;
    classId = schoolClass.id;
    where = { classId: schoolClass.id, kind: 'student' };
  } else if (query.staffOfSchoolId) {
    const school = await db.school.findFirst({ where: { AND: [{ id: query.staffOfSchoolId }, scope.schools(actor)] }, select: { id: true, name: true } });
    if (!school || actor.role === 'class_teacher') throw new NotFoundError('School', query.staffOfSchoolId);
    label = school.name;
    schoolId = school.id;
    where = { schoolId: school.id, kind: 'staff' };
  } else {
    throw new AppError(400, 'validation_failed', 'validation_failed', {}, { classId: 'field.required' });
  }
  const people = await db.person.findMany({
    where: { AND: [where, { status: 'active' }, scope.people(actor)] },
    orderBy: [{ sortName: 'asc' }, { id: 'asc' }],
    include: {
      category: { select: { code: true } },
      guardians: { where: { position: 0 }, select: { name: true, phone: true } },
      followUps: { where: { day: dateColumn(day) }, include: { _count: { select: { corrections: true } } } },
    },
  });
  const report = await db.dailyReport.findUnique({ where: { scopeKey_day: { scopeKey: classId ?? `school:${schoolId}`, day: dateColumn(day) } } });
  const items = people.map((person) => {
    const record = person.followUps[0] ?? null;
    return {
      personId: person.id,
      name: person.name,
      studentNumber: person.studentNumber,
      guardianName: person.guardians[0]?.name ?? null,
      guardianPhone: person.guardians[0]?.phone ? maskPhone(person.guardians[0].phone) : person.phone ? maskPhone(person.phone) : null,
      inQuarantine: person.category?.code === 'home_quarantine',
      status: followUpStatus(record),
      followUp: record ? toFollowUp(record) : null,
    };
  });
  const count = (status: string) => items.filter((item) => item.status === status).length;
  return {
    day,
    today,
    label,
    schoolId,
    classId,
    counts: { total: items.length, pending: count('pending'), well: count('well'), exception: count('exception'), unreachable: count('unreachable') },
    report: report ? { filedAt: report.filedAt.toISOString(), late: report.late, filedByName: report.filedByName } : null,
    items,
  };
}

export async function getFollowUp(db: Db, actor: Actor, personId: string, day: string): Promise<FollowUp> {
  const row = await db.followUp.findFirst({
    where: { personId, day: dateColumn(day), person: scope.people(actor) },
    include: { _count: { select: { corrections: true } } },
  });
  if (!row) throw new NotFoundError('FollowUp');
  return toFollowUp(row);
}

