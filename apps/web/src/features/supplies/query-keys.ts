import type { QueryRoot } from '@/lib/query-roots';
import type { MatrixQuery, SupplyRequestStatus } from '@campus/shared';

/** The matrix's query as the page builds it (the shared input type leaves the coerced numbers `unknown`). */
export type MatrixParams = Omit<MatrixQuery, 'limit' | 'offset'> & { limit?: number; offset?: number };

export interface TransferFilters {
  schoolId?: string;
  status?: 'in_transit' | 'received' | 'cancelled';
}
export interface RequestFilters {
  schoolId?: string;
  status?: SupplyRequestStatus;
}
export interface MovementFilters {
  holder?: string;
  itemId?: string;
  type?: 'receipt' | 'transfer_out' | 'transfer_in' | 'consumption' | 'count_adjustment' | 'reversal';
}

/** Every supplies query starts with `supplyKeys.all`: one write refreshes them all (stock moves figures everywhere). */
export const supplyKeys = {
  all: ['supplies'] as const satisfies readonly [QueryRoot],
  items: (includeInactive: boolean) => [...supplyKeys.all, 'items', includeInactive] as const,
  matrix: (query: MatrixParams) => [...supplyKeys.all, 'matrix', query] as const,
  alerts: () => [...supplyKeys.all, 'alerts'] as const,
  stock: (holder: string) => [...supplyKeys.all, 'stock', holder] as const,
  stockCard: (holder: string, itemId: string) => [...supplyKeys.all, 'stock-card', holder, itemId] as const,
  movements: (filters: MovementFilters) => [...supplyKeys.all, 'movements', filters] as const,
  transfers: (filters: TransferFilters) => [...supplyKeys.all, 'transfers', filters] as const,
  requests: (filters: RequestFilters) => [...supplyKeys.all, 'requests', filters] as const,
  targets: (itemId: string | undefined) => [...supplyKeys.all, 'targets', itemId ?? 'all'] as const,
};
