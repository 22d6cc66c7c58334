import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { RosterSummary, type PersonFilters } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { peopleKeys } from '../query-keys';

export function getRosterSummary(filters: PersonFilters, signal?: AbortSignal) {
  return apiRequest('/people/summary', RosterSummary, { method: 'POST', body: filters, signal });
}

/** The counts the report uses: people registered, by kind, by census category, flags. */
export function useRosterSummary(filters: PersonFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: peopleKeys.summary(filters),
    queryFn: ({ signal }) => getRosterSummary(filters, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
