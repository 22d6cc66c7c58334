import crypto from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Role } from '@campus/shared';
import { getCentre } from './settings.js';

export const SESSION_COOKIE = 'cg_session';

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** Creates a session with a fresh 128-bit token; returns the token for the cookie. */
export async function createSession(db: Db, userId: string, absoluteHours: number): Promise<string> {
  const token = crypto.randomBytes(16).toString('base64url');
  await db.session.create({
    data: { id: hashToken(token), userId, expiresAt: new Date(Date.now() + absoluteHours * 3600_000) },
  });
  return token;
}

export interface SessionUser {
  sessionId: string;
  userId: string;
  username: string;
  role: Role;
  schoolId: string | null;
  mustChangePassword: boolean;
}

/** Touch `lastSeenAt` at most this often, so reads do not each write. */
const TOUCH_AFTER_MS = 60_000;

/**
 * The user behind a cookie token, or null when the session is unknown,
 * revoked, past its absolute end, idle too long, or its account is disabled.
 */
export async function resolveSession(db: Db, token: string): Promise<SessionUser | null> {
  const session = await db.session.findUnique({
    where: { id: hashToken(token) },
    include: { user: { select: { id: true, username: true, role: true, schoolId: true, disabledAt: true, mustChangePassword: true } } },
  });
  if (!session || session.revokedAt || session.user.disabledAt) return null;
  const now = Date.now();
  const centre = await getCentre(db);
  if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + centre.sessionIdleMinutes * 60_000 <= now) {
    return null;
  }
  if (now - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
  }
  return {
    sessionId: session.id,
    userId: session.user.id,
    username: session.user.username,
    role: session.user.role,
    schoolId: session.user.schoolId,
    mustChangePassword: session.user.mustChangePassword,
  };
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function revokeUserSessions(db: Pick<Db, 'session'>, userId: string, exceptSessionId?: string): Promise<void> {
  await db.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
}
