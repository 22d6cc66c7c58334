import { useInfiniteQuery } from '@tanstack/react-query';
import { SupplyRequestPage } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { supplyKeys, type RequestFilters } from '../query-keys';

const PAGE_SIZE = 20;

export function listRequests(filters: RequestFilters & { cursor?: string }, signal?: AbortSignal) {
  return apiRequest('/supplies/requests', SupplyRequestPage, { query: { ...filters, limit: PAGE_SIZE }, signal });
}

/** Requests, newest first (a school's staff get their own school's). */
export function useSupplyRequests(filters: RequestFilters) {
  return useInfiniteQuery({
    queryKey: supplyKeys.requests(filters),
    queryFn: ({ pageParam, signal }) => listRequests({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
