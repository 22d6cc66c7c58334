import { useMutation } from '@tanstack/react-query';
import { SupplyTransfer } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** Cancels a transfer still in transit (centre): its out leg is reversed. */
export function cancelTransfer({ id, reason }: { id: string; reason: string }) {
  return apiRequest(`/supplies/transfers/${id}/cancel`, SupplyTransfer, { method: 'POST', body: { reason } });
}

export function useCancelTransfer() {
  return useMutation({ mutationFn: cancelTransfer, meta: { invalidates: ['supplies'] } });
}
