import { useSyncExternalStore } from 'react';

/** antd's `xs` breakpoint: below 576 px lists become cards and the menu a drawer. */
const PHONE_QUERY = '(max-width: 575.98px)';
const REDUCED_MOTION_QUERY = '(prefers-reduced-motion: reduce)';

/** A CSS media query, read synchronously on first render and followed as it changes. */
function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const media = window.matchMedia(query);
      media.addEventListener('change', onChange);
      return () => media.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Read synchronously on first render, so a phone never paints the wide layout first. */
export function useIsPhone(): boolean {
  return useMediaQuery(PHONE_QUERY);
}

/** The user asked their system for less motion (WCAG 2.3.3): antd's transitions are turned off. */
export function usePrefersReducedMotion(): boolean {
  return useMediaQuery(REDUCED_MOTION_QUERY);
}
