import { useMutation } from '@tanstack/react-query';
import { SupplyTransfer, type SupplyTransferInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { useSuppliesWritten } from './use-supplies-written';

/** One transfer document from the centre to a school: out of the centre now, in transit until received. */
export function createTransfer(input: SupplyTransferInput) {
  return apiRequest('/supplies/transfers', SupplyTransfer, { method: 'POST', body: input });
}

export function useCreateTransfer() {
  const written = useSuppliesWritten();
  return useMutation({ mutationFn: createTransfer, onSuccess: written });
}
