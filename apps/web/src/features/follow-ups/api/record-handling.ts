import { useMutation } from '@tanstack/react-query';
import { FollowUp } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { useDayWritten } from './use-day-written';

/** What was done about an exception (principal). */
export function recordHandling({ followUpId, handlingNote }: { followUpId: string; handlingNote: string }) {
  return apiRequest(`/follow-ups/by-id/${encodeURIComponent(followUpId)}/handling`, FollowUp, { method: 'PUT', body: { handlingNote } });
}

export function useRecordHandling() {
  const written = useDayWritten();
  return useMutation({ mutationFn: recordHandling, onSuccess: written });
}
