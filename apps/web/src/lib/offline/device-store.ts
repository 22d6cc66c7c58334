import { clear, createStore, del, get, set, type UseStore } from 'idb-keyval';

/**
 * The class teacher's data on the phone (docs/decisions/0024-data-on-the-phone.md):
 * one IndexedDB database holding the offline copy of their own classes and
 * their outbox of unsent entries, nothing else. Every value carries the owner
 * and when it was written; `eraseDevice()` empties all of it.
 */
const DATABASE = 'campus-phone';
/** Kept at most this long (48 h), whatever else happens. */
export const DEVICE_DATA_MAX_AGE_MS = 48 * 60 * 60 * 1000;

let store: UseStore | null | undefined;

function deviceStore(): UseStore | null {
  if (store !== undefined) return store;
  try {
    store = typeof indexedDB === 'undefined' ? null : createStore(DATABASE, 'kv');
  } catch {
    // IndexedDB refused (private mode, policy): the app works online, nothing is kept.
    store = null;
  }
  return store;
}

export interface Stored<T> {
  userId: string;
  savedAt: number;
  value: T;
}

/** The value under `key` if it belongs to `userId` and is younger than 48 h; anything else there is erased. */
export async function readOwn<T>(key: string, userId: string | null): Promise<Stored<T> | null> {
  const db = deviceStore();
  if (!db) return null;
  try {
    const stored = await get<Stored<T>>(key, db);
    if (!stored) return null;
    if ((userId !== null && stored.userId !== userId) || Date.now() - stored.savedAt > DEVICE_DATA_MAX_AGE_MS) {
      await del(key, db);
      return null;
    }
    return stored;
  } catch {
    return null;
  }
}

export async function writeOwn<T>(key: string, userId: string, value: T, savedAt = Date.now()): Promise<void> {
  const db = deviceStore();
  if (!db) throw new Error('storage_unavailable');
  await set(key, { userId, savedAt, value } satisfies Stored<T>, db);
}

export async function eraseKey(key: string): Promise<void> {
  const db = deviceStore();
  if (db) await del(key, db).catch(() => undefined);
}

/** Everything on the phone: at sign-out, when the session has ended, when someone else signs in. */
export async function eraseDevice(): Promise<void> {
  const db = deviceStore();
  if (db) await clear(db).catch(() => undefined);
}
