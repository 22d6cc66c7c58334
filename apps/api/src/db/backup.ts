// Backup and restore of the whole database and the uploaded files, as one .tar.gz
// (docs/decisions/0014-retention.md, "Backups"). The data is read in one
// REPEATABLE READ snapshot, so the archive is consistent even while the API writes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { applyMigrations, migrationNames } from './migrate.js';

export const BACKUP_FORMAT = 'campus-guard-backup';
export const BACKUP_VERSION = 1;
const MIGRATIONS_TABLE = '_prisma_migrations';
const FETCH_ROWS = 2_000;
const INSERT_ROWS = 500;

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  postgresVersion: string;
  /** The migrations the database had: a restore rebuilds exactly this schema, later ones apply at the next start. */
  migrations: string[];
  /** Rows per table, in the order they were written. */
  tables: Record<string, number>;
  uploads: { files: number; bytes: number } | null;
}

/** A restore that would overwrite something, or an archive this code cannot read: said to the user as it is. */
export class BackupError extends Error {}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function publicTables(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname COLLATE "C"`,
  );
  return result.rows.map((row) => row.name);
}

async function generatedColumns(client: pg.Client, table: string): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated <> ''`,
    [`public.${quote(table)}`],
  );
  return result.rows.map((row) => row.name);
}

async function storedColumns(client: pg.Client, table: string): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [`public.${quote(table)}`],
  );
  return result.rows.map((row) => row.name);
}

/** The primary key's columns in key order (every table here has one). */
export async function primaryKey(client: pg.Client, table: string): Promise<string[]> {
  const result = await client.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary
     ORDER BY array_position(i.indkey, a.attnum)`,
    [`public.${quote(table)}`],
  );
  return result.rows.map((row) => row.name);
}

function countFiles(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

function tar(args: string[]): void {
  const result = spawnSync('tar', args, { encoding: 'utf8' });
  if (result.status !== 0) throw new BackupError(`tar ${args[0]} failed: ${result.stderr || result.error?.message}`);
}

/**
 * Writes every table of the database's public schema (rows as JSON lines, ordered by
 * primary key, generated columns left out) and the uploads folder, when there is one,
 * into `archivePath`.
 */
export async function backupDatabase(databaseUrl: string, archivePath: string, options: { uploadsDir?: string } = {}): Promise<BackupManifest> {
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'campus-backup-'));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await publicTables(client);
    if (!tables.includes(MIGRATIONS_TABLE)) throw new BackupError('The database has no Campus Guard tables: nothing to back up.');
    const migrations = (await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM ${quote(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    )).rows.map((row) => row.name);
    const postgresVersion = (await client.query<{ v: string }>('SHOW server_version')).rows[0]!.v;
    fs.mkdirSync(path.join(staging, 'tables'));
    const counts: Record<string, number> = {};
    for (const table of tables) {
      if (table === MIGRATIONS_TABLE) continue;
      const skip = await generatedColumns(client, table);
      const key = await primaryKey(client, table);
      const row = skip.length ? `to_jsonb(t) - ARRAY[${skip.map((name) => `'${name.replace(/'/g, "''")}'`).join(', ')}]::text[]` : 'to_jsonb(t)';
      const order = key.length ? ` ORDER BY ${key.map((name) => `t.${quote(name)}`).join(', ')}` : '';
      await client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT (${row})::text AS line FROM public.${quote(table)} t${order}`);
      const file = fs.openSync(path.join(staging, 'tables', `${table}.jsonl`), 'w');
      let count = 0;
      try {
        for (;;) {
          const batch = await client.query<{ line: string }>(`FETCH ${FETCH_ROWS} FROM backup_rows`);
          if (batch.rows.length === 0) break;
          fs.writeSync(file, batch.rows.map((item) => `${item.line}\n`).join(''));
          count += batch.rows.length;
        }
      } finally {
        fs.closeSync(file);
      }
      await client.query('CLOSE backup_rows');
      counts[table] = count;
    }
    await client.query('COMMIT');
    let uploads: BackupManifest['uploads'] = null;
    if (options.uploadsDir && fs.existsSync(options.uploadsDir)) {
      fs.cpSync(options.uploadsDir, path.join(staging, 'uploads'), { recursive: true });
      uploads = countFiles(path.join(staging, 'uploads'));
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      postgresVersion,
      migrations,
      tables: counts,
      uploads,
    };
    fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.mkdirSync(path.dirname(path.resolve(archivePath)), { recursive: true });
    // Written beside the target and renamed: a crash never leaves a half archive under the final name.
    const partial = `${archivePath}.partial`;
    tar(['-czf', partial, '-C', staging, '.']);
    fs.renameSync(partial, archivePath);
    return manifest;
  } finally {
    await client.end().catch(() => undefined);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new BackupError('This file is not a Campus Guard backup (no manifest.json).');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT) throw new BackupError('This file is not a Campus Guard backup.');
  if (manifest.version > BACKUP_VERSION) throw new BackupError(`This backup was written by a newer Campus Guard (format ${manifest.version}); update first.`);
  return manifest;
}

async function insertRows(client: pg.Client, table: string, columns: string[], rows: string[]): Promise<void> {
  const list = columns.map(quote).join(', ');
  await client.query(
    `INSERT INTO public.${quote(table)} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::public.${quote(table)}, $1::jsonb)`,
    [`[${rows.join(',')}]`],
  );
}

/**
 * Restores an archive written by backupDatabase into `databaseUrl`, which must have no
 * tables (unless `force`, which drops everything first), and its uploads into
 * `uploadsDir` (which must be empty or absent, unless `force`). The schema is rebuilt
 * from the migrations the backup lists; later migrations apply at the next start.
 * Needs a superuser (as the embedded PostgreSQL's is): rows go in with triggers and
 * foreign-key checks off (session_replication_role), exactly as they were.
 */
export async function restoreDatabase(
  databaseUrl: string,
  archivePath: string,
  options: { uploadsDir?: string; force?: boolean } = {},
): Promise<BackupManifest> {
  if (!fs.existsSync(archivePath)) throw new BackupError(`No such file: ${archivePath}`);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'campus-restore-'));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    tar(['-xzf', archivePath, '-C', staging]);
    const manifest = readManifest(staging);
    const known = new Set(migrationNames());
    const unknown = manifest.migrations.filter((name) => !known.has(name));
    if (unknown.length) throw new BackupError(`This backup was taken on a newer Campus Guard (migrations ${unknown.join(', ')}); update the code first.`);

    const existing = await publicTables(client);
    if (existing.length && !options.force) {
      throw new BackupError(`The target database already has ${existing.length} tables. Restore into an empty data folder, or pass --force to replace everything in it.`);
    }
    const hasUploads = fs.existsSync(path.join(staging, 'uploads'));
    if (options.uploadsDir && hasUploads && fs.existsSync(options.uploadsDir) && fs.readdirSync(options.uploadsDir).length && !options.force) {
      throw new BackupError(`The uploads folder ${options.uploadsDir} is not empty. Pass --force to replace it.`);
    }
    if (existing.length) {
      await client.query('DROP SCHEMA public CASCADE');
      await client.query('CREATE SCHEMA public');
    }
    await applyMigrations(databaseUrl, { only: new Set(manifest.migrations) });

    await client.query('BEGIN');
    await client.query("SET LOCAL session_replication_role = 'replica'");
    for (const table of Object.keys(manifest.tables)) {
      const columns = await storedColumns(client, table);
      // The migrations seed some rows (the one SupplyVersion row, say); the backup's rows replace them.
      await client.query(`DELETE FROM public.${quote(table)}`);
      const lines = readline.createInterface({ input: fs.createReadStream(path.join(staging, 'tables', `${table}.jsonl`)), crlfDelay: Infinity });
      let batch: string[] = [];
      let count = 0;
      for await (const line of lines) {
        if (!line) continue;
        batch.push(line);
        if (batch.length === INSERT_ROWS) {
          await insertRows(client, table, columns, batch);
          count += batch.length;
          batch = [];
        }
      }
      if (batch.length) {
        await insertRows(client, table, columns, batch);
        count += batch.length;
      }
      if (count !== manifest.tables[table]) throw new BackupError(`${table}: the archive holds ${count} rows, its manifest says ${manifest.tables[table]}. The file is damaged.`);
    }
    // Sequences (autoincrement ids, numbers) continue after the restored rows.
    const serials = await client.query<{ table: string; column: string; sequence: string }>(
      `SELECT c.relname AS table, a.attname AS column, pg_get_serial_sequence(format('public.%I', c.relname), a.attname) AS sequence
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
         AND pg_get_serial_sequence(format('public.%I', c.relname), a.attname) IS NOT NULL`,
    );
    for (const serial of serials.rows) {
      await client.query(`SELECT setval($1, coalesce((SELECT max(${quote(serial.column)}) FROM public.${quote(serial.table)}), 0) + 1, false)`, [serial.sequence]);
    }
    await client.query('COMMIT');

    if (options.uploadsDir && hasUploads) {
      fs.rmSync(options.uploadsDir, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(path.resolve(options.uploadsDir)), { recursive: true });
      fs.cpSync(path.join(staging, 'uploads'), options.uploadsDir, { recursive: true });
    }
    return manifest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
