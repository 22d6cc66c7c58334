/**
 * Drafts of unsent forms, kept across a reload of the same tab
 * (docs/decisions/0012-follow-up-drafts.md): in sessionStorage only, never
 * localStorage or IndexedDB, erased on save, on leaving the form on purpose,
 * at sign-out and when the session is found ended, and by the browser when
 * the tab closes.
 */
const PREFIX = 'campus.draft.';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    // Storage refused (private mode, policy): no drafts, the form still works.
    return null;
  }
}

export function readDraft<T>(key: string): T | null {
  const text = storage()?.getItem(PREFIX + key);
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function writeDraft(key: string, value: unknown): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Full or refused: the draft is a convenience, never a reason to fail.
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

/** Every draft of this tab: at sign-out and when the session has ended. */
export function clearAllDrafts(): void {
  const store = storage();
  if (!store) return;
  const keys: string[] = [];
  for (let index = 0; index < store.length; index += 1) {
    const key = store.key(index);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}
