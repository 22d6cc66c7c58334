import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { listenForSessionChanges } from './session-changes.js';
import { registerPools } from './sql.js';

export type Db = PrismaClient;

/**
 * The Prisma client over a `pg` pool, and beside it a second pool for the hot
 * statements of db/sql.ts, whose connections keep one generic plan per
 * prepared statement (`plan_cache_mode` applies to every statement of a
 * connection, and Prisma's own queries and the searches want plans made for
 * their values), and a connection listening for session changes from other
 * processes (db/session-changes.ts). Every connection runs in UTC: TIMESTAMP(3) columns hold
 * UTC, and `now()` compared with them must be UTC as well.
 */
export function createPrismaClient(databaseUrl: string, options: { max?: number } = {}): PrismaClient {
  const max = options.max ?? 10;
  const pool = new pg.Pool({ connectionString: databaseUrl, max, options: '-c TimeZone=UTC' });
  const hotPool = new pg.Pool({ connectionString: databaseUrl, max, options: '-c TimeZone=UTC -c plan_cache_mode=force_generic_plan' });
  // An idle connection the server closed (a restart, shutdown) is dropped by the pool; without a listener it would crash the process.
  hotPool.on('error', () => undefined);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  registerPools(client, { pool, hotPool });
  const stopListening = listenForSessionChanges(client, databaseUrl);
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await stopListening();
    await disconnect();
    await hotPool.end().catch(() => undefined);
  };
  return client;
}
