import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../src/env.js';
import { TEMPLATE_DB, withDatabase } from './global-setup.js';

/**
 * The functions, triggers and generated columns schema.prisma cannot show keep their current
 * text in prisma/sql (docs/decisions/0018-database-objects.md). These tests hold that text to
 * what the migrations make: a migration that changes one without prisma/sql, or prisma/sql
 * changed without a migration, fails here.
 */

const SQL_DIR = path.join(repoRoot, 'prisma', 'sql');

function sqlFiles(): { name: string; text: string }[] {
  return fs
    .readdirSync(SQL_DIR)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(SQL_DIR, name), 'utf8') }));
}

/** The objects a file states, as the catalogue below names them. */
function statedObjects(text: string): string[] {
  const code = text.replace(/--[^\n]*/g, '');
  const names: string[] = [];
  for (const m of code.matchAll(/CREATE\s+OR\s+REPLACE\s+FUNCTION\s+"?(\w+)"?\s*\(/gi)) names.push(`function ${m[1]}`);
  for (const m of code.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?(?:CONSTRAINT\s+)?TRIGGER\s+"?(\w+)"?\s[\s\S]*?\sON\s+"?(\w+)"?/gi)) {
    names.push(`trigger ${m[2]}.${m[1]}`);
  }
  for (const m of code.matchAll(/ALTER\s+TABLE\s+"?(\w+)"?\s+ALTER\s+COLUMN\s+"?(\w+)"?\s+SET\s+EXPRESSION/gi)) {
    names.push(`column ${m[1]}.${m[2]}`);
  }
  return names;
}

/**
 * What the database says of every function (not an extension's), trigger (not a foreign
 * key's) and generated column in the public schema, in PostgreSQL's own words, whitespace
 * runs made one space.
 */
async function catalogue(client: pg.Client): Promise<Record<string, string>> {
  const { rows } = await client.query<{ key: string; definition: string }>(`
    SELECT 'function ' || p.proname AS key, pg_get_functiondef(p.oid) AS definition
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.prokind = 'f'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    UNION ALL
    SELECT 'trigger ' || c.relname || '.' || t.tgname, pg_get_triggerdef(t.oid)
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND NOT t.tgisinternal
    UNION ALL
    SELECT 'column ' || c.relname || '.' || a.attname, pg_get_expr(d.adbin, d.adrelid)
    FROM pg_attribute a
    JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND a.attgenerated <> '' AND NOT a.attisdropped
    ORDER BY 1`);
  return Object.fromEntries(rows.map((row) => [row.key, row.definition.replace(/\s+/g, ' ').trim()]));
}

/**
 * PostgreSQL 14–16 have no ALTER COLUMN … SET EXPRESSION (17+): there a generated column is
 * dropped and added again with the file's expression, as a migration for them would (its
 * indexes go with it; the test's transaction is rolled back).
 */
async function withoutSetExpression(text: string): Promise<string> {
  const statements = [...text.matchAll(/ALTER\s+TABLE\s+("?\w+"?)\s+ALTER\s+COLUMN\s+("?\w+"?)\s+SET\s+EXPRESSION\s+AS\s+\(([\s\S]*?)\)\s*;/gi)];
  let result = text;
  for (const [statement, table, column, expression] of statements) {
    const type = await client.query<{ type: string }>(
      `SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attname = $2`,
      [table, column!.replaceAll('"', '')],
    );
    result = result.replace(
      statement,
      `ALTER TABLE ${table} DROP COLUMN ${column}; ALTER TABLE ${table} ADD COLUMN ${column} ${type.rows[0]!.type} GENERATED ALWAYS AS (${expression}) STORED;`,
    );
  }
  return result;
}

let adminUrl: string;
let databaseName: string;
let client: pg.Client;

beforeAll(async () => {
  adminUrl = inject('testAdminUrl');
  databaseName = `t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${databaseName} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  client = new pg.Client({ connectionString: withDatabase(adminUrl, databaseName) });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`);
  await admin.end();
});

describe('database objects the schema does not show (prisma/sql)', () => {
  it('names every function, trigger and generated column the migrations make, each in one file', async () => {
    const stated = sqlFiles().flatMap((file) => statedObjects(file.text).map((object) => ({ object, file: file.name })));
    const twice = stated.filter((entry, index) => stated.findIndex((other) => other.object === entry.object) !== index);
    expect(twice, 'stated in more than one place').toEqual([]);
    const migrated = Object.keys(await catalogue(client));
    expect(migrated.length).toBeGreaterThan(0);
    expect(stated.map((entry) => entry.object).sort()).toEqual([...migrated].sort());
  });

  it('holds their current text: running prisma/sql on the migrated database changes none of them', async () => {
    const migrated = await catalogue(client);
    await client.query('BEGIN');
    try {
      const version = await client.query<{ v: number }>(`SELECT current_setting('server_version_num')::int AS v`);
      const setExpression = version.rows[0]!.v >= 170000;
      for (const file of sqlFiles()) {
        try {
          await client.query(setExpression ? file.text : await withoutSetExpression(file.text));
        } catch (error) {
          throw new Error(`prisma/sql/${file.name}: ${(error as Error).message}`, { cause: error });
        }
      }
      // A difference is a migration that changed an object without prisma/sql, or the reverse.
      expect(await catalogue(client)).toEqual(migrated);
    } finally {
      await client.query('ROLLBACK');
    }
  });
});
