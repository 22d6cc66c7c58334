/**
 * Registers the app's service worker (/sw.js, written by apps/web/build/service-worker.ts):
 * after one visit the app opens without a network. Production builds only — in
 * development Vite serves modules that no precache list knows.
 *
 * A new version installs beside the running one and waits; `onUpdateReady`
 * gets an `apply` that lets it take over (SKIP_WAITING) and reloads the page
 * once it controls it. Nothing here reads or keeps personal data.
 */
export function registerServiceWorker(onUpdateReady: (apply: () => void) => void): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const container = navigator.serviceWorker;

  const offer = (waiting: ServiceWorker) => {
    // Without a controller this is the first install: nothing older is running, so there is nothing to update.
    if (!container.controller) return;
    onUpdateReady(() => {
      let reloaded = false;
      container.addEventListener('controllerchange', () => {
        if (reloaded) return;
        reloaded = true;
        window.location.reload();
      });
      waiting.postMessage({ type: 'SKIP_WAITING' });
    });
  };

  const register = () => {
    container
      .register('/sw.js')
      .then((registration) => {
        if (registration.waiting) offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'installed') offer(installing);
          });
        });
        // A phone keeps the app open for days: look for a new version whenever it comes back to the front.
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') registration.update().catch(() => undefined);
        });
      })
      .catch(() => {
        // No worker (private mode, policy, an old browser): the app still works online.
      });
  };
  // Well after the page has loaded and when the phone is idle, so the worker's precaching never competes
  // with the first screen's code and answers on a slow connection.
  const later = () => setTimeout(() => (window.requestIdleCallback ? window.requestIdleCallback(register, { timeout: 5000 }) : register()), 3000);
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}
