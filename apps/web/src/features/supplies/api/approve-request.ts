import { useMutation } from '@tanstack/react-query';
import { SupplyRequest, type ApproveRequestInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** Approves in full or in part (centre); the approval goes out as a transfer. */
export function approveRequest({ id, ...input }: ApproveRequestInput & { id: string }) {
  return apiRequest(`/supplies/requests/${id}/approve`, SupplyRequest, { method: 'POST', body: input });
}

export function useApproveRequest() {
  return useMutation({ mutationFn: approveRequest, meta: { invalidates: ['supplies'] } });
}
