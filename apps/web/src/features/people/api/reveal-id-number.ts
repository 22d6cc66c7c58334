import { useMutation } from '@tanstack/react-query';
import { RevealedIdNumber } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** The full ID number; the server records the reveal in the audit log. */
export function revealIdNumber(id: string) {
  return apiRequest(`/people/${encodeURIComponent(id)}/reveal-id`, RevealedIdNumber, { method: 'POST' });
}

/**
 * A mutation, not a query: the number must not sit in the query cache. The
 * caller copies it into component state and calls `reset()`; `gcTime: 0`
 * drops the mutation's own copy as soon as nothing observes it.
 */
export function useRevealIdNumber() {
  return useMutation({ mutationFn: revealIdNumber, gcTime: 0 });
}
