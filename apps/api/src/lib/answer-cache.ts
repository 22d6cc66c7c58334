import { reusable } from './serializer.js';

/**
 * The centre's schools × days grids are read by many at once and change
 * rarely: an answer is shared for a few seconds by every request asking the
 * same question of the same database — computed once (requests arriving
 * meanwhile wait for the same promise), serialized once (`reusable`), and
 * dropped at once when this process writes what it is made of
 * (`invalidateAnswers`). Another process's write shows within `ttlMs`.
 */
type Shared = Map<string, { at: number; answer: Promise<object> }>;
const caches = new WeakMap<object, Shared>();

export function cachedAnswer<T extends object>(db: object, topic: string, key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map() as Shared));
  const name = `${topic}|${key}`;
  const hit = cache.get(name);
  if (hit && Date.now() - hit.at < ttlMs) return hit.answer as Promise<T>;
  const answer = compute().then(reusable);
  cache.set(name, { at: Date.now(), answer });
  // a failure is not kept
  answer.catch(() => cache.delete(name));
  return answer;
}

/** Drops every shared answer of a topic (after a write to what it is made of). */
export function invalidateAnswers(db: object, topic: string): void {
  const cache = caches.get(db);
  if (!cache) return;
  for (const name of cache.keys()) if (name.startsWith(`${topic}|`)) cache.delete(name);
}
