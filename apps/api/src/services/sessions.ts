import crypto from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Role } from '@campus/shared';

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

interface SessionRow {
  id: string;
  userId: string;
  username: string;
  role: Role;
  schoolId: string | null;
  mustChangePassword: boolean;
  lastSeenAt: Date;
  stale: boolean;
}

/**
 * The user behind a cookie token, or null when the session is unknown,
 * revoked, past its absolute end, idle too long (centre setting), or its
 * account is disabled. One SQL round trip on every request (hot path), so it is
 * written out rather than composed by the ORM.
 */
export async function resolveSession(db: Db, token: string): Promise<SessionUser | null> {
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s.id, u.id AS "userId", u.username, u.role::text AS role, u."schoolId", u."mustChangePassword", s."lastSeenAt",
           s."lastSeenAt" < now() - ${TOUCH_AFTER_MS} * interval '1 millisecond' AS stale
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    JOIN "Centre" c ON c.id = 1
    WHERE s.id = ${hashToken(token)}
      AND s."revokedAt" IS NULL
      AND u."disabledAt" IS NULL
      AND s."expiresAt" > now()
      AND s."lastSeenAt" > now() - c."sessionIdleMinutes" * interval '1 minute'`;
  const session = rows[0];
  if (!session) return null;
  if (session.stale) await db.$executeRaw`UPDATE "Session" SET "lastSeenAt" = now() WHERE id = ${session.id}`;
  return {
    sessionId: session.id,
    userId: session.userId,
    username: session.username,
    role: session.role,
    schoolId: session.schoolId,
    mustChangePassword: session.mustChangePassword,
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
