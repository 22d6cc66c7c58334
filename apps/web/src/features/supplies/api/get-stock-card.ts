import { useQuery } from '@tanstack/react-query';
import { StockCard } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { supplyKeys } from '../query-keys';

/** A holder's stock card for one item: the last 500 movements, oldest first, each with its running balance. */
export function getStockCard(holder: string, itemId: string, signal?: AbortSignal) {
  return apiRequest('/supplies/stock-card', StockCard, { query: { holder, itemId }, signal });
}

export function useStockCard(holder: string, itemId: string | undefined) {
  return useQuery({
    queryKey: supplyKeys.stockCard(holder, itemId ?? ''),
    queryFn: ({ signal }) => getStockCard(holder, itemId!, signal),
    enabled: Boolean(itemId),
  });
}
