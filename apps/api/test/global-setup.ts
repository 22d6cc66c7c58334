import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.js';
import { applyMigrations } from '../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of a PostgreSQL database the tests may create databases from. */
    testAdminUrl: string;
  }
}

export const TEMPLATE_DB = 'campus_template';

/**
 * One real PostgreSQL for the API tests: TEST_DATABASE_URL when given, else a
 * throw-away embedded cluster. A migrated template database is made once;
 * each test file clones it (CREATE DATABASE … TEMPLATE …).
 */
export default async function setup(project: TestProject) {
  let embedded: EmbeddedDatabase | undefined;
  let dataDir: string | undefined;
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campus-test-pg-'));
    embedded = await startEmbeddedPostgres(dataDir, { quiet: true });
    adminUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DB);
  await applyMigrations(templateUrl);
  const template = new pg.Client({ connectionString: templateUrl });
  await template.connect();
  await template.query(`INSERT INTO "Centre" (id, name, "updatedAt") VALUES (1, '测试镇教管中心', now())`);
  await template.end();
  project.provide('testAdminUrl', adminUrl);

  return async () => {
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
