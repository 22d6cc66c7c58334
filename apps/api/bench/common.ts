import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { createPrismaClient, type Db } from '../src/db/client.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { applyMigrations } from '../src/db/migrate.js';
import { hashPassword } from '../src/services/passwords.js';

export const PASSWORD = 'bench2026';

/** The bench's PostgreSQL, whose CPU time `load` reports. */
let postmasterPid: number | undefined;
/** Linux counts CPU time in ticks of 1/100 s (USER_HZ). */
const TICK_MS = 10;

function statFields(file: string): string[] {
  const stat = fs.readFileSync(file, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/**
 * CPU time so far, in ms, of this process's main thread (the server; the load
 * runs in a worker thread) and of the bench's PostgreSQL: the postmaster, its
 * live backends, and the backends it has reaped. Null without /proc. CPU per
 * request stays put when a busy machine stretches latencies.
 */
function cpuNow(): { node: number; postgres: number } | null {
  try {
    const main = statFields(`/proc/self/task/${process.pid}/stat`);
    const node = (Number(main[11]) + Number(main[12])) * TICK_MS;
    let postgres = 0;
    if (postmasterPid) {
      for (const entry of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        let fields: string[];
        try {
          fields = statFields(`/proc/${entry}/stat`);
        } catch {
          continue; // gone meanwhile
        }
        if (Number(entry) === postmasterPid) postgres += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
        else if (Number(fields[1]) === postmasterPid) postgres += Number(fields[11]) + Number(fields[12]);
      }
    }
    return { node, postgres: postgres * TICK_MS };
  } catch {
    return null;
  }
}

/** A throw-away embedded PostgreSQL with one migrated database per scenario. */
export async function startDatabase() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'campus-bench-'));
  const embedded = await startEmbeddedPostgres(dataDir, { quiet: true });
  postmasterPid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    async database(name: string): Promise<{ url: string; db: Db }> {
      const admin = new pg.Client({ connectionString: embedded.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = embedded.url.replace(/\/campus$/, `/${name}`);
      await applyMigrations(url);
      const db = createPrismaClient(url);
      await db.centre.create({ data: { id: 1, name: '基准镇教管中心' } });
      return { url, db };
    },
    async stop() {
      await embedded.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The app on a real port, as users reach it, logging each request as the server does (LOG_LEVEL info), to /dev/null. */
export async function serve(db: Db) {
  const app = await buildApp({ prisma: db, webDistDir: '/nonexistent', logger: { level: 'info', file: '/dev/null' } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { app, base };
}

export async function createAccount(db: Db, username: string, role: 'centre_admin' | 'principal', schoolId: string | null) {
  await db.user.create({ data: { username, displayName: username, role, schoolId, passwordHash: await hashPassword(PASSWORD), mustChangePassword: false } });
}

export async function signIn(base: string, username: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export interface RequestSpec {
  url: string;
  init: { method: string; headers: Record<string, string>; body?: string };
}

/**
 * `users` concurrent loops each making `perUser` requests (cycling through the specs, or with
 * `byUser` each user keeping to its own spec: user i sends specs[i], e.g. its own session), from a worker
 * thread (the other core), so the figures are the server's, not the load
 * generator's. Returns latency percentiles in ms, the requests served per
 * second, the server's and PostgreSQL's CPU time per request in ms, and the
 * error count.
 */
export async function load(users: number, perUser: number, spec: RequestSpec | RequestSpec[], options: { byUser?: boolean } = {}) {
  const { Worker } = await import('node:worker_threads');
  const cpuBefore = cpuNow();
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url), { workerData: { users, perUser, specs: Array.isArray(spec) ? spec : [spec], byUser: options.byUser ?? false } });
  const { times, errors, statuses, elapsed } = await new Promise<{ times: number[]; errors: number; statuses: Record<string, number>; elapsed: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const cpuAfter = cpuNow();
  await worker.terminate();
  times.sort((a, b) => a - b);
  const cpu = cpuBefore && cpuAfter ? { node: (cpuAfter.node - cpuBefore.node) / times.length, postgres: (cpuAfter.postgres - cpuBefore.postgres) / times.length } : null;
  return { p50: percentile(times, 50), p95: percentile(times, 95), requests: times.length, perSecond: (times.length / elapsed) * 1000, cpu, errors, statuses };
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** CPU per request as the bench lines print it. */
export const fmtCpu = (cpu: { node: number; postgres: number } | null) => (cpu ? `cpu/req node ${cpu.node.toFixed(2)} + pg ${cpu.postgres.toFixed(2)} ms` : 'cpu n/a');
