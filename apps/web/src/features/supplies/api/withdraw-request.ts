import { useMutation } from '@tanstack/react-query';
import { SupplyRequest } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** Takes back a pending request (the school that asked). */
export function withdrawRequest(id: string) {
  return apiRequest(`/supplies/requests/${id}/withdraw`, SupplyRequest, { method: 'POST' });
}

export function useWithdrawRequest() {
  return useMutation({ mutationFn: withdrawRequest, meta: { invalidates: ['supplies'] } });
}
