import { useMutation } from '@tanstack/react-query';
import { MovementList, type ReceiptInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { useSuppliesWritten } from './use-supplies-written';

/** An arrival: at the centre (source, document number) or at a school from elsewhere. */
export function recordReceipt(input: ReceiptInput) {
  return apiRequest('/supplies/receipts', MovementList, { method: 'POST', body: input });
}

export function useRecordReceipt() {
  const written = useSuppliesWritten();
  return useMutation({ mutationFn: recordReceipt, onSuccess: written });
}
