import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { UNSAFE_NavigationContext, parsePath, useLocation, type Location, type To } from 'react-router';

/**
 * "You have unsaved changes — leave?" for the declarative router (ADR 0006:
 * the data router and its `useBlocker` cost the phone ~19 KB). The provider
 * hands every link and `navigate()` below it a navigator that first asks the
 * mounted guards; a guard that says "block" gets a `blocked` state with
 * `proceed` / `reset`, as `useBlocker` gave. Leaving the app (reload, close)
 * is the page's `beforeunload`; the browser's back button is not held (the
 * record form's draft survives it, ADR 0012).
 */
export type LeaveCheck = (args: { currentLocation: Location; nextLocation: { pathname: string } }) => boolean;

interface Pending {
  owner: symbol;
  go: () => void;
}

interface Guards {
  pending: Pending | null;
  clear: () => void;
}

// One app per page: the mounted guards and the current location live beside it, outside React's render.
const checks = new Map<symbol, LeaveCheck>();
let here: Location | null = null;

const GuardsContext = createContext<Guards | null>(null);

export function LeaveGuardProvider({ children }: { children: ReactNode }) {
  const navigation = useContext(UNSAFE_NavigationContext);
  const location = useLocation();
  const [pending, setPending] = useState<Pending | null>(null);
  useEffect(() => {
    here = location;
  }, [location]);

  const value = useMemo(() => {
    const base = navigation.navigator;
    const guarded =
      (method: 'push' | 'replace') =>
      (to: To, state?: unknown, options?: unknown): void => {
        const currentLocation = here;
        const pathname = (typeof to === 'string' ? parsePath(to).pathname : to.pathname) ?? currentLocation?.pathname ?? '/';
        for (const [owner, check] of checks) {
          if (currentLocation && check({ currentLocation, nextLocation: { pathname } })) {
            setPending({ owner, go: () => (base[method] as (...args: unknown[]) => void)(to, state, options) });
            return;
          }
        }
        (base[method] as (...args: unknown[]) => void)(to, state, options);
      };
    return { ...navigation, navigator: { ...base, push: guarded('push'), replace: guarded('replace') } };
  }, [navigation]);

  const guards = useMemo<Guards>(() => ({ pending, clear: () => setPending(null) }), [pending]);

  return (
    <GuardsContext.Provider value={guards}>
      <UNSAFE_NavigationContext.Provider value={value}>{children}</UNSAFE_NavigationContext.Provider>
    </GuardsContext.Provider>
  );
}

export interface LeaveGuard {
  state: 'blocked' | 'unblocked';
  /** Go where the user was going (the changes are given up). */
  proceed?: () => void;
  /** Stay. */
  reset?: () => void;
}

/** Holds in-app navigation while `check` says so (react-router's `useBlocker`, for the declarative router). */
export function useLeaveGuard(check: LeaveCheck): LeaveGuard {
  const guards = useContext(GuardsContext);
  if (!guards) throw new Error('useLeaveGuard() outside LeaveGuardProvider');
  const [owner] = useState(() => Symbol('leave-guard'));
  // The latest check, after every render; gone with the component.
  useEffect(() => {
    checks.set(owner, check);
  });
  useEffect(() => () => void checks.delete(owner), [owner]);
  const pending = guards.pending;
  if (pending?.owner !== owner) return { state: 'unblocked' };
  return {
    state: 'blocked',
    proceed: () => {
      guards.clear();
      pending.go();
    },
    reset: () => guards.clear(),
  };
}
