import { useMutation } from '@tanstack/react-query';
import { SupplyTransfer, type SupplyTransferInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** One transfer document from the centre to a school: out of the centre now, in transit until received. */
export function createTransfer(input: SupplyTransferInput) {
  return apiRequest('/supplies/transfers', SupplyTransfer, { method: 'POST', body: input });
}

export function useCreateTransfer() {
  return useMutation({ mutationFn: createTransfer, meta: { invalidates: ['supplies'] } });
}
