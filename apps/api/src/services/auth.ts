import type { ChangePasswordInput, LoginInput } from '@campus/shared';
import type { Db } from '../db/client.js';
import { AppError, FieldError } from '../lib/errors.js';
import { recordAudit } from './audit.js';
import { giveBackAttempt, takeAttempt } from './login-throttle.js';
import { burnVerifyTime, hashPassword, verifyPassword } from './passwords.js';
import type { Actor } from './scope.js';
import { createSession, forgetSessions, revokeUserSessions } from './sessions.js';

/**
 * Signs a user in and returns a new session token (a new one at every login).
 * A wrong password, an unknown user and a disabled account all answer the
 * same, so the error never tells whether a user name exists. The attempt is
 * taken from the throttle before the password is checked (login-throttle.ts).
 */
export async function login(db: Db, input: LoginInput, ip: string, absoluteHours: number): Promise<{ token: string; actor: Actor }> {
  const attempt = await takeAttempt(db, input.username, ip);
  const user = await db.user.findUnique({ where: { username: input.username } });
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await burnVerifyTime(input.password), false);
  if (!user || !valid || user.disabledAt) {
    await recordAudit(db, { actor: null, ip, username: input.username }, { action: 'auth.login_failed', entity: 'User', entityId: user?.id });
    throw new AppError(401, 'invalid_credentials');
  }
  await giveBackAttempt(db, attempt);
  const actor: Actor = { userId: user.id, username: user.username, role: user.role, schoolId: user.schoolId };
  const token = await createSession(db, user.id, absoluteHours);
  await recordAudit(db, { actor, ip }, { action: 'auth.login', entity: 'User', entityId: user.id });
  return { token, actor };
}

/**
 * Changes one's own password; other sessions of the account end. The current
 * password is a password guess like a sign-in (a session left open on a shared
 * computer): it is throttled on the same counters.
 */
export async function changePassword(db: Db, actor: Actor, sessionId: string, input: ChangePasswordInput, ip: string): Promise<void> {
  const attempt = await takeAttempt(db, actor.username, ip);
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new FieldError({ currentPassword: 'field.password_wrong' });
  }
  await giveBackAttempt(db, attempt);
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, mustChangePassword: false } });
    await revokeUserSessions(tx, user.id, sessionId);
    await recordAudit(tx, { actor, ip }, { action: 'auth.password_change', entity: 'User', entityId: user.id });
  });
  forgetSessions();
}
