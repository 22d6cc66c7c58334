import type { Db } from '../db/client.js';
import { TooManyRequestsError } from '../lib/errors.js';

const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_IP = 20;

/**
 * Login throttling, counted from the audit log's failed-login rows so that it
 * holds across several API processes without shared memory. Per account:
 * 5 failures since the last success within 15 minutes; per IP: 20.
 */
export async function assertLoginAllowed(db: Db, username: string, ip: string): Promise<void> {
  const since = new Date(Date.now() - WINDOW_MS);
  const lastSuccess = await db.auditLog.findFirst({
    where: { action: 'auth.login', username, at: { gte: since } },
    orderBy: { at: 'desc' },
    select: { at: true },
  });
  const accountSince = lastSuccess && lastSuccess.at > since ? lastSuccess.at : since;
  const [accountFailures, ipFailures] = await Promise.all([
    db.auditLog.findMany({
      where: { action: 'auth.login_failed', username, at: { gt: accountSince } },
      orderBy: { at: 'asc' },
      select: { at: true },
    }),
    db.auditLog.findMany({
      where: { action: 'auth.login_failed', ip, at: { gt: since } },
      orderBy: { at: 'desc' },
      select: { at: true },
      take: MAX_FAILURES_PER_IP,
    }),
  ]);
  const retryAfter = (oldestCounted: Date) => Math.max(1, Math.ceil((oldestCounted.getTime() + WINDOW_MS - Date.now()) / 1000));
  if (accountFailures.length >= MAX_FAILURES_PER_ACCOUNT) {
    throw new TooManyRequestsError(retryAfter(accountFailures[accountFailures.length - MAX_FAILURES_PER_ACCOUNT]!.at));
  }
  if (ipFailures.length >= MAX_FAILURES_PER_IP) {
    throw new TooManyRequestsError(retryAfter(ipFailures[ipFailures.length - 1]!.at));
  }
}
