// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the change to
// prisma/schema.prisma since the last committed migration.
//   pnpm db:migration add_follow_ups
// Prisma 6.19's JS schema engine needs a live database even to diff two schema
// files, so this starts a throw-away embedded PostgreSQL for the diff.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../apps/api/src/db/embedded.js';

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: pnpm db:migration <snake_case_name>');
  process.exit(1);
}
const root = path.resolve(import.meta.dirname, '..');
const lastMigrationCommit = execFileSync('git', ['log', '-1', '--format=%H', '--', 'prisma/migrations'], { cwd: root, encoding: 'utf8' }).trim();
const previousSchema = path.join(os.tmpdir(), `campus-previous-${Date.now()}.prisma`);
fs.writeFileSync(previousSchema, execFileSync('git', ['show', `${lastMigrationCommit}:prisma/schema.prisma`], { cwd: root, encoding: 'utf8' }));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campus-diff-'));
const database = await startEmbeddedPostgres(dataDir, { quiet: true });
try {
  const sql = execFileSync('pnpm', ['exec', 'prisma', 'migrate', 'diff', '--from-schema-datamodel', previousSchema, '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: database.url, CHECKPOINT_DISABLE: '1' },
  });
  if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
    console.log('schema.prisma has not changed since the last migration: nothing to do');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const folder = path.join(root, 'prisma', 'migrations', `${stamp}_${name}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'migration.sql'), sql);
    console.log(`wrote ${path.relative(root, folder)}/migration.sql — review it, then restart the app (it applies migrations at start-up)`);
  }
} finally {
  await database.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(previousSchema, { force: true });
}
