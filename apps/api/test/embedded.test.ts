import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, PASSWORD_FILE, startEmbeddedPostgres } from '../src/db/embedded.js';
import { repoRoot } from '../src/env.js';

// The embedded PostgreSQL of `pnpm start` (db/embedded.ts): its password, and a start after a crash.
const folders: string[] = [];
function tempFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'campus-embedded-test-'));
  folders.push(dir);
  return dir;
}

function postmasterPid(dataDir: string): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(async () => {
  for (const dir of folders) {
    // Whatever a failed test left running on its folder.
    const pid = postmasterPid(dir);
    if (pid && isAlive(pid)) {
      process.kill(pid, 'SIGINT');
      for (let waited = 0; isAlive(pid) && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function canConnect(url: string, password: string): Promise<boolean> {
  const parsed = new URL(url);
  const client = new pg.Client({ host: parsed.hostname, port: Number(parsed.port), user: 'postgres', password, database: 'postgres' });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

describe('the embedded PostgreSQL password', () => {
  it('is made at random for a new data folder and kept there, readable by its owner only', async () => {
    const dataDir = tempFolder();
    const database = await startEmbeddedPostgres(dataDir, { quiet: true });
    try {
      const file = path.join(dataDir, PASSWORD_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const password = fs.readFileSync(file, 'utf8').trim();
      expect(password).toMatch(/^[0-9a-f]{48}$/);
      expect(decodeURIComponent(new URL(database.url).password)).toBe(password);
      expect(await canConnect(database.url, password)).toBe(true);
      expect(await canConnect(database.url, 'campus-local')).toBe(false);
    } finally {
      await database.stop();
    }
  });

  it('replaces the old built-in password of an existing data folder with a random one at its next start', async () => {
    const dataDir = tempFolder();
    const first = await startEmbeddedPostgres(dataDir, { quiet: true });
    // Make it a folder from before the password file: the old built-in password, no file.
    const admin = new pg.Client({ connectionString: first.url });
    await admin.connect();
    await admin.query(`ALTER USER postgres PASSWORD 'campus-local'`);
    await admin.end();
    await first.stop();
    fs.rmSync(path.join(dataDir, PASSWORD_FILE));

    const again = await startEmbeddedPostgres(dataDir, { quiet: true });
    try {
      const file = path.join(dataDir, PASSWORD_FILE);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      const password = fs.readFileSync(file, 'utf8').trim();
      expect(password).not.toBe('campus-local');
      expect(await canConnect(again.url, password)).toBe(true);
      expect(await canConnect(again.url, 'campus-local')).toBe(false);
    } finally {
      await again.stop();
    }
  });
});

interface Server {
  child: ChildProcess;
  output: () => string;
}

function startServer(dataDir: string, port: number): Server {
  const env: NodeJS.ProcessEnv = { ...process.env, CAMPUS_DATA_DIR: dataDir, CAMPUS_DEMO: '0', PORT: String(port), HOST: '127.0.0.1', WEB_DIST_DIR: '/nonexistent', LOG_LEVEL: 'warn', NODE_ENV: 'production' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/server.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Resolves when /api/health answers 200; rejects when the server exits first or takes too long. */
async function healthy(server: Server, port: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`the server exited (${server.child.exitCode ?? server.child.signalCode}) before answering:\n${server.output()}`);
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from /api/health within 60 s:\n${server.output()}`);
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('a start after a crash', () => {
  it('stops the PostgreSQL the killed process left running on its data folder, says so, and answers', async () => {
    const dataDir = tempFolder();
    const port = await freePort();
    const first = startServer(dataDir, port);
    await healthy(first, port);
    first.child.kill('SIGKILL');
    await exited(first.child);
    // The crash left the database server running: the situation to recover from.
    const orphan = postmasterPid(dataDir)!;
    expect(isAlive(orphan)).toBe(true);

    const second = startServer(dataDir, port);
    try {
      await healthy(second, port);
      expect(second.output()).toContain(`Stopped the embedded PostgreSQL left running on ${path.join(dataDir, 'pg')}`);
      expect(isAlive(orphan)).toBe(false);
    } finally {
      second.child.kill('SIGTERM');
      await exited(second.child);
    }
    // A clean stop leaves nothing running.
    const pid = postmasterPid(dataDir);
    expect(pid === undefined || !isAlive(pid)).toBe(true);
  }, 150_000);
});
