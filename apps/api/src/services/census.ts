import type { CensusCategory, CensusCategoryInput, CensusCategoryUpdate } from '@campus/shared';
import type { Db } from '../db/client.js';
import type { Prisma } from '../generated/prisma/client.js';
import { FieldError, NotFoundError } from '../lib/errors.js';
import { recordAudit, type AuditContext } from './audit.js';
import { assertCan, type Actor } from './scope.js';

export async function listCategories(db: Db): Promise<CensusCategory[]> {
  return db.censusCategory.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] });
}

export async function createCategory(db: Db, actor: Actor, context: AuditContext, input: Required<CensusCategoryInput>): Promise<CensusCategory> {
  assertCan(actor, 'census.write');
  if (await db.censusCategory.count({ where: { code: input.code } })) throw new FieldError({ code: 'field.category_taken' }, 409);
  return db.$transaction(async (tx) => {
    const created = await tx.censusCategory.create({ data: input });
    await recordAudit(tx, context, { action: 'census_category.create', entity: 'CensusCategory', entityId: created.id });
    return created;
  });
}

export async function updateCategory(db: Db, actor: Actor, context: AuditContext, id: string, input: CensusCategoryUpdate): Promise<CensusCategory> {
  assertCan(actor, 'census.write');
  if (!(await db.censusCategory.count({ where: { id } }))) throw new NotFoundError('CensusCategory', id);
  return db.$transaction(async (tx) => {
    const updated = await tx.censusCategory.update({ where: { id }, data: input });
    await recordAudit(tx, context, { action: 'census_category.update', entity: 'CensusCategory', entityId: id });
    return updated;
  });
}

/**
 * Moves a person's census category because of something that happened to
 * them, so the roster's counts agree with it: a quarantine case opening
 * ("in home quarantine") or closing ("normal", or "unwell" after a transfer to
 * medical care), a follow-up finding a fever or symptoms ("unwell"). With
 * `from`, only a person still in that category moves (someone may meanwhile
 * have put them in another by hand). Recorded in the person's history; the
 * caller writes the audit row. Returns whether the category changed.
 */
export async function followCensusCategory(tx: Prisma.TransactionClient, actor: Actor, byName: string, personId: string, change: { from: string | null; to: string }): Promise<boolean> {
  const person = await tx.person.findUniqueOrThrow({ where: { id: personId }, select: { category: { select: { code: true, label: true } } } });
  if (change.from !== null && person.category?.code !== change.from) return false;
  const to = await tx.censusCategory.findFirst({ where: { code: change.to, active: true } });
  if (!to || person.category?.code === to.code) return false;
  await tx.person.update({ where: { id: personId }, data: { categoryId: to.id } });
  await tx.personEvent.create({ data: { personId, kind: 'category_changed', byUserId: actor.userId, byName, fromLabel: person.category?.label ?? null, toLabel: to.label } });
  return true;
}
