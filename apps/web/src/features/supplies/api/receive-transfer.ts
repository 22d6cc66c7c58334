import { useMutation } from '@tanstack/react-query';
import { SupplyTransfer, type ReceiveTransferInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** The school confirms receipt; a received quantity that differs needs a note. */
export function receiveTransfer({ id, ...input }: ReceiveTransferInput & { id: string }) {
  return apiRequest(`/supplies/transfers/${id}/receive`, SupplyTransfer, { method: 'POST', body: input });
}

export function useReceiveTransfer() {
  return useMutation({ mutationFn: receiveTransfer, meta: { invalidates: ['supplies'] } });
}
