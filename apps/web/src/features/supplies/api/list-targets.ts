import { useQuery } from '@tanstack/react-query';
import { TargetList } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { supplyKeys } from '../query-keys';

/** Each school's effective target for an item: its own or the item's default, with the formula. */
export function listTargets(itemId: string | undefined, signal?: AbortSignal) {
  return apiRequest('/supplies/targets', TargetList, { query: { itemId }, signal });
}

export function useTargets(itemId: string | undefined) {
  return useQuery({
    queryKey: supplyKeys.targets(itemId),
    queryFn: ({ signal }) => listTargets(itemId, signal),
    select: (data) => data.items,
    enabled: Boolean(itemId),
  });
}
