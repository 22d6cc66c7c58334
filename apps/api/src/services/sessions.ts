import crypto from 'node:crypto';
import type { Db } from '../db/client.js';
import { announceSessionChange, hearsSessionChanges, onSessionChange } from '../db/session-changes.js';
import { sqlRows } from '../db/sql.js';
import { Prisma } from '../generated/prisma/client.js';
import { Role } from '@campus/shared';
import { z } from 'zod';

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

/** The session statement's row (checked in tests: db/sql.ts); `expiresAtMs` is float8, a number on the pool. */
const SessionRow = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  role: Role,
  schoolId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  stale: z.boolean(),
  expiresAtMs: z.number(),
});

/**
 * Sessions resolved in the last few seconds, by token hash: most requests
 * then cost no session round trip (docs/decisions/0010-hot-sql-on-the-pool.md).
 * Everything that ends a session or changes what it carries (sign-out,
 * disabling, password change or reset, the idle setting) announces it in its
 * transaction, so every API process forgets what it remembered when the
 * write commits, and calls `forgetSessions` after the commit, so this process
 * has forgotten before it answers. A process that does not hear those
 * announcements remembers nothing.
 */
const REMEMBER_MS = 5_000;
const remembered = new Map<string, { user: SessionUser; until: number }>();

export function forgetSessions(): void {
  remembered.clear();
}
onSessionChange(forgetSessions);

/**
 * The user behind a cookie token, or null when the session is unknown,
 * revoked, past its absolute end, idle too long (centre setting), or its
 * account is disabled. One SQL round trip on every request (hot path), so it is
 * written out and runs on the pool (db/sql.ts).
 */
export async function resolveSession(db: Db, token: string): Promise<SessionUser | null> {
  const id = hashToken(token);
  const now = Date.now();
  const remember = hearsSessionChanges(db);
  const hit = remember ? remembered.get(id) : undefined;
  if (hit && hit.until > now) return hit.user;
  if (hit) remembered.delete(id);
  const rows = await sqlRows(db, Prisma.sql`
    SELECT s.id, u.id AS "userId", u.username, u.role::text AS role, u."schoolId", u."mustChangePassword",
           s."lastSeenAt" < now() - ${TOUCH_AFTER_MS} * interval '1 millisecond' AS stale,
           floor(extract(epoch FROM s."expiresAt") * 1000)::float8 AS "expiresAtMs"
    FROM "Session" s
    JOIN "User" u ON u.id = s."userId"
    JOIN "Centre" c ON c.id = 1
    WHERE s.id = ${id}
      AND s."revokedAt" IS NULL
      AND u."disabledAt" IS NULL
      AND s."expiresAt" > now()
      AND s."lastSeenAt" > now() - c."sessionIdleMinutes" * interval '1 minute'`, { row: SessionRow });
  const session = rows[0];
  if (!session) return null;
  if (session.stale) await sqlRows(db, Prisma.sql`UPDATE "Session" SET "lastSeenAt" = now() WHERE id = ${session.id}`);
  const user: SessionUser = {
    sessionId: session.id,
    userId: session.userId,
    username: session.username,
    role: session.role,
    schoolId: session.schoolId,
    mustChangePassword: session.mustChangePassword,
  };
  if (remember) {
    if (remembered.size >= 10_000) remembered.clear();
    remembered.set(id, { user, until: Math.min(now + REMEMBER_MS, session.expiresAtMs) });
  }
  return user;
}

export async function revokeSession(db: Db, sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
  await announceSessionChange(db);
  forgetSessions();
}

export async function revokeUserSessions(db: Pick<Db, 'session' | '$queryRaw'>, userId: string, exceptSessionId?: string): Promise<void> {
  await db.session.updateMany({
    where: { userId, revokedAt: null, ...(exceptSessionId ? { id: { not: exceptSessionId } } : {}) },
    data: { revokedAt: new Date() },
  });
  // Always inside the caller's transaction: the caller forgets after its commit.
  await announceSessionChange(db);
}
