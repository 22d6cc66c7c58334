import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { registerPool } from './sql.js';

export type Db = PrismaClient;

/**
 * The Prisma client over a `pg` pool that the hot statements also use
 * directly (db/sql.ts). Every connection runs in UTC: TIMESTAMP(3) columns
 * hold UTC, and `now()` compared with them must be UTC as well.
 */
export function createPrismaClient(databaseUrl: string, options: { max?: number } = {}): PrismaClient {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10, options: '-c TimeZone=UTC -c plan_cache_mode=force_generic_plan' });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  registerPool(client, pool);
  return client;
}
