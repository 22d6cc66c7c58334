import { manageableRoles, roleBelongsToSchool, type Account, type AccountInput, type AccountUpdate, type AccountWithPassword, type Role } from '@campus/shared';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../db/client.js';
import { ConflictError, FieldError, ForbiddenError, NotFoundError } from '../lib/errors.js';
import { recordAudit, type AuditContext } from './audit.js';
import { generateOneTimePassword, hashPassword } from './passwords.js';
import { scope, type Actor } from './scope.js';
import { forgetSessions, revokeUserSessions } from './sessions.js';

const select = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  schoolId: true,
  school: { select: { name: true } },
  disabledAt: true,
  mustChangePassword: true,
  createdAt: true,
} as const;
type AccountRow = Prisma.UserGetPayload<{ select: typeof select }>;

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    schoolId: row.schoolId,
    schoolName: row.school?.name ?? null,
    disabled: row.disabledAt !== null,
    mustChangePassword: row.mustChangePassword,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface AccountQuery {
  schoolId?: string;
  role?: Role;
  q?: string;
  includeDisabled: boolean;
}

export async function listAccounts(db: Db, actor: Actor, query: AccountQuery): Promise<Account[]> {
  if (actor.role === 'observer') throw new ForbiddenError();
  const rows = await db.user.findMany({
    where: {
      AND: [
        scope.accounts(actor),
        query.schoolId ? { schoolId: query.schoolId } : {},
        query.role ? { role: query.role } : {},
        query.q ? { OR: [{ username: { contains: query.q, mode: 'insensitive' } }, { displayName: { contains: query.q } }] } : {},
        query.includeDisabled ? {} : { disabledAt: null },
      ],
    },
    select,
    orderBy: [{ school: { code: 'asc' } }, { role: 'asc' }, { username: 'asc' }],
    take: 1000,
  });
  return rows.map(toAccount);
}

async function findAccount(db: Db, actor: Actor, id: string): Promise<AccountRow> {
  const row = await db.user.findFirst({ where: { AND: [{ id }, scope.accounts(actor)] }, select });
  if (!row) throw new NotFoundError('User', id);
  return row;
}

export async function getAccount(db: Db, actor: Actor, id: string): Promise<Account> {
  return toAccount(await findAccount(db, actor, id));
}

/** A manager may act on an account only for roles they manage, in their own school if they are a principal. */
function assertManages(actor: Actor, role: Role, schoolId: string | null) {
  if (!manageableRoles(actor.role).includes(role)) throw new ForbiddenError();
  if (actor.role === 'principal' && schoolId !== actor.schoolId) throw new ForbiddenError();
}

export async function createAccount(db: Db, actor: Actor, context: AuditContext, input: AccountInput): Promise<AccountWithPassword> {
  if (!manageableRoles(actor.role).length) throw new ForbiddenError();
  if (!manageableRoles(actor.role).includes(input.role)) throw new FieldError({ role: 'field.role_not_allowed' }, 403);
  const schoolId = input.schoolId ?? null;
  if (roleBelongsToSchool(input.role) && !schoolId) throw new FieldError({ schoolId: 'field.school_required' });
  if (!roleBelongsToSchool(input.role) && schoolId) throw new FieldError({ schoolId: 'field.school_forbidden' });
  if (schoolId) {
    const school = await db.school.findFirst({ where: { AND: [{ id: schoolId }, scope.schools(actor)] }, select: { active: true } });
    if (!school) throw new FieldError({ schoolId: 'field.invalid_value' });
    if (!school.active) throw new FieldError({ schoolId: 'field.school_inactive' });
  }
  assertManages(actor, input.role, schoolId);
  if (await db.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
    throw new FieldError({ username: 'field.username_taken' }, 409);
  }
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const row = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { username: input.username, displayName: input.displayName, role: input.role, schoolId, passwordHash, mustChangePassword: true },
      select,
    });
    await recordAudit(tx, context, { action: 'account.create', entity: 'User', entityId: created.id });
    return created;
  });
  return { account: toAccount(row), oneTimePassword };
}

export async function updateAccount(db: Db, actor: Actor, context: AuditContext, id: string, input: AccountUpdate): Promise<Account> {
  const existing = await findAccount(db, actor, id);
  assertManages(actor, existing.role, existing.schoolId);
  if (input.disabled === true && id === actor.userId) throw new ConflictError('conflict.cannot_disable_self');
  const row = await db.$transaction(async (tx) => {
    const disabledAt = input.disabled === undefined ? undefined : input.disabled ? (existing.disabledAt ?? new Date()) : null;
    const updated = await tx.user.update({ where: { id }, data: { displayName: input.displayName, disabledAt }, select });
    // A disabled account's sessions end at once.
    if (input.disabled === true) await revokeUserSessions(tx, id);
    const action = input.disabled === true ? 'account.disable' : input.disabled === false ? 'account.enable' : 'account.update';
    await recordAudit(tx, context, { action, entity: 'User', entityId: id });
    return updated;
  });
  forgetSessions();
  return toAccount(row);
}

/** A new one-time password; the account must change it at next sign-in and its sessions end. */
export async function resetPassword(db: Db, actor: Actor, context: AuditContext, id: string): Promise<AccountWithPassword> {
  const existing = await findAccount(db, actor, id);
  assertManages(actor, existing.role, existing.schoolId);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const row = await db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id }, data: { passwordHash, mustChangePassword: true }, select });
    await revokeUserSessions(tx, id);
    await recordAudit(tx, context, { action: 'account.reset_password', entity: 'User', entityId: id });
    return updated;
  });
  forgetSessions();
  return { account: toAccount(row), oneTimePassword };
}
