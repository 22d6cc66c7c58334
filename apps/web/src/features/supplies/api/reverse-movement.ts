import { useMutation } from '@tanstack/react-query';
import { StockMovement } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** Undoes a receipt, use or count by a reversing entry (history is never edited). */
export function reverseMovement({ id, reason }: { id: string; reason: string }) {
  return apiRequest(`/supplies/movements/${id}/reverse`, StockMovement, { method: 'POST', body: { reason } });
}

export function useReverseMovement() {
  return useMutation({ mutationFn: reverseMovement, meta: { invalidates: ['supplies'] } });
}
