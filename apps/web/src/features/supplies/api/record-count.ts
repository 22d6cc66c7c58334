import { useMutation } from '@tanstack/react-query';
import { StockCountResult, type StockCountInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** A physical count: each line's difference from the ledger is booked as a count adjustment. */
export function recordCount(input: StockCountInput) {
  return apiRequest('/supplies/counts', StockCountResult, { method: 'POST', body: input });
}

export function useRecordCount() {
  return useMutation({ mutationFn: recordCount, meta: { invalidates: ['supplies'] } });
}
