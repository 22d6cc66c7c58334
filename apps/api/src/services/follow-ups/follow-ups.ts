import crypto from 'node:crypto';
import { DayCounts, FollowUp, followUpStatus, gradeLabel, isFollowUpException, maskPhone, SchoolKind, studied, Worklist, type StudyStatus } from '@campus/shared';
import { z } from 'zod';
import { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../db/client.js';
import { sqlRows } from '../../db/sql.js';
import type { FollowUpInput as FollowUpInputSchema } from '@campus/shared';
import { AppError, ConflictError, FieldError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { recordAudit, type AuditContext } from '../audit.js';
import { observerView } from '../observer-view.js';
import { followCensusCategory } from '../census.js';
import { actorName, assertCan, scope, type Actor } from '../scope.js';
import { getCentre } from '../settings.js';
import { dateColumn, todayOf } from '../../db/days.js';
import { dayCountsJson, dayParam, isoTimestamp, openCaseOn, peopleOfDay, scopeRuleSql } from '../../db/day-sql.js';
import { followUpJson } from './json.js';

/** The row of every statement that answers one follow-up (checked in tests: db/sql.ts). */
const FollowUpRow = z.object({ followUp: FollowUp });

type Input = z.output<typeof FollowUpInputSchema>;
type DbOrTx = Db | Prisma.TransactionClient;

/** Who records follow-ups: a class teacher for the students of their classes, a principal for their school (students and staff). */
export function assertRecorder(actor: Actor): void {
  if (actor.role !== 'class_teacher' && actor.role !== 'principal') throw new ForbiddenError('followup.not_recorder');
}

export function assertDayNotFuture(day: string, today: string): void {
  if (day > today) throw new FieldError({ day: 'report.future_day' });
}

const RECORD_FIELDS = ['method', 'reached', 'answeredBy', 'unreachableCode', 'unreachableReason', 'temperature', 'symptoms', 'symptomNote', 'whereabouts', 'place', 'keyRegionContact', 'studiedOnline', 'studyMode', 'notStudyingReason', 'studyNote', 'note'] as const;

/**
 * A record's values as a correction keeps them (before / after), and as a resend is compared. A record saved before
 * there was a study mode studied online (what it then meant), so saving it again unchanged changes nothing.
 */
export function comparableFollowUp(record: Record<string, unknown>) {
  return Object.fromEntries(
    RECORD_FIELDS.map((field) => {
      const value = record[field] ?? null;
      if (field === 'temperature' && value !== null) return [field, Number(value)];
      if (field === 'studyMode' && value === null && studied((record.studiedOnline ?? null) as StudyStatus | null)) return [field, 'online'];
      return [field, value];
    }),
  );
}

/**
 * The person's scope as SQL, or the refusal it stands for (gate staff have no
 * health records): thrown only once the thing asked for is known to be in
 * reach, so out of scope still reads as 404 first.
 */
function peopleScopeOf(actor: Actor): { sql: Prisma.Sql; refusal: ForbiddenError | null } {
  try {
    return { sql: scope.peopleSql(actor), refusal: null };
  } catch (error) {
    if (error instanceof ForbiddenError) return { sql: Prisma.sql`FALSE`, refusal: error };
    throw error;
  }
}

/** What a save reads first: the person, the recorder's name, the stored record and the key of the save that wrote it. */
const SaveContextRow = z.object({
  schoolId: z.string(),
  classId: z.string().nullable(),
  kind: z.string(),
  byName: z.string().nullable(),
  existing: FollowUp.nullable(),
  existingKey: z.string().nullable(),
});

/**
 * Saves the one record of a person's day: creates it, or updates it. A retry
 * of the same save (the same content as stored, or the same idempotency key
 * as the save that wrote the stored version) answers with the stored record;
 * a save based on a stale version (someone else saved in between) is
 * refused, and so is the loser of two racing saves; after the class report is
 * filed the earlier values are kept as a correction. Two round trips (what is
 * there, then one write statement), plus the audit row. With `moveToUnwell` and an
 * exception, the person's census category moves to "unwell" in the same
 * transaction (in their history, audited); the person is in the actor's
 * scope, or the save was already refused as 404.
 */
export async function saveFollowUp(db: Db, actor: Actor, context: AuditContext, personId: string, day: string, input: Input, request: { saveKey?: string | null; arrivedAt?: Date } = {}): Promise<FollowUp> {
  const saveKey = request.saveKey ?? null;
  // As `updatedAt` writes it (ISO, milliseconds): a record stamped after this is newer than anything the user saw.
  const arrivedAt = (request.arrivedAt ?? new Date()).toISOString();
  assertRecorder(actor);
  const people = scope.peopleSql(actor);
  const dayValue = dayParam(day);
  const read = async (db: DbOrTx) =>
    (
      await sqlRows(db, Prisma.sql`
        SELECT p."schoolId", p."classId", p.kind::text AS kind,
               (SELECT u."displayName" FROM "User" u WHERE u.id = ${actor.userId}::uuid) AS "byName",
               (SELECT ${followUpJson} FROM "FollowUp" f WHERE f."personId" = p.id AND f.day = ${dayValue}) AS existing,
               (SELECT f."saveKey" FROM "FollowUp" f WHERE f."personId" = p.id AND f.day = ${dayValue}) AS "existingKey"
        FROM "Person" p
        WHERE p.id = ${personId}::uuid AND p.status = 'active' AND ${people}`, { row: SaveContextRow })
    )[0];
  let person = await read(db);
  if (!person) throw new NotFoundError('Person', personId);
  const centre = await getCentre(db);
  assertDayNotFuture(day, todayOf(centre));
  const { version, moveToUnwell, ...fields } = input;
  const isException = isFollowUpException(fields, Number(centre.feverThreshold));
  const byName = person.byName ?? actor.username;
  const now = new Date();
  const values = Prisma.sql`${fields.method}::"ContactMethod", ${fields.reached}, ${fields.answeredBy}, ${fields.unreachableCode}::"UnreachableCode", ${fields.unreachableReason}, ${fields.temperature}::numeric,
    ${fields.symptoms}::text[], ${fields.symptomNote}, ${fields.whereabouts}::"Whereabouts", ${fields.place}, ${fields.keyRegionContact}::boolean,
    ${fields.studiedOnline}::"StudyStatus", ${fields.studyMode}::"StudyMode", ${fields.notStudyingReason}::"NotStudyingReason", ${fields.studyNote}, ${fields.note}, ${isException}, ${actor.userId}::uuid, ${byName}, ${saveKey}`;

  /** One try at the write; null when another save won a race in between (the caller reads again and tries once more, as the loser). */
  const attempt = async (db: DbOrTx, existing: FollowUp | null, existingKey: string | null, lostRace: boolean): Promise<FollowUp | null> => {
    if (!existing) {
      // Two first saves of the same person and day may race: the loser gets no row back, reads the winner's record and tries again as the loser.
      const created = await sqlRows<{ followUp: FollowUp }>(db, Prisma.sql`
        WITH f AS (
          INSERT INTO "FollowUp" (id, "personId", day, "schoolId", "classId", method, reached, "answeredBy", "unreachableCode", "unreachableReason", temperature,
                                  symptoms, "symptomNote", whereabouts, place, "keyRegionContact", "studiedOnline", "studyMode", "notStudyingReason", "studyNote", note,
                                  "isException", "recordedById", "recordedByName", "saveKey", "updatedAt")
          VALUES (${crypto.randomUUID()}::uuid, ${personId}::uuid, ${dayValue}, ${person!.schoolId}::uuid, ${person!.classId}::uuid, ${values}, ${now}::timestamp)
          ON CONFLICT ("personId", day) DO NOTHING
          RETURNING *
        )
        SELECT ${followUpJson} AS "followUp" FROM f`, { row: FollowUpRow });
      return created[0]?.followUp ?? null;
    }
    // A resend of the save that wrote the stored version, or a save of what is stored already, changes nothing (idempotent), whatever its base version.
    if (saveKey !== null && saveKey === existingKey) return existing;
    if (JSON.stringify(comparableFollowUp(existing)) === JSON.stringify(comparableFollowUp(fields))) return existing;
    // The loser of a race does not silently replace the winner: the user is told someone else saved. A race is lost when this save's
    // insert found the winner's row, or when the stored version was written after this request arrived (it cannot be what the user saw).
    // A save that names the stored version has seen it, whenever it was written (another process's clock may run ahead).
    if (lostRace || (version === undefined && existing.updatedAt > arrivedAt)) throw new ConflictError('conflict.version');
    // With a version, someone else's save in between is a conflict; without one (a deliberate change of an older record) it applies.
    if (version !== undefined && version !== existing.version) throw new ConflictError('conflict.version');
    // The correction is written in the same statement when the report covering the day is filed.
    const reportScopeKey = person!.kind === 'student' && person!.classId ? person!.classId : `school:${person!.schoolId}`;
    const updated = await sqlRows(db, Prisma.sql`
      WITH f AS (
        UPDATE "FollowUp" SET (method, reached, "answeredBy", "unreachableCode", "unreachableReason", temperature, symptoms, "symptomNote", whereabouts, place,
                               "keyRegionContact", "studiedOnline", "studyMode", "notStudyingReason", "studyNote", note, "isException", "recordedById", "recordedByName", "saveKey")
                            = (${values}),
               version = version + 1, "updatedAt" = ${now}::timestamp
        WHERE id = ${existing.id}::uuid ${version !== undefined ? Prisma.sql`AND version = ${existing.version}` : Prisma.empty}
        RETURNING *
      ), correction AS (
        INSERT INTO "FollowUpCorrection" ("followUpId", "byUserId", "byName", before, after)
        SELECT f.id, ${actor.userId}::uuid, ${byName}, ${JSON.stringify(comparableFollowUp(existing))}::jsonb, ${JSON.stringify(comparableFollowUp(fields))}::jsonb
        FROM f
        WHERE EXISTS (SELECT 1 FROM "DailyReport" r WHERE r."scopeKey" = ${reportScopeKey} AND r.day = ${dayValue})
        RETURNING "followUpId"
      )
      SELECT ${followUpJson} AS "followUp", EXISTS (SELECT 1 FROM correction) AS "correctedNow" FROM f`, { row: FollowUpRow.extend({ correctedNow: z.boolean() }) });
    if (!updated[0]) return null;
    // The statement does not see its own correction row: `corrected` counts the earlier ones.
    const { followUp, correctedNow } = updated[0];
    return { ...followUp, corrected: followUp.corrected || correctedNow };
  };

  const write = async (db: DbOrTx): Promise<FollowUp> => {
    let saved = await attempt(db, person!.existing, person!.existingKey, false);
    if (!saved) {
      person = await read(db);
      if (!person) throw new NotFoundError('Person', personId);
      saved = await attempt(db, person.existing, person.existingKey, true);
      if (!saved) throw new ConflictError('conflict.version');
    }
    await recordAudit(db, context, { action: 'follow_up.save', entity: 'FollowUp', entityId: saved.id });
    return saved;
  };
  // The plain save stays one statement on the hot pool; only the save that also moves the census category needs a transaction.
  if (!(moveToUnwell && isException)) return write(db);
  return db.$transaction(async (tx) => {
    const saved = await write(tx);
    if (await followCensusCategory(tx, actor, byName, personId, { from: null, to: 'unwell' })) {
      await recordAudit(tx, context, { action: 'person.update', entity: 'Person', entityId: personId });
    }
    return saved;
  });
}

/**
 * A fever measured at the school gate (ADR 0022) becomes the person's
 * exception of the day, which their class teacher (a staff member: the
 * principal) sees on today's list: a new record ("in person", reached, the
 * temperature, a note saying where it came from), or the day's record raised
 * to the higher temperature with the note added, as a new version (a teacher
 * editing the old one is told someone else saved), and a correction once the
 * class report is filed. In the caller's transaction; returns the record's id.
 */
export async function recordGateFever(
  tx: Prisma.TransactionClient,
  by: { userId: string; name: string },
  person: { id: string; schoolId: string; classId: string | null; kind: string },
  day: string,
  temperature: number,
  note: string,
): Promise<string> {
  const existing = await tx.followUp.findUnique({ where: { personId_day: { personId: person.id, day: dateColumn(day) } } });
  if (!existing) {
    const created = await tx.followUp.create({
      data: {
        personId: person.id, day: dateColumn(day), schoolId: person.schoolId, classId: person.classId, method: 'in_person', reached: true,
        temperature, symptoms: [], note, isException: true, recordedById: by.userId, recordedByName: by.name,
      },
      select: { id: true },
    });
    return created.id;
  }
  const raised = Math.max(temperature, existing.temperature === null ? 0 : Number(existing.temperature));
  const after = { ...existing, temperature: raised, note: existing.note ? `${existing.note}；${note}` : note };
  await tx.followUp.update({
    where: { id: existing.id },
    data: { temperature: raised, note: after.note, isException: true, recordedById: by.userId, recordedByName: by.name, saveKey: null, version: { increment: 1 } },
  });
  const reportScopeKey = person.kind === 'student' && person.classId ? person.classId : `school:${person.schoolId}`;
  if (await tx.dailyReport.findUnique({ where: { scopeKey_day: { scopeKey: reportScopeKey, day: dateColumn(day) } }, select: { id: true } })) {
    await tx.followUpCorrection.create({
      data: { followUpId: existing.id, byUserId: by.userId, byName: by.name, before: comparableFollowUp(existing), after: comparableFollowUp(after) },
    });
  }
  return existing.id;
}

/** Marks several people "reached, all well" at once (confirmed in the class group chat); existing records are left alone. */
export async function bulkWell(db: Db, actor: Actor, context: AuditContext, input: { day: string; personIds: string[]; method: Input['method']; studiedOnline: Input['studiedOnline'] }) {
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
        studiedOnline: input.studiedOnline,
        // what the group chat confirmed: online study (the batch has no other mode)
        studyMode: studied(input.studiedOnline) ? 'online' : null,
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

/** What the principal did about an exception (shown on the school view). The answer is the record as `followUpJson` writes it. */
export async function recordHandling(db: Db, actor: Actor, context: AuditContext, followUpId: string, handlingNote: string): Promise<FollowUp> {
  const row = await db.followUp.findFirst({ where: { id: followUpId, person: scope.people(actor) }, select: { id: true } });
  if (!row) throw new NotFoundError('FollowUp', followUpId);
  assertCan(actor, 'followUp.handling');
  const now = new Date();
  return db.$transaction(async (tx) => {
    const [saved] = await sqlRows<{ followUp: FollowUp }>(tx, Prisma.sql`
      WITH f AS (
        UPDATE "FollowUp" SET "handlingNote" = ${handlingNote}, "handledById" = ${actor.userId}::uuid, "handledAt" = ${now}::timestamp, "updatedAt" = ${now}::timestamp
        WHERE id = ${followUpId}::uuid
        RETURNING *
      )
      SELECT ${followUpJson} AS "followUp" FROM f`, { row: FollowUpRow });
    await recordAudit(tx, context, { action: 'follow_up.handling', entity: 'FollowUp', entityId: followUpId });
    return saved!.followUp;
  });
}

/** The worklist statement's row: the class or school, its report of the day, its people as JSON (checked in tests: db/sql.ts). */
const WorklistRow = z.object({
  schoolId: z.string(),
  classId: z.string().nullable(),
  label: z.string(),
  grade: z.number().int().nullable(),
  schoolKind: SchoolKind,
  report: Worklist.shape.report,
  counts: DayCounts,
  people: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      studentNumber: z.string().nullable(),
      guardianName: z.string().nullable(),
      guardianPhone: z.string().nullable(),
      phone: z.string().nullable(),
      caseId: z.string().nullable(),
      followUp: FollowUp.nullable(),
    }),
  ),
});
type WorklistRow = z.infer<typeof WorklistRow>;

/**
 * The day's worklist: a class's students (class teacher) or a school's staff
 * (principal), each with their state, and whether the report is filed. One
 * query: the class or school (in the actor's scope), its report of the day,
 * and its people with their guardian, open quarantine case and record of the day.
 */
export async function worklist(db: Db, actor: Actor, query: { classId?: string; staffOfSchoolId?: string; day?: string }): Promise<Worklist> {
  const centre = await getCentre(db);
  const today = todayOf(centre);
  const day = query.day ?? today;
  const dayValue = dayParam(day);
  const people = peopleScopeOf(actor);
  const items = (where: Prisma.Sql) => Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object(
             'personId', p.id, 'name', p.name, 'studentNumber', p."studentNumber", 'guardianName', g.name, 'guardianPhone', g.phone, 'phone', p.phone,
             'caseId', oc.id, 'followUp', CASE WHEN f.id IS NULL THEN NULL ELSE ${followUpJson} END)
           ORDER BY p."sortName", p.id), '[]')
    FROM "Person" p
    LEFT JOIN LATERAL (${openCaseOn(Prisma.sql`p.id`, dayValue)}) oc ON TRUE
    LEFT JOIN "Guardian" g ON g."personId" = p.id AND g.position = 0
    LEFT JOIN "FollowUp" f ON f."personId" = p.id AND f.day = ${dayValue}
    WHERE ${where} AND p.status = 'active' AND ${people.sql})`;
  // The same people as the items, counted by the one definition of a day's figures.
  const counts = (where: Prisma.Sql) => Prisma.sql`(SELECT ${dayCountsJson} FROM ${peopleOfDay(dayValue)} WHERE ${where} AND p.status = 'active' AND ${people.sql})`;
  const report = (scopeKey: Prisma.Sql) => Prisma.sql`(
    SELECT json_build_object('filedAt', ${isoTimestamp(Prisma.sql`r."filedAt"`)}, 'late', r.late, 'filedByName', r."filedByName", 'kind', r.kind, 'unreached', r.unreached)
    FROM "DailyReport" r WHERE r."scopeKey" = ${scopeKey} AND r.day = ${dayValue})`;
  let row: WorklistRow | undefined;
  if (query.classId) {
    [row] = await sqlRows(db, Prisma.sql`
      SELECT c."schoolId", c.id AS "classId", c.name AS label, c.grade, s.kind::text AS "schoolKind",
             ${report(Prisma.sql`c.id::text`)} AS report,
             ${items(Prisma.sql`p."classId" = c.id AND p.kind = 'student'`)} AS people,
             ${counts(Prisma.sql`p."classId" = c.id AND p.kind = 'student'`)} AS counts
      FROM "SchoolClass" c
      JOIN "School" s ON s.id = c."schoolId"
      WHERE c.id = ${query.classId}::uuid AND ${scopeRuleSql('c', scope.classes(actor))}`, { row: WorklistRow });
    if (!row) throw new NotFoundError('SchoolClass', query.classId);
  } else if (query.staffOfSchoolId) {
    if (actor.role !== 'class_teacher') {
      [row] = await sqlRows(db, Prisma.sql`
        SELECT s.id AS "schoolId", NULL::uuid AS "classId", s.name AS label, NULL::int AS grade, s.kind::text AS "schoolKind",
               ${report(Prisma.sql`'school:' || s.id::text`)} AS report,
               ${items(Prisma.sql`p."schoolId" = s.id AND p.kind = 'staff'`)} AS people,
               ${counts(Prisma.sql`p."schoolId" = s.id AND p.kind = 'staff'`)} AS counts
        FROM "School" s
        WHERE s.id = ${query.staffOfSchoolId}::uuid AND ${scopeRuleSql('s', scope.schools(actor))}`, { row: WorklistRow });
    }
    if (!row) throw new NotFoundError('School', query.staffOfSchoolId);
  } else {
    throw new AppError(400, 'validation_failed', 'validation_failed', {}, { classId: 'field.required' });
  }
  if (people.refusal) throw people.refusal;
  const list = row.people.map((person) => ({
    personId: person.personId,
    name: person.name,
    studentNumber: person.studentNumber,
    guardianName: person.guardianName,
    guardianPhone: person.guardianPhone ? maskPhone(person.guardianPhone) : person.phone ? maskPhone(person.phone) : null,
    inQuarantine: person.caseId !== null,
    caseId: person.caseId,
    status: followUpStatus(person.followUp),
    followUp: observerView.followUp(actor, person.followUp),
  }));
  return {
    day,
    today,
    label: row.grade === null ? row.label : `${gradeLabel(row.schoolKind, row.grade, 'zh-CN')}${row.label}`,
    schoolId: row.schoolId,
    classId: row.classId,
    counts: row.counts,
    report: row.report,
    items: list,
  };
}

export async function getFollowUp(db: Db, actor: Actor, personId: string, day: string): Promise<FollowUp> {
  const [row] = await sqlRows<{ followUp: FollowUp }>(db, Prisma.sql`
    SELECT ${followUpJson} AS "followUp"
    FROM "FollowUp" f
    JOIN "Person" p ON p.id = f."personId"
    WHERE f."personId" = ${personId}::uuid AND f.day = ${dayParam(day)} AND ${scope.peopleSql(actor)}`, { row: FollowUpRow });
  if (!row) throw new NotFoundError('FollowUp');
  return observerView.followUp(actor, row.followUp);
}
