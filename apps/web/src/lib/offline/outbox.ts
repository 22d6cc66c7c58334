import { useSyncExternalStore } from 'react';
import { BulkWellResult, DailyReport, FollowUp, Worklist, type FollowUpInput } from '@campus/shared';
import { apiRequest, isApiRequestError, newIdempotencyKey } from '@/lib/api-client';
import { DEVICE_DATA_MAX_AGE_MS, eraseKey, readOwn, writeOwn } from './device-store';

/**
 * The phone's outbox (issue 16; docs/decisions/0024-data-on-the-phone.md):
 * every call, bulk "all well" and class report a class teacher makes is kept
 * here in IndexedDB first and sent from here, oldest first, whenever there is
 * a connection — at once when online, when the connection returns, when the
 * app is opened again. Each entry is sent with its own Idempotency-Key, so a
 * resend after a lost answer is applied once. An entry the server cannot
 * apply stays, marked for the teacher's decision: `conflict` (someone else
 * changed the record meanwhile; both versions are kept side by side) or
 * `failed` (refused, with the server's reason). Nothing leaves the outbox
 * unsent except by the teacher's choice or after 48 hours.
 */
export type OutboxKind = 'follow-up' | 'bulk-well' | 'class-report';
export type OutboxState = 'pending' | 'sending' | 'conflict' | 'failed';

export interface OutboxEntry {
  /** The Idempotency-Key the entry is sent with, and its id here. */
  key: string;
  kind: OutboxKind;
  /** Which list it belongs to: `class:<id>` or `staff:<schoolId>`. */
  listKey: string;
  personId?: string;
  day: string;
  /** What the teacher sees: the person's name, "全班日报", "3 人". */
  label: string;
  input: unknown;
  state: OutboxState;
  /** The server's reason, in the user's language (failed). */
  error?: string;
  /** The record on the server now (conflict). */
  theirs?: FollowUp | null;
  createdAt: string;
}

const KEY = 'outbox';
const RETRY_MS = 20_000;

interface Snapshot {
  userId: string | null;
  entries: OutboxEntry[];
  /** The server answered 401: sending waits for the same user to sign in again. */
  signedOut: boolean;
}

let snapshot: Snapshot = { userId: null, entries: [], signedOut: false };
const listeners = new Set<() => void>();
let onSent: (kind: OutboxKind) => void = () => undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
// One change at a time (queue, send, resolve), in the order asked.
let chain: Promise<unknown> = Promise.resolve();

function serial<T>(task: () => Promise<T>): Promise<T> {
  const next = chain.then(task, task);
  chain = next.catch(() => undefined);
  return next;
}

function publish(next: Partial<Snapshot>) {
  snapshot = { ...snapshot, ...next };
  for (const listener of listeners) listener();
}

async function persist(entries: OutboxEntry[]) {
  if (!snapshot.userId) throw new Error('not_signed_in');
  if (entries.length) await writeOwn(KEY, snapshot.userId, entries);
  else await eraseKey(KEY);
  publish({ entries });
}

function fresh(entries: OutboxEntry[]): OutboxEntry[] {
  const oldest = Date.now() - DEVICE_DATA_MAX_AGE_MS;
  return entries.filter((entry) => Date.parse(entry.createdAt) > oldest);
}

/**
 * Opens the signed-in user's outbox (after sign-in, on opening the app,
 * offline from the phone's copy of the session): another user's entries are
 * erased, entries older than 48 h dropped, and sending starts. `sent` is told
 * of every entry the server took (the app refreshes what it shows).
 */
export function openOutbox(userId: string, sent: (kind: OutboxKind) => void): Promise<void> {
  onSent = sent;
  return serial(async () => {
    if (snapshot.userId === userId && snapshot.entries.length) {
      publish({ signedOut: false });
    } else {
      const stored = await readOwn<OutboxEntry[]>(KEY, null);
      if (stored && stored.userId !== userId) await eraseKey(KEY);
      const entries = stored && stored.userId === userId ? fresh(stored.value) : [];
      // A send cut off by a closed app is sent again (same key: applied once).
      publish({ userId, signedOut: false, entries: entries.map((entry) => (entry.state === 'sending' ? { ...entry, state: 'pending' } : entry)) });
    }
  }).then(() => void flushOutbox());
}

/** Forgets the outbox in memory (its IndexedDB copy is erased by `eraseDevice`). */
export function closeOutbox() {
  clearTimeout(retryTimer);
  publish({ userId: null, entries: [], signedOut: false });
}

/** How many unsent entries the phone holds for someone (the sign-in page says so before another user signs in). */
export async function storedOutbox(): Promise<{ userId: string; count: number } | null> {
  const stored = await readOwn<OutboxEntry[]>(KEY, null);
  const entries = stored ? fresh(stored.value) : [];
  return stored && entries.length ? { userId: stored.userId, count: entries.length } : null;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in user's entries, oldest first. */
export function useOutbox(): OutboxEntry[] {
  return useSyncExternalStore(subscribe, () => snapshot.entries);
}

/** Whether sending waits for a new sign-in (the session ended while entries were waiting). */
export function useOutboxSignedOut(): boolean {
  return useSyncExternalStore(subscribe, () => snapshot.signedOut);
}

function add(entry: Omit<OutboxEntry, 'key' | 'state' | 'createdAt'>, replaces?: (existing: OutboxEntry) => boolean) {
  return serial(async () => {
    const kept = replaces ? snapshot.entries.filter((existing) => existing.state === 'sending' || !replaces(existing)) : snapshot.entries;
    await persist([...kept, { ...entry, key: newIdempotencyKey(), state: 'pending', createdAt: new Date().toISOString() }]);
  }).then(() => void flushOutbox());
}

/** A call: kept, then sent. A second save of the same person and day replaces one not yet sent. */
export function queueFollowUp(args: { listKey: string; personId: string; day: string; label: string; input: FollowUpInput }): Promise<void> {
  return add({ kind: 'follow-up', ...args }, (existing) => existing.kind === 'follow-up' && existing.personId === args.personId && existing.day === args.day);
}

export function queueBulkWell(args: { listKey: string; day: string; label: string; input: { day: string; personIds: string[]; method: 'wechat'; studiedOnline: 'yes' | 'no' | null } }): Promise<void> {
  return add({ kind: 'bulk-well', ...args });
}

export function queueClassReport(args: { listKey: string; day: string; label: string; input: { classId: string; day: string; note: string } }): Promise<void> {
  return add({ kind: 'class-report', ...args }, (existing) => existing.kind === 'class-report' && existing.listKey === args.listKey && existing.day === args.day);
}

type Outcome = { done: true; saved?: FollowUp } | { done: false; state: 'conflict' | 'failed'; error: string; theirs?: FollowUp | null } | { stop: 'offline' | 'signed_out' };

function currentList(entry: OutboxEntry) {
  const [kind, id] = entry.listKey.split(':');
  return apiRequest('/follow-ups/worklist', Worklist, { query: kind === 'class' ? { classId: id, day: entry.day } : { staffOfSchoolId: id, day: entry.day } });
}

async function currentRecord(entry: OutboxEntry): Promise<FollowUp | null> {
  const list = await currentList(entry);
  return list.items.find((item) => item.personId === entry.personId)?.followUp ?? null;
}

async function sendOne(entry: OutboxEntry): Promise<Outcome> {
  try {
    if (entry.kind === 'follow-up') {
      const saved = await apiRequest(`/follow-ups/${encodeURIComponent(entry.personId ?? '')}/${entry.day}`, FollowUp, { method: 'PUT', body: entry.input, idempotencyKey: entry.key });
      return { done: true, saved };
    }
    if (entry.kind === 'bulk-well') {
      await apiRequest('/follow-ups/bulk-well', BulkWellResult, { method: 'POST', body: entry.input, idempotencyKey: entry.key });
      return { done: true };
    }
    await apiRequest('/daily-reports/class', DailyReport, { method: 'POST', body: entry.input, idempotencyKey: entry.key });
    return { done: true };
  } catch (error) {
    if (!isApiRequestError(error)) return { done: false, state: 'failed', error: error instanceof Error ? error.message : String(error) };
    if (error.statusCode === 0 || error.statusCode >= 500 || error.statusCode === 429) return { stop: 'offline' };
    if (error.statusCode === 401) return { stop: 'signed_out' };
    // A resend of a report the server already has (its answer was lost), or one filed meanwhile by the teacher elsewhere.
    if (entry.kind === 'class-report' && error.statusCode === 409) {
      const filed = await currentList(entry).then((list) => list.report !== null, () => undefined);
      if (filed === undefined) return { stop: 'offline' };
      if (filed) return { done: true };
    }
    if (entry.kind === 'follow-up' && error.statusCode === 409) {
      const theirs = await currentRecord(entry).catch(() => undefined);
      if (theirs === undefined) return { stop: 'offline' };
      return { done: false, state: 'conflict', error: error.message, theirs };
    }
    return { done: false, state: 'failed', error: error.message };
  }
}

function update(key: string, change: (entry: OutboxEntry) => OutboxEntry | null) {
  return persist(snapshot.entries.flatMap((entry) => {
    if (entry.key !== key) return [entry];
    const next = change(entry);
    return next ? [next] : [];
  }));
}

let flushing = false;

/** Sends what is waiting, oldest first, until the connection or the session fails; then waits and tries again. */
export async function flushOutbox(): Promise<void> {
  if (flushing || !snapshot.userId) return;
  flushing = true;
  clearTimeout(retryTimer);
  let stopped: 'offline' | 'signed_out' | null = null;
  try {
    for (;;) {
      const entry = snapshot.entries.find((candidate) => candidate.state === 'pending');
      if (!entry) break;
      if (typeof navigator !== 'undefined' && navigator.onLine === false) {
        stopped = 'offline';
        break;
      }
      await serial(() => update(entry.key, (current) => ({ ...current, state: 'sending' })));
      const outcome = await sendOne(entry);
      if ('stop' in outcome) {
        await serial(() => update(entry.key, (current) => ({ ...current, state: 'pending' })));
        stopped = outcome.stop;
        break;
      }
      if (outcome.done) {
        await serial(() =>
          persist(
            snapshot.entries
              .filter((candidate) => candidate.key !== entry.key)
              // Later saves of the same record by this teacher build on the one just applied.
              .map((candidate) =>
                outcome.saved && candidate.kind === 'follow-up' && candidate.personId === entry.personId && candidate.day === entry.day
                  ? { ...candidate, input: { ...(candidate.input as object), version: outcome.saved.version } }
                  : candidate,
              ),
          ),
        );
        onSent(entry.kind);
      } else {
        const { state, error, theirs } = outcome;
        await serial(() => update(entry.key, (current) => ({ ...current, state, error, ...(theirs !== undefined ? { theirs } : {}) })));
        onSent(entry.kind);
      }
    }
  } finally {
    flushing = false;
  }
  if (stopped === 'signed_out') publish({ signedOut: true });
  else if (stopped === 'offline') retryTimer = setTimeout(() => void flushOutbox(), RETRY_MS);
}

/**
 * The teacher's decision on an entry that could not be applied:
 * `mine` sends it again over the record now on the server (a conflict) or as
 * it was (a refusal, e.g. once the reason is gone); `discard` drops it.
 */
export function resolveEntry(key: string, choice: 'mine' | 'discard'): Promise<void> {
  return serial(() =>
    update(key, (entry) => {
      if (choice === 'discard') return null;
      const input = entry.kind === 'follow-up' ? { ...(entry.input as object), version: entry.theirs?.version } : entry.input;
      const { error: _error, theirs: _theirs, ...rest } = entry;
      return { ...rest, input, key: newIdempotencyKey(), state: 'pending' };
    }),
  ).then(() => void flushOutbox());
}

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => void flushOutbox());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void flushOutbox();
  });
}
