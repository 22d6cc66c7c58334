import { useMutation } from '@tanstack/react-query';
import { FollowUp, type FollowUpInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { useDayWritten } from './use-day-written';

/** One record per person and day: saving again updates it; a stale `version` is refused (409). */
export function saveFollowUp({ personId, day, input }: { personId: string; day: string; input: FollowUpInput }) {
  return apiRequest(`/follow-ups/${encodeURIComponent(personId)}/${day}`, FollowUp, { method: 'PUT', body: input });
}

export function useSaveFollowUp() {
  const written = useDayWritten();
  return useMutation({ mutationFn: saveFollowUp, onSuccess: written });
}
