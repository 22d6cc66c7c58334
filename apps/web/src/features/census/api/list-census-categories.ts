import { useQuery } from '@tanstack/react-query';
import { CensusCategoryList } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { censusKeys } from '../query-keys';

export function listCensusCategories(signal?: AbortSignal) {
  return apiRequest('/census-categories', CensusCategoryList, { signal });
}

/** Every census category, retired ones included (old records still carry them), in the centre's order. */
export function useCensusCategories() {
  return useQuery({
    queryKey: censusKeys.list(),
    queryFn: ({ signal }) => listCensusCategories(signal),
    select: (data) => data.items,
    // The list changes rarely (centre settings); a roster page asks for it on every filter panel.
    staleTime: 5 * 60_000,
  });
}
