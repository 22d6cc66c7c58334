import type { CensusCategory, CensusCategoryInput, CensusCategoryUpdate } from '@campus/shared';
import type { Db } from '../db/client.js';
import { FieldError, NotFoundError } from '../lib/errors.js';
import { recordAudit, type AuditContext } from './audit.js';
import { assertRole, type Actor } from './scope.js';

export async function listCategories(db: Db): Promise<CensusCategory[]> {
  return db.censusCategory.findMany({ orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] });
}

export async function createCategory(db: Db, actor: Actor, context: AuditContext, input: Required<CensusCategoryInput>): Promise<CensusCategory> {
  assertRole(actor, ['centre_admin']);
  if (await db.censusCategory.count({ where: { code: input.code } })) throw new FieldError({ code: 'field.category_taken' }, 409);
  return db.$transaction(async (tx) => {
    const created = await tx.censusCategory.create({ data: input });
    await recordAudit(tx, context, { action: 'census_category.create', entity: 'CensusCategory', entityId: created.id });
    return created;
  });
}

export async function updateCategory(db: Db, actor: Actor, context: AuditContext, id: string, input: CensusCategoryUpdate): Promise<CensusCategory> {
  assertRole(actor, ['centre_admin']);
  if (!(await db.censusCategory.count({ where: { id } }))) throw new NotFoundError('CensusCategory', id);
  return db.$transaction(async (tx) => {
    const updated = await tx.censusCategory.update({ where: { id }, data: input });
    await recordAudit(tx, context, { action: 'census_category.update', entity: 'CensusCategory', entityId: id });
    return updated;
  });
}
