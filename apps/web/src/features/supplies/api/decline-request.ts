import { useMutation } from '@tanstack/react-query';
import { SupplyRequest } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { useSuppliesWritten } from './use-supplies-written';

/** Declines a request with a reason the school sees (centre). */
export function declineRequest({ id, reason }: { id: string; reason: string }) {
  return apiRequest(`/supplies/requests/${id}/decline`, SupplyRequest, { method: 'POST', body: { reason } });
}

export function useDeclineRequest() {
  const written = useSuppliesWritten();
  return useMutation({ mutationFn: declineRequest, onSuccess: written });
}
