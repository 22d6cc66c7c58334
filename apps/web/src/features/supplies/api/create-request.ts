import { useMutation } from '@tanstack/react-query';
import { SupplyRequest, type SupplyRequestInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { useSuppliesWritten } from './use-supplies-written';

/** A school asks the centre for supplies (items, quantities, reason). */
export function createRequest(input: SupplyRequestInput) {
  return apiRequest('/supplies/requests', SupplyRequest, { method: 'POST', body: input });
}

export function useCreateRequest() {
  const written = useSuppliesWritten();
  return useMutation({ mutationFn: createRequest, onSuccess: written });
}
