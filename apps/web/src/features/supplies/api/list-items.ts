import { useQuery } from '@tanstack/react-query';
import { SupplyItemList } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { supplyKeys } from '../query-keys';

/** The catalogue, in its order; retired items only on request (the catalogue page). */
export function listItems(includeInactive: boolean, signal?: AbortSignal) {
  return apiRequest('/supplies/items', SupplyItemList, { query: { includeInactive: includeInactive ? 'true' : undefined }, signal });
}

export function useSupplyItems({ includeInactive = false }: { includeInactive?: boolean } = {}) {
  return useQuery({
    queryKey: supplyKeys.items(includeInactive),
    queryFn: ({ signal }) => listItems(includeInactive, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}
