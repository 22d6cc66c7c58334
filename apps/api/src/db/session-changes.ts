/**
 * Word between API processes that sessions changed (docs/decisions/0010-hot-sql-on-the-pool.md).
 * Each process remembers resolved sessions for a few seconds; a write that
 * ends a session or changes what it carries sends `pg_notify` in its
 * transaction, PostgreSQL delivers it at commit to every process listening on
 * the same database, and each forgets what it remembered. A process that is
 * not listening (connection lost, not yet connected) remembers nothing.
 */
import pg from 'pg';
import { Prisma } from '../generated/prisma/client.js';
import { sqlRows } from './sql.js';

const CHANNEL = 'campus_sessions';
const RECONNECT_MS = 1_000;

const handlers = new Set<() => void>();
const listeners = new WeakMap<object, { listening: boolean }>();

/** Runs `handler` whenever any process announces a session change (and when listening starts or stops). */
export function onSessionChange(handler: () => void): void {
  handlers.add(handler);
}

function changed(): void {
  for (const handler of handlers) handler();
}

/** Whether `db`'s process hears about session changes right now, so remembering them is safe. */
export function hearsSessionChanges(db: object): boolean {
  return listeners.get(db)?.listening ?? false;
}

/** Tells every process that sessions changed, at the commit of `db`'s transaction (or at once outside one). */
export async function announceSessionChange(db: Parameters<typeof sqlRows>[0]): Promise<void> {
  await sqlRows(db, Prisma.sql`SELECT pg_notify(${CHANNEL}, '')::text AS sent`);
}

/** Listens on its own connection for `client`'s database, reconnecting after a loss; returns a stop function. */
export function listenForSessionChanges(client: object, databaseUrl: string): () => Promise<void> {
  const state = { listening: false };
  listeners.set(client, state);
  let connection: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const lost = () => {
    if (state.listening) changed();
    state.listening = false;
    connection = null;
    if (!stopped) retry = setTimeout(connect, RECONNECT_MS);
  };
  const connect = () => {
    const candidate = new pg.Client({ connectionString: databaseUrl });
    connection = candidate;
    let over = false;
    const finish = () => {
      if (over) return;
      over = true;
      candidate.end().catch(() => undefined);
      if (connection === candidate) lost();
    };
    candidate.on('notification', changed);
    candidate.on('error', finish);
    candidate.on('end', finish);
    candidate
      .connect()
      .then(() => candidate.query(`LISTEN ${CHANNEL}`))
      .then(() => {
        if (connection !== candidate) return finish();
        // Whatever changed while not listening is unknown: start afresh.
        changed();
        state.listening = true;
      })
      .catch(finish);
  };
  connect();

  return async () => {
    stopped = true;
    clearTimeout(retry);
    state.listening = false;
    const current = connection;
    connection = null;
    await current?.end().catch(() => undefined);
  };
}
