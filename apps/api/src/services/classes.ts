import type { SchoolClass, SchoolClassInput, SchoolClassUpdate } from '@campus/shared';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../db/client.js';
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from '../lib/errors.js';
import { recordAudit, type AuditContext } from './audit.js';
import { assertCan, scope, type Actor } from './scope.js';

const include = { school: { select: { name: true } }, headTeacher: { select: { displayName: true } } } as const;
type ClassRow = Prisma.SchoolClassGetPayload<{ include: typeof include }>;

function toSchoolClass(row: ClassRow): SchoolClass {
  return {
    id: row.id,
    schoolId: row.schoolId,
    schoolName: row.school.name,
    grade: row.grade,
    name: row.name,
    headTeacherId: row.headTeacherId,
    headTeacherName: row.headTeacher?.displayName ?? null,
    active: row.active,
  };
}

export async function listClasses(db: Db, actor: Actor, query: { schoolId?: string; includeInactive: boolean }): Promise<SchoolClass[]> {
  const rows = await db.schoolClass.findMany({
    where: { AND: [scope.classes(actor), query.schoolId ? { schoolId: query.schoolId } : {}, query.includeInactive ? {} : { active: true }] },
    include,
    orderBy: [{ school: { code: 'asc' } }, { grade: 'asc' }, { name: 'asc' }],
  });
  return rows.map(toSchoolClass);
}

async function findClass(db: Db, actor: Actor, id: string): Promise<ClassRow> {
  const row = await db.schoolClass.findFirst({ where: { AND: [{ id }, scope.classes(actor)] }, include });
  if (!row) throw new NotFoundError('SchoolClass', id);
  return row;
}

export async function getClass(db: Db, actor: Actor, id: string): Promise<SchoolClass> {
  return toSchoolClass(await findClass(db, actor, id));
}

/** The centre writes any school's classes; a principal their own school's. */
async function assertCanManageSchool(db: Db, actor: Actor, schoolId: string) {
  const school = await db.school.findFirst({ where: { AND: [{ id: schoolId }, scope.schools(actor)] }, select: { id: true, active: true } });
  if (!school) throw new FieldError({ schoolId: 'field.invalid_value' });
  assertCan(actor, 'classes.write');
  if (actor.role === 'principal' && actor.schoolId !== schoolId) throw new ForbiddenError();
  if (!school.active) throw new FieldError({ schoolId: 'field.school_inactive' });
}

async function assertHeadTeacher(db: Db, schoolId: string, headTeacherId: string | null | undefined) {
  if (!headTeacherId) return;
  const teacher = await db.user.findFirst({
    where: { id: headTeacherId, schoolId, role: { in: ['class_teacher', 'principal'] }, disabledAt: null },
    select: { id: true },
  });
  if (!teacher) throw new FieldError({ headTeacherId: 'field.head_teacher_invalid' });
}

async function assertNameFree(db: Db, schoolId: string, grade: number, name: string, exceptId?: string) {
  const clash = await db.schoolClass.findFirst({ where: { schoolId, grade, name, NOT: exceptId ? { id: exceptId } : undefined }, select: { id: true } });
  if (clash) throw new FieldError({ name: 'field.class_taken' }, 409);
}

export async function createClass(db: Db, actor: Actor, context: AuditContext, input: SchoolClassInput): Promise<SchoolClass> {
  await assertCanManageSchool(db, actor, input.schoolId);
  await assertHeadTeacher(db, input.schoolId, input.headTeacherId);
  await assertNameFree(db, input.schoolId, input.grade, input.name);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.schoolClass.create({ data: { ...input, headTeacherId: input.headTeacherId ?? null }, include });
    await recordAudit(tx, context, { action: 'class.create', entity: 'SchoolClass', entityId: created.id });
    return created;
  });
  return toSchoolClass(row);
}

export async function updateClass(db: Db, actor: Actor, context: AuditContext, id: string, input: SchoolClassUpdate): Promise<SchoolClass> {
  const existing = await findClass(db, actor, id);
  await assertCanManageSchool(db, actor, existing.schoolId);
  await assertHeadTeacher(db, existing.schoolId, input.headTeacherId);
  if (input.grade !== undefined || input.name !== undefined) {
    await assertNameFree(db, existing.schoolId, input.grade ?? existing.grade, input.name ?? existing.name, id);
  }
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.schoolClass.update({ where: { id }, data: input, include });
    if (input.grade !== undefined || input.name !== undefined) {
      // Keep the roster's class-order paging key in step (services/people/keys.ts: classSortKey).
      await tx.$executeRaw`UPDATE "Person" SET "sortClass" = lpad(${updated.grade}::text, 2, '0') || '|' || ${updated.name} || '|' || "sortName" WHERE "classId" = ${id}::uuid`;
    }
    const action = input.active === false ? 'class.deactivate' : input.active === true ? 'class.reactivate' : 'class.update';
    await recordAudit(tx, context, { action, entity: 'SchoolClass', entityId: id });
    return updated;
  });
  return toSchoolClass(row);
}

/**
 * Deletes a class that was created by mistake. A class with anyone on its
 * roster, present or past, is refused: deactivate it instead.
 */
export async function deleteClass(db: Db, actor: Actor, context: AuditContext, id: string): Promise<void> {
  const existing = await findClass(db, actor, id);
  await assertCanManageSchool(db, actor, existing.schoolId);
  await db.$transaction(async (tx) => {
    if (await tx.person.count({ where: { classId: id } })) throw new ConflictError('conflict.class_has_dependents');
    await tx.schoolClass.delete({ where: { id } });
    await recordAudit(tx, context, { action: 'class.delete', entity: 'SchoolClass', entityId: id });
  });
}
