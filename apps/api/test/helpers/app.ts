import crypto from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { buildApp, type App, type BuildAppOptions } from '../../src/app.js';
import { createPrismaClient, type Db } from '../../src/db/client.js';
import { checkSqlRowShapes } from '../../src/db/sql.js';
import { TEMPLATE_DB, withDatabase } from '../global-setup.js';

export interface TestContext {
  app: App;
  db: Db;
  /** The file's database, for a second client (another API process). */
  databaseUrl: string;
}

/**
 * A fresh database (cloned from the migrated template) and an app on it, for
 * one test file. Closed after the file's tests. `options` for buildApp (e.g. trustProxy).
 */
export async function setupTestApp(options: Omit<Partial<BuildAppOptions>, 'prisma'> = {}): Promise<TestContext> {
  const adminUrl = inject('testAdminUrl');
  const name = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const databaseUrl = withDatabase(adminUrl, name);
  // Every hand-written SQL answer with a schema is checked against it in tests (db/sql.ts).
  checkSqlRowShapes(true);
  const db = createPrismaClient(databaseUrl, { max: 4 });
  const app = await buildApp({ webDistDir: '/nonexistent', ...options, prisma: db });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await db.$disconnect();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  });
  return { app, db, databaseUrl };
}
