import { Me, PhoneCopy, type Worklist } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { eraseKey, readOwn, writeOwn } from './device-store';

/**
 * The class teacher's offline copy (docs/decisions/0024-data-on-the-phone.md):
 * who they are (to open the app without a connection) and their own classes'
 * lists for today and yesterday with the numbers to call — `PhoneCopy` from
 * `GET /api/follow-ups/phone-copy`. Only class teachers get one.
 */
const KEY = 'copy';

interface Copy {
  me: Me;
  copy: PhoneCopy;
}

let memory: { userId: string; value: Copy } | null = null;

async function load(userId: string | null): Promise<Copy | null> {
  if (memory && (userId === null || memory.userId === userId)) return memory.value;
  const stored = await readOwn<Copy>(KEY, userId);
  memory = stored ? { userId: stored.userId, value: stored.value } : null;
  return memory?.value ?? null;
}

export function keepsPhoneCopy(me: Me | null | undefined): me is Me {
  return me?.user.role === 'class_teacher';
}

let refreshing: Promise<void> | null = null;
let refreshedAt = 0;

/** Fetches the copy again (at most once a minute); offline, the last one stays. */
export function refreshPhoneCopy(me: Me): Promise<void> {
  if (!keepsPhoneCopy(me)) return Promise.resolve();
  if (refreshing) return refreshing;
  if (Date.now() - refreshedAt < 60_000) return Promise.resolve();
  refreshing = apiRequest('/follow-ups/phone-copy', PhoneCopy)
    .then(async (copy) => {
      refreshedAt = Date.now();
      const value = { me, copy };
      memory = { userId: me.user.id, value };
      await writeOwn(KEY, me.user.id, value);
    })
    .catch(() => undefined)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

/** A fresh list from the server replaces its copy (the rest stays as it was). */
export async function keepList(me: Me | null | undefined, list: Worklist): Promise<void> {
  if (!keepsPhoneCopy(me)) return;
  const current = await load(me.user.id);
  if (!current || !list.classId) return;
  const index = current.copy.lists.findIndex((candidate) => candidate.classId === list.classId && candidate.day === list.day);
  if (index < 0) return;
  const lists = current.copy.lists.slice();
  lists[index] = list;
  const value = { me, copy: { ...current.copy, lists } };
  memory = { userId: me.user.id, value };
  await writeOwn(KEY, me.user.id, value).catch(() => undefined);
}

/** The signed-in teacher as last seen online, to open the app offline (younger than 48 h). */
export async function offlineMe(): Promise<Me | null> {
  return (await load(null))?.me ?? null;
}

/** A class's list from the copy: the day asked for, or today's when no day is given. */
export async function offlineList(query: { classId?: string; day?: string }): Promise<Worklist | null> {
  const current = await load(null);
  if (!current || !query.classId) return null;
  const day = query.day ?? current.copy.today;
  return current.copy.lists.find((list) => list.classId === query.classId && list.day === day) ?? null;
}

export async function offlineContacts(personId: string): Promise<PhoneCopy['contacts'][number]['phones'] | null> {
  const current = await load(null);
  return current?.copy.contacts.find((contact) => contact.personId === personId)?.phones ?? null;
}

/** The session has ended (or someone signs out): the copy goes; the outbox is handled by its own rules. */
export async function erasePhoneCopy(): Promise<void> {
  memory = null;
  refreshedAt = 0;
  await eraseKey(KEY);
}
