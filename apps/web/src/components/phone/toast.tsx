import { useSyncExternalStore } from 'react';
import { Icon } from './icons';
import './phone.css';

export type ToastTone = 'success' | 'error' | 'info';

interface ToastEntry {
  id: number;
  text: string;
  tone: ToastTone;
}

/** How long a toast stays. */
const TOAST_MS = 3000;
/** At most this many at once (a run of saves shows the latest ones). */
const MAX_TOASTS = 3;

// A module-level store, so any code (a page, the outbox) can say something without a provider; <Toaster /> shows it.
let toasts: readonly ToastEntry[] = [];
let nextId = 1;
const listeners = new Set<() => void>();

function publish(next: readonly ToastEntry[]) {
  toasts = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

const snapshot = () => toasts;

/** A short message at the bottom of the screen for 3 s, read out politely by screen readers. */
export function toast(text: string, tone: ToastTone = 'info'): void {
  const id = nextId++;
  publish([...toasts, { id, text, tone }].slice(-MAX_TOASTS));
  setTimeout(() => publish(toasts.filter((entry) => entry.id !== id)), TOAST_MS);
}

const ICONS = { success: 'success', error: 'error', info: 'info' } as const;

/** The toasts of the moment; mounted once at the app's root. The live region is always there, so the first toast is announced too. */
export function Toaster() {
  const current = useSyncExternalStore(subscribe, snapshot, snapshot);
  return (
    <div className="phone-toaster" role="status" aria-live="polite">
      {current.map((entry) => (
        <div key={entry.id} className={`phone-toast phone-toast-${entry.tone}`}>
          <span className="phone-banner-icon">
            <Icon name={ICONS[entry.tone]} />
          </span>
          <span>{entry.text}</span>
        </div>
      ))}
    </div>
  );
}
