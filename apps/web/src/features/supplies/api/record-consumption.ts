import { useMutation } from '@tanstack/react-query';
import { MovementList, type ConsumptionInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** What was used; refused (409) beyond the stock, with the balance in the message. */
export function recordConsumption(input: ConsumptionInput) {
  return apiRequest('/supplies/consumption', MovementList, { method: 'POST', body: input });
}

export function useRecordConsumption() {
  return useMutation({ mutationFn: recordConsumption, meta: { invalidates: ['supplies'] } });
}
