import { useMutation } from '@tanstack/react-query';
import { SupplyRequest } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** Declines a request with a reason the school sees (centre). */
export function declineRequest({ id, reason }: { id: string; reason: string }) {
  return apiRequest(`/supplies/requests/${id}/decline`, SupplyRequest, { method: 'POST', body: { reason } });
}

export function useDeclineRequest() {
  return useMutation({ mutationFn: declineRequest, meta: { invalidates: ['supplies'] } });
}
