import { useMutation } from '@tanstack/react-query';
import { MovementList, type ReceiptInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** An arrival: at the centre (source, document number) or at a school from elsewhere. */
export function recordReceipt(input: ReceiptInput) {
  return apiRequest('/supplies/receipts', MovementList, { method: 'POST', body: input });
}

export function useRecordReceipt() {
  return useMutation({ mutationFn: recordReceipt, meta: { invalidates: ['supplies'] } });
}
