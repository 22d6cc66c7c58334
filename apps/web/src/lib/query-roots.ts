import type { QueryClient } from '@tanstack/react-query';

/**
 * The first part of every query key: one per feature (ADR 0017). A feature's
 * `query-keys.ts` starts its keys with its root; a mutation names the roots it
 * makes stale in `meta.invalidates`, and the one MutationCache handler in
 * `app/query-client.ts` refetches them, so no feature imports another's keys.
 */
export const QUERY_ROOTS = ['auth', 'accounts', 'audit', 'census-categories', 'classes', 'daily-reports', 'follow-ups', 'people', 'quarantine', 'schools', 'settings', 'supplies', 'duty', 'gate', 'disinfection', 'learning'] as const;
export type QueryRoot = (typeof QUERY_ROOTS)[number];

export interface CampusMutationMeta {
  /** What this mutation's success makes stale: feature roots, or everything (a change that reaches every screen). */
  invalidates?: readonly QueryRoot[] | 'everything';
}

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: CampusMutationMeta;
  }
}

/** Refetches (or marks stale) what a mutation declared; the mutation's promise waits for the active refetches. */
export function invalidateDeclared(queryClient: QueryClient, meta: CampusMutationMeta | undefined): Promise<unknown> | undefined {
  const invalidates = meta?.invalidates;
  if (!invalidates) return undefined;
  if (invalidates === 'everything') return queryClient.invalidateQueries();
  return Promise.all(invalidates.map((root) => queryClient.invalidateQueries({ queryKey: [root] })));
}
