import { Prisma } from '../generated/prisma/client.js';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { sqlRows } from '../db/sql.js';
import { TooManyRequestsError } from '../lib/errors.js';

/**
 * Password-guess throttling (ADR 0003; OWASP ASVS 5 V6.1.1, V6.3.1): every
 * check of a password — sign-in, and the current password on a password
 * change — first takes an attempt from three counters in the `LoginThrottle`
 * table, in one transaction that locks their rows, and only then is the hash
 * checked. Parallel attempts therefore queue on the rows and are each decided
 * on the count the previous one left; no attempt is checked past a limit.
 *
 * - the (account, address) pair: 5 failures free, then growing delays — the
 *   pair is refused until 30 s after the 5th failure, 60 s after the 6th, …,
 *   at most 15 min; a right password clears it. This is what an attacker at one
 *   address meets; it never locks the account for anyone else.
 * - the address, whatever the account (password spraying): 50 failures per 15 min.
 * - the account, whatever the address (many addresses): 100 failures per hour,
 *   high on purpose, so nobody can easily lock the centre out from elsewhere.
 *
 * An attempt counts as a failure from the moment it is admitted (so attempts
 * in flight count); a right password gives it back.
 */
export const LOGIN_THROTTLE = {
  pair: { freeFailures: 5, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000, forgetAfterMs: 24 * 3600_000 },
  address: { maxFailures: 50, windowMs: 15 * 60_000 },
  account: { maxFailures: 100, windowMs: 3600_000 },
} as const;

type Scope = 'pair' | 'address' | 'account';

/** A throttle row as the statement below sends it (int4 columns: numbers; checked in tests: db/sql.ts). */
const CounterRow = z.object({
  key: z.string(),
  failures: z.number().int(),
  /** milliseconds until the pair's delay has passed (0 when it has) */
  blocked_ms: z.number().int(),
  /** milliseconds until the row's window ends */
  expires_ms: z.number().int(),
});

export interface ThrottleKeys {
  pair: string;
  address: string;
  account: string;
}

export function throttleKeys(username: string, ip: string): ThrottleKeys {
  return { pair: `pair:${username}@${ip}`, address: `address:${ip}`, account: `account:${username}` };
}

/** The delay after the pair's `failures`-th failure. */
export function pairDelayMs(failures: number): number {
  const { freeFailures, firstDelayMs, maxDelayMs } = LOGIN_THROTTLE.pair;
  if (failures < freeFailures) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - freeFailures, 20));
}

const ms = (value: number) => Prisma.sql`(${value}::int * interval '1 millisecond')`;

/**
 * Takes one attempt for `username` from `ip`, or throws 429 with the seconds
 * until the next attempt may be made. Call before checking the password; call
 * `giveBackAttempt` when the password proved right.
 */
export async function takeAttempt(db: Db, username: string, ip: string): Promise<ThrottleKeys> {
  const keys = throttleKeys(username, ip);
  const scopeOf = new Map<string, Scope>([
    [keys.pair, 'pair'],
    [keys.address, 'address'],
    [keys.account, 'account'],
  ]);
  // Rows are created and locked in key order, so two attempts never wait for each other in a circle.
  const sorted = [...scopeOf.keys()].sort();
  const refusedForMs = await db.$transaction(
    async (tx) => {
      // A new row starts stale (ended long ago), whatever the clock of the transactions that wait for it.
      await tx.$executeRaw`INSERT INTO "LoginThrottle" (key, "expiresAt")
        SELECT key, timestamp '2000-01-01' FROM unnest(${sorted}::text[]) WITH ORDINALITY AS k(key, position) ORDER BY position
        ON CONFLICT (key) DO NOTHING`;
      const rows = await sqlRows(tx, Prisma.sql`
        SELECT key,
               CASE WHEN "expiresAt" > now() THEN failures ELSE 0 END AS failures,
               CASE WHEN "expiresAt" > now() THEN GREATEST(0, ceil(extract(epoch FROM "blockedUntil" - now()) * 1000))::int ELSE 0 END AS blocked_ms,
               GREATEST(0, ceil(extract(epoch FROM "expiresAt" - now()) * 1000))::int AS expires_ms
        FROM "LoginThrottle" WHERE key = ANY(${sorted}::text[]) ORDER BY key FOR UPDATE`, { row: CounterRow });
      let waitMs = 0;
      for (const row of rows) {
        const scope = scopeOf.get(row.key)!;
        if (scope === 'pair') {
          if (row.failures >= LOGIN_THROTTLE.pair.freeFailures && row.blocked_ms > 0) waitMs = Math.max(waitMs, row.blocked_ms);
        } else if (row.failures >= LOGIN_THROTTLE[scope].maxFailures) {
          waitMs = Math.max(waitMs, row.expires_ms);
        }
      }
      if (waitMs > 0) return waitMs;
      for (const row of rows) {
        const scope = scopeOf.get(row.key)!;
        const failures = row.failures + 1;
        if (scope === 'pair') {
          await tx.$executeRaw`UPDATE "LoginThrottle" SET failures = ${failures},
              "windowStart" = CASE WHEN "expiresAt" > now() THEN "windowStart" ELSE now() END,
              "blockedUntil" = now() + ${ms(pairDelayMs(failures))},
              "expiresAt" = now() + ${ms(LOGIN_THROTTLE.pair.forgetAfterMs)}
            WHERE key = ${row.key}`;
        } else {
          await tx.$executeRaw`UPDATE "LoginThrottle" SET failures = ${failures},
              "windowStart" = CASE WHEN "expiresAt" > now() THEN "windowStart" ELSE now() END,
              "expiresAt" = CASE WHEN "expiresAt" > now() THEN "expiresAt" ELSE now() + ${ms(LOGIN_THROTTLE[scope].windowMs)} END
            WHERE key = ${row.key}`;
        }
      }
      return 0;
    },
    // Attempts queue for the pool's connections under a burst; the transaction itself takes a few milliseconds.
    { maxWait: 30_000, timeout: 10_000 },
  );
  if (refusedForMs > 0) throw new TooManyRequestsError(Math.max(1, Math.ceil(refusedForMs / 1000)));
  if (Math.random() < 0.02) void forgetStaleCounters(db).catch(() => undefined);
  return keys;
}

/** The password was right: the pair starts over, the address and account counters get the attempt back. */
export async function giveBackAttempt(db: Db, keys: ThrottleKeys): Promise<void> {
  // One row per statement: a statement locking two rows could wait in a circle with takeAttempt.
  await db.$executeRaw`DELETE FROM "LoginThrottle" WHERE key = ${keys.pair}`;
  for (const key of [keys.address, keys.account]) {
    await db.$executeRaw`UPDATE "LoginThrottle" SET failures = GREATEST(failures - 1, 0) WHERE key = ${key} AND "expiresAt" > now()`;
  }
}

/** Counters an hour past their end (unknown user names tried once, say); rows in use are skipped. */
async function forgetStaleCounters(db: Db): Promise<void> {
  await db.$executeRaw`DELETE FROM "LoginThrottle" WHERE key IN (
    SELECT key FROM "LoginThrottle" WHERE "expiresAt" < now() - interval '1 hour' LIMIT 1000 FOR UPDATE SKIP LOCKED)`;
}
