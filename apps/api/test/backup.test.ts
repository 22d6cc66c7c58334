import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, primaryKey, restoreDatabase } from '../src/db/backup.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { applyMigrations } from '../src/db/migrate.js';
import { repoRoot } from '../src/env.js';
import { seedDemoTownship } from '../src/seed/index.js';
import { setupTestApp, type TestContext } from './helpers/app.js';
import { signIn } from './helpers/http.js';

/** Every table's row count and an md5 of its rows in primary-key order: what "the same data" means here. */
async function fingerprint(databaseUrl: string): Promise<Record<string, { rows: number; md5: string }>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
    );
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables.rows) {
      const key = (await primaryKey(client, name)).map((column) => `t."${column}"`).join(', ');
      const row = await client.query<{ rows: string; md5: string }>(
        `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${key}), '')) AS md5 FROM "${name}" t`,
      );
      result[name] = { rows: Number(row.rows[0]!.rows), md5: row.rows[0]!.md5 };
    }
    return result;
  } finally {
    await client.end();
  }
}

async function sql(databaseUrl: string, statement: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await client.query(statement);
  } finally {
    await client.end();
  }
}

let context: TestContext;
let work: string;

beforeAll(async () => {
  context = await setupTestApp();
  // The demo township fills every kind of table: roster, guardians, follow-ups, reports, cases, check-ins, the ledger.
  await context.db.centre.delete({ where: { id: 1 } });
  await seedDemoTownship(context.db, context.app.uploadsDir);
  await signIn(context.app, 'centre'); // a session and an audit row
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'campus-backup-test-'));
  // As root, PostgreSQL runs as its own user, which must reach the data folders inside.
  fs.chmodSync(work, 0o755);
}, 120_000);

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('brings back every table row for row, the sequences and the uploaded files, after the database was wiped', async () => {
    const uploads = path.join(work, 'uploads');
    fs.mkdirSync(path.join(uploads, 'cases'), { recursive: true });
    fs.writeFileSync(path.join(uploads, 'cases', 'photo.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]));
    const before = await fingerprint(context.databaseUrl);
    expect(before.Person!.rows).toBeGreaterThan(2000);
    expect(before.FollowUp!.rows).toBeGreaterThan(1000);
    expect(before.CaseCheckIn!.rows).toBeGreaterThan(0);
    expect(before.StockMovement!.rows).toBeGreaterThan(0);
    expect(before.Session!.rows).toBe(1);

    const archive = path.join(work, 'campus.tar.gz');
    const manifest = await backupDatabase(context.databaseUrl, archive, { uploadsDir: uploads });
    expect(manifest.tables.Person).toBe(before.Person!.rows);
    expect(manifest.uploads).toEqual({ files: 1, bytes: 5 });
    const listing = spawnSync('tar', ['-tzf', archive], { encoding: 'utf8' }).stdout;
    expect(listing).toContain('./manifest.json');
    expect(listing).toContain('./uploads/cases/photo.jpg');

    // Wipe: the database loses every table, the uploads folder goes.
    await context.app.close();
    await context.db.$disconnect();
    await sql(context.databaseUrl, 'DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    fs.rmSync(uploads, { recursive: true });

    await restoreDatabase(context.databaseUrl, archive, { uploadsDir: uploads });
    const after = await fingerprint(context.databaseUrl);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before)) expect({ table, ...after[table] }).toEqual({ table, ...before[table] });
    expect(fs.readFileSync(path.join(uploads, 'cases', 'photo.jpg'))).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]));

    // New rows continue the restored sequences instead of colliding with restored ids.
    const inserted = await sql(context.databaseUrl, `INSERT INTO "AuditLog" (action) VALUES ('test') RETURNING id`);
    const highest = await sql(context.databaseUrl, `SELECT max(id) AS id FROM "AuditLog" WHERE action <> 'test'`);
    expect(BigInt(inserted.rows[0].id)).toBeGreaterThan(BigInt(highest.rows[0].id));

    // A database with tables is refused, and nothing in it changes; --force replaces it.
    await expect(restoreDatabase(context.databaseUrl, archive, { uploadsDir: uploads })).rejects.toThrow(/already has \d+ tables.*--force/);
    await restoreDatabase(context.databaseUrl, archive, { uploadsDir: uploads, force: true });
    expect(await fingerprint(context.databaseUrl)).toEqual(before);
  }, 120_000);

  it('pnpm backup starts the embedded PostgreSQL when it is not running; pnpm restore fills an empty data folder and refuses a full one', async () => {
    const source = path.join(work, 'source');
    const embedded = await startEmbeddedPostgres(source, { quiet: true });
    await applyMigrations(embedded.url);
    await sql(embedded.url, `INSERT INTO "Centre" (id, name, "updatedAt") VALUES (1, '备份镇教管中心', now())`);

    const { DATABASE_URL: _unused, ...environment } = process.env;
    const run = (script: string, args: string[], dataDir: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'apps/api/src/scripts', script), ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...environment, CAMPUS_DATA_DIR: dataDir },
      });
    // While it runs (as under the API), the backup uses it and leaves it running.
    const whileRunning = run('backup.ts', [path.join(work, 'running.tar.gz')], source);
    expect(whileRunning.status, whileRunning.stderr).toBe(0);
    expect((await sql(embedded.url, 'SELECT name FROM "Centre"')).rows).toEqual([{ name: '备份镇教管中心' }]);
    await embedded.stop();

    const archive = path.join(work, 'cli.tar.gz');
    const backup = run('backup.ts', [archive], source);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain(`Backup written: ${archive}`);
    // It stopped the PostgreSQL it started.
    expect(fs.existsSync(path.join(source, 'pg', 'postmaster.pid'))).toBe(false);

    const target = path.join(work, 'target');
    const restore = run('restore.ts', [archive], target);
    expect(restore.status).toBe(0);
    const again = run('restore.ts', [archive], target);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Restore refused: The target database already has');

    const restored = await startEmbeddedPostgres(target, { quiet: true });
    try {
      expect((await sql(restored.url, 'SELECT name FROM "Centre"')).rows).toEqual([{ name: '备份镇教管中心' }]);
    } finally {
      await restored.stop();
    }
  }, 120_000);
});
