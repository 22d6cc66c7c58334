import os from 'node:os';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { listenForSessionChanges } from './session-changes.js';
import { registerPools } from './sql.js';

export type Db = PrismaClient;

/**
 * The Prisma client over a `pg` pool, and beside it two pools for the hot
 * statements of db/sql.ts: one whose connections keep one generic plan per
 * prepared statement, one whose connections plan each execution for its
 * values (the searches; `plan_cache_mode` applies to every statement of a
 * connection, and Prisma's own queries want plans made for their values too),
 * and a connection listening for session changes from other
 * processes (db/session-changes.ts). Every connection runs in UTC: TIMESTAMP(3) columns hold
 * UTC, and `now()` compared with them must be UTC as well.
 *
 * The hot and search pools are small — two connections per core of this
 * machine, at least four — because their statements take a millisecond or two of CPU: more of
 * them at once on an embedded PostgreSQL only take turns on the same cores
 * (bench:roster, 2 cores: 10 connections cost ~15 % more PostgreSQL CPU per
 * page than 3–5, and longer waits). Requests queue for a connection in the
 * process instead. `hotMax` sets it (DATABASE_HOT_POOL_SIZE) for a PostgreSQL
 * on another machine, whose round trips want more connections in flight.
 */
export function createPrismaClient(databaseUrl: string, options: { max?: number; hotMax?: number } = {}): PrismaClient {
  const max = options.max ?? 10;
  const pool = new pg.Pool({ connectionString: databaseUrl, max, options: '-c TimeZone=UTC' });
  const hotMax = options.hotMax ?? Math.min(max, Math.max(4, 2 * os.availableParallelism()));
  const smallPool = (planCacheMode: 'force_generic_plan' | 'force_custom_plan') => {
    const small = new pg.Pool({ connectionString: databaseUrl, max: hotMax, options: `-c TimeZone=UTC -c plan_cache_mode=${planCacheMode}` });
    // An idle connection the server closed (a restart, shutdown) is dropped by the pool; without a listener it would crash the process.
    small.on('error', () => undefined);
    return small;
  };
  const hotPool = smallPool('force_generic_plan');
  const searchPool = smallPool('force_custom_plan');
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  registerPools(client, { hotPool, searchPool });
  const stopListening = listenForSessionChanges(client, databaseUrl);
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await stopListening();
    await disconnect();
    await Promise.all([hotPool, searchPool].map((small) => small.end().catch(() => undefined)));
  };
  return client;
}
