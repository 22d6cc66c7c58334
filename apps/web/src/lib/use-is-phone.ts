import { useSyncExternalStore } from 'react';

/** antd's `xs` breakpoint: below 576 px lists become cards and the menu a drawer. */
const PHONE_QUERY = '(max-width: 575.98px)';

function subscribe(onChange: () => void) {
  const media = window.matchMedia(PHONE_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Read synchronously on first render, so a phone never paints the wide layout first. */
export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}
