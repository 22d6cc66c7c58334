/**
 * Hot statements straight on the `pg` pool (docs/decisions/0010-hot-sql-on-the-pool.md).
 * A Prisma call costs ~0.5 ms of CPU whatever the query; the same statement
 * on the pool ~0.1 ms, and as a named prepared statement PostgreSQL plans it
 * once per connection instead of on every request.
 */
import crypto from 'node:crypto';
import type pg from 'pg';
import type { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.js';

interface Pools {
  /** Connections that keep one generic plan per prepared statement. */
  hotPool: pg.Pool;
  /** Connections that plan every execution for its values (force_custom_plan). */
  searchPool: pg.Pool;
}
const pools = new WeakMap<object, Pools>();

export function registerPools(client: object, registered: Pools): void {
  pools.set(client, registered);
}

/**
 * Column types as these statements return them: JSON parsed, booleans and
 * 32-bit numbers as such, everything else (uuid, text, timestamps, numeric,
 * bigint) as the text PostgreSQL sends. Dates are never parsed in the
 * process's local time zone.
 */
const PARSERS: Record<number, (value: string) => unknown> = {
  16: (value) => value === 't', // bool
  21: Number, // int2
  23: Number, // int4
  700: Number, // float4
  701: Number, // float8
  114: (value): unknown => JSON.parse(value), // json
  3802: (value): unknown => JSON.parse(value), // jsonb
};
const asText = (value: string) => value;
const types = { getTypeParser: (oid: number) => PARSERS[oid] ?? asText };

/** Statement names by text: the same text is prepared once per connection. */
const names = new Map<string, string>();
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `cg_${crypto.createHash('sha1').update(text).digest('base64url')}`;
    if (names.size < 2000) names.set(text, name);
  }
  return name;
}

/** Parameters as Prisma would send them: a Date as its UTC instant. */
function valueOf(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Runs one statement built with `Prisma.sql` and returns its rows. On the
 * client made by `createPrismaClient` it goes straight to a pool as a named
 * prepared statement (parsed once per connection): on the hot pool, planned
 * once per connection (generic plans forced), or with `planEachTime` on the
 * search pool, whose connections plan every execution for the values at hand
 * (searches whose best plan depends on the pattern; naming them still saves
 * parsing them, ~0.3 ms a search). On anything else (a transaction's client)
 * it goes through `$queryRaw`, so a statement inside a transaction stays
 * inside it.
 */
export async function sqlRows<T>(
  db: { $queryRaw: Prisma.TransactionClient['$queryRaw'] },
  statement: Prisma.Sql,
  options: { planEachTime?: boolean; row?: z.ZodType<T> } = {},
): Promise<T[]> {
  const rows = await run<T>(db, statement, options.planEachTime);
  if (options.row && checkRows) checkShape(options.row, rows, statement);
  return rows;
}

async function run<T>(db: { $queryRaw: Prisma.TransactionClient['$queryRaw'] }, statement: Prisma.Sql, planEachTime = false): Promise<T[]> {
  const registered = pools.get(db);
  if (!registered) return db.$queryRaw<T[]>(statement);
  const values = statement.values.map(valueOf);
  const pool = planEachTime ? registered.searchPool : registered.hotPool;
  const result = await pool.query({ name: nameOf(statement.text), text: statement.text, values, types });
  return result.rows as T[];
}

/**
 * Hand-written SQL answers are cast to their type for speed; in tests and in
 * development (`checkSqlRowShapes(true)`: the test app, `NODE_ENV=development`)
 * each row given a `row` schema is also checked against it, so SQL that drifts
 * from its wire shape fails loudly there instead of reaching a browser. The
 * rows are returned as PostgreSQL sent them either way (a check, not a
 * transform), so tests see what production serves.
 */
let checkRows = false;
export function checkSqlRowShapes(enabled: boolean): void {
  checkRows = enabled;
}

function checkShape(schema: z.ZodType, rows: unknown[], statement: Prisma.Sql): void {
  rows.forEach((row, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      const where = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`);
      throw new Error(`SQL row ${index} does not match its schema (${where.join('; ')}) in: ${statement.text.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
  });
}
