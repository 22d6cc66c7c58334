import { useMutation } from '@tanstack/react-query';
import { MovementList, type ConsumptionInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { useSuppliesWritten } from './use-supplies-written';

/** What was used; refused (409) beyond the stock, with the balance in the message. */
export function recordConsumption(input: ConsumptionInput) {
  return apiRequest('/supplies/consumption', MovementList, { method: 'POST', body: input });
}

export function useRecordConsumption() {
  const written = useSuppliesWritten();
  return useMutation({ mutationFn: recordConsumption, onSuccess: written });
}
