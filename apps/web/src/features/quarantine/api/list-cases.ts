import { useQuery } from '@tanstack/react-query';
import { CaseList } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { quarantineKeys } from '../query-keys';

type Filters = { schoolId?: string; status?: 'open' | 'closed'; personId?: string };

export function listCases(filters: Filters, signal?: AbortSignal) {
  return apiRequest('/quarantine/cases', CaseList, { query: filters, signal });
}

/** Cases in scope; with `personId`, a person's cases (the roster page links to the open one). */
export function useCases(filters: Filters, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: quarantineKeys.list(filters), queryFn: ({ signal }) => listCases(filters, signal), enabled: options.enabled ?? true });
}
