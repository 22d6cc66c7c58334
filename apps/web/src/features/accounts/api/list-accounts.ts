import { useQuery } from '@tanstack/react-query';
import { AccountList } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { accountKeys, type AccountListFilters } from '../query-keys';

export function listAccounts(filters: AccountListFilters, signal?: AbortSignal) {
  return apiRequest('/accounts', AccountList, {
    query: { schoolId: filters.schoolId, role: filters.role, q: filters.q?.trim(), includeDisabled: filters.includeDisabled },
    signal,
  });
}

/** Accounts in scope: the centre sees all, a principal their school's. */
export function useAccounts(filters: AccountListFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: accountKeys.list(filters),
    queryFn: ({ signal }) => listAccounts(filters, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}
