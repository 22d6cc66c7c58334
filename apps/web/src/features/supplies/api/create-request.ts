import { useMutation } from '@tanstack/react-query';
import { SupplyRequest, type SupplyRequestInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** A school asks the centre for supplies (items, quantities, reason). */
export function createRequest(input: SupplyRequestInput) {
  return apiRequest('/supplies/requests', SupplyRequest, { method: 'POST', body: input });
}

export function useCreateRequest() {
  return useMutation({ mutationFn: createRequest, meta: { invalidates: ['supplies'] } });
}
