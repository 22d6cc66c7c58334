import { useMemo, useSyncExternalStore } from 'react';
import type { MiniI18n } from './i18next';

/**
 * The part of react-i18next this app uses (see ./i18next.ts): `initReactI18next`
 * and `useTranslation()`, whose `t` changes when the language (or a catalogue
 * added later) changes, so components re-render in the new language.
 */
let instance: MiniI18n | null = null;
let version = 0;
const listeners = new Set<() => void>();

function changed() {
  version += 1;
  for (const listener of listeners) listener();
}

export const initReactI18next = {
  type: '3rdParty',
  init(i18n: MiniI18n) {
    instance = i18n;
    i18n.on('languageChanged', changed);
    i18n.on('added', changed);
  },
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useTranslation() {
  const current = useSyncExternalStore(subscribe, () => version);
  const i18n = instance;
  if (!i18n) throw new Error('useTranslation() before i18n.use(initReactI18next)');
  return useMemo(() => {
    const t: MiniI18n['t'] = (key, options) => i18n.t(key, options);
    return { t, i18n, ready: true, version: current };
  }, [i18n, current]);
}
