import { useInfiniteQuery } from '@tanstack/react-query';
import { SupplyTransferPage } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { supplyKeys, type TransferFilters } from '../query-keys';

const PAGE_SIZE = 20;

export function listTransfers(filters: TransferFilters & { cursor?: string }, signal?: AbortSignal) {
  return apiRequest('/supplies/transfers', SupplyTransferPage, { query: { ...filters, limit: PAGE_SIZE }, signal });
}

/** Transfers, newest first (a school's staff get their own school's). */
export function useTransfers(filters: TransferFilters) {
  return useInfiniteQuery({
    queryKey: supplyKeys.transfers(filters),
    queryFn: ({ pageParam, signal }) => listTransfers({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
