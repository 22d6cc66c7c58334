import { useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';

/**
 * Whether the page is being printed: from `beforeprint` to `afterprint` (the
 * browser's own print, Ctrl+P or window.print()) or while print media is
 * emulated. A print-only document mounts only then, so the screen's page holds
 * no second, hidden copy of its text.
 */
let printing = false;
const listeners = new Set<() => void>();
const PRINT_QUERY = 'print';

function notify() {
  // The browser lays out the printed page as soon as `beforeprint` returns: render now, not in a later task.
  flushSync(() => listeners.forEach((listener) => listener()));
}
const onBeforePrint = () => {
  printing = true;
  notify();
};
const onAfterPrint = () => {
  printing = false;
  notify();
};

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  const media = window.matchMedia(PRINT_QUERY);
  if (listeners.size === 1) {
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
  }
  media.addEventListener('change', onChange);
  return () => {
    listeners.delete(onChange);
    media.removeEventListener('change', onChange);
    if (!listeners.size) {
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
    }
  };
}

export function usePrinting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => printing || window.matchMedia(PRINT_QUERY).matches,
    () => false,
  );
}
