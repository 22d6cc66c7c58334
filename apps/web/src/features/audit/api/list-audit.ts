import { useInfiniteQuery } from '@tanstack/react-query';
import { AuditPage } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { auditKeys, type AuditFilters } from '../query-keys';

const PAGE_SIZE = 50;

export function listAudit(filters: AuditFilters & { cursor?: string; limit?: number }, signal?: AbortSignal) {
  return apiRequest('/audit', AuditPage, { query: { ...filters, limit: filters.limit ?? PAGE_SIZE }, signal });
}

/** Newest first; "load more" follows `nextCursor`. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => listAudit({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
