import { useQuery } from '@tanstack/react-query';
import { HolderStock } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { supplyKeys } from '../query-keys';

/** One holder's stock by item: a school's (with figures and formulas) or the centre's store (`holder` = 'centre'). */
export function getStock(holder: string, signal?: AbortSignal) {
  return apiRequest('/supplies/stock', HolderStock, { query: { holder }, signal });
}

export function useHolderStock(holder: string) {
  return useQuery({ queryKey: supplyKeys.stock(holder), queryFn: ({ signal }) => getStock(holder, signal) });
}
