import { useCallback, useRef } from 'react';

/**
 * A submit handler that ignores a second tap while the first request is
 * still out. `isPending` (which disables the button) arrives one render
 * later: a fast double tap lands before it, so the handler guards too.
 */
export function useOneAtATime() {
  const busy = useRef(false);
  return useCallback((send: () => Promise<unknown>) => {
    if (busy.current) return;
    busy.current = true;
    void send()
      .catch(() => undefined)
      .finally(() => {
        busy.current = false;
      });
  }, []);
}
