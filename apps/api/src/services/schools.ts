import type { School, SchoolInput, SchoolUpdate } from '@campus/shared';
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../db/client.js';
import { ConflictError, FieldError, NotFoundError } from '../lib/errors.js';
import { recordAudit, type AuditContext } from './audit.js';
import { assertCan, scope, type Actor } from './scope.js';

const withCounts = {
  _count: { select: { classes: { where: { active: true } }, users: { where: { disabledAt: null } } } },
} as const;

type SchoolRow = { id: string; code: string; name: string; kind: School['kind']; active: boolean; _count: { classes: number; users: number } };

function toSchool(row: SchoolRow): School {
  return { id: row.id, code: row.code, name: row.name, kind: row.kind, active: row.active, classCount: row._count.classes, accountCount: row._count.users };
}

export async function listSchools(db: Db, actor: Actor, includeInactive: boolean): Promise<School[]> {
  const rows = await db.school.findMany({
    where: { AND: [scope.schools(actor), includeInactive ? {} : { active: true }] },
    include: withCounts,
    orderBy: { code: 'asc' },
  });
  return rows.map(toSchool);
}

export async function getSchool(db: Db, actor: Actor, id: string): Promise<School> {
  const row = await db.school.findFirst({ where: { AND: [{ id }, scope.schools(actor)] }, include: withCounts });
  if (!row) throw new NotFoundError('School', id);
  return toSchool(row);
}

async function assertUnique(db: Db, fields: { code?: string; name?: string }, exceptId?: string) {
  const clash = await db.school.findFirst({
    where: { OR: [fields.code ? { code: fields.code } : {}, fields.name ? { name: fields.name } : {}].filter((part) => Object.keys(part).length), NOT: exceptId ? { id: exceptId } : undefined },
    select: { code: true, name: true },
  });
  if (!clash) return;
  const problems: Record<string, string> = {};
  if (fields.code && clash.code === fields.code) problems.code = 'field.school_code_taken';
  if (fields.name && clash.name === fields.name) problems.name = 'field.school_name_taken';
  throw new FieldError(problems, 409);
}

export async function createSchool(db: Db, actor: Actor, context: AuditContext, input: SchoolInput): Promise<School> {
  assertCan(actor, 'schools.write');
  await assertUnique(db, input);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.school.create({ data: input, include: withCounts });
    await recordAudit(tx, context, { action: 'school.create', entity: 'School', entityId: created.id });
    return created;
  });
  return toSchool(row);
}

export async function updateSchool(db: Db, actor: Actor, context: AuditContext, id: string, input: SchoolUpdate): Promise<School> {
  await getSchool(db, actor, id);
  assertCan(actor, 'schools.write');
  if (input.name) await assertUnique(db, { name: input.name }, id);
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.school.update({ where: { id }, data: input, include: withCounts });
    const action = input.active === false ? 'school.deactivate' : input.active === true ? 'school.reactivate' : 'school.update';
    await recordAudit(tx, context, { action, entity: 'School', entityId: id });
    return updated;
  });
  return toSchool(row);
}

/** Only an empty school can be deleted; one with classes or accounts is deactivated instead. */
export async function deleteSchool(db: Db, actor: Actor, context: AuditContext, id: string): Promise<void> {
  await getSchool(db, actor, id);
  assertCan(actor, 'schools.write');
  try {
    await db.$transaction(async (tx) => {
      // One after the other: a transaction has one connection.
      const classes = await tx.schoolClass.count({ where: { schoolId: id } });
      const accounts = await tx.user.count({ where: { schoolId: id } });
      if (classes > 0 || accounts > 0) throw new ConflictError('conflict.school_has_dependents', { classes, accounts });
      await tx.school.delete({ where: { id } });
      await recordAudit(tx, context, { action: 'school.delete', entity: 'School', entityId: id });
    });
  } catch (error) {
    // Anything else that names the school (people, the supplies ledger, transfers…) keeps it: history is never deleted.
    if (isForeignKeyViolation(error)) throw new ConflictError('conflict.school_has_records');
    throw error;
  }
}

/**
 * A row elsewhere still names this one. Inside an interactive transaction the
 * pg adapter passes PostgreSQL's error through (23001 for a RESTRICT key, 23503
 * for NO ACTION) instead of Prisma's P2003.
 */
function isForeignKeyViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError) return error.code === 'P2003';
  const cause = (error as { cause?: { kind?: string; originalCode?: string } } | null)?.cause;
  return cause?.kind === 'ForeignKeyConstraintViolation' || cause?.originalCode === '23001' || cause?.originalCode === '23503';
}
