import { useInfiniteQuery } from '@tanstack/react-query';
import { MovementPage } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { supplyKeys, type MovementFilters } from '../query-keys';

const PAGE_SIZE = 50;

export function listMovements(filters: MovementFilters & { cursor?: string }, signal?: AbortSignal) {
  return apiRequest('/supplies/movements', MovementPage, { query: { ...filters, limit: PAGE_SIZE }, signal });
}

/** The ledger, newest first; "load more" follows `nextCursor`. */
export function useMovements(filters: MovementFilters) {
  return useInfiniteQuery({
    queryKey: supplyKeys.movements(filters),
    queryFn: ({ pageParam, signal }) => listMovements({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
