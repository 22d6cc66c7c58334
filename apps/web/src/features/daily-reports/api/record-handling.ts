import { useMutation } from '@tanstack/react-query';
import { FollowUp } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** What was done about an exception (principal). */
export function recordHandling({ followUpId, handlingNote }: { followUpId: string; handlingNote: string }) {
  return apiRequest(`/follow-ups/by-id/${encodeURIComponent(followUpId)}/handling`, FollowUp, { method: 'PUT', body: { handlingNote } });
}

export function useRecordHandling() {
  return useMutation({ mutationFn: recordHandling, meta: { invalidates: ['follow-ups', 'daily-reports'] } });
}
