import { useMutation } from '@tanstack/react-query';
import { FollowUp, type FollowUpInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** One record per person and day: saving again updates it; a stale `version` is refused (409). */
export function saveFollowUp({ personId, day, input }: { personId: string; day: string; input: FollowUpInput }) {
  return apiRequest(`/follow-ups/${encodeURIComponent(personId)}/${day}`, FollowUp, { method: 'PUT', body: input });
}

export function useSaveFollowUp() {
  return useMutation({
    mutationFn: saveFollowUp,
    // The day's views; the person's page shows today's record, and a census move changes the roster and its counts.
    meta: { invalidates: ['follow-ups', 'daily-reports', 'people', 'learning'] },
  });
}
