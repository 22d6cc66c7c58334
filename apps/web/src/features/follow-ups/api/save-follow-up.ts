import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FollowUp, type FollowUpInput } from '@campus/shared';
import { peopleKeys } from '@/features/people';
import { apiRequest } from '@/lib/api-client';
import { useDayWritten } from './use-day-written';

/** One record per person and day: saving again updates it; a stale `version` is refused (409). */
export function saveFollowUp({ personId, day, input }: { personId: string; day: string; input: FollowUpInput }) {
  return apiRequest(`/follow-ups/${encodeURIComponent(personId)}/${day}`, FollowUp, { method: 'PUT', body: input });
}

export function useSaveFollowUp() {
  const written = useDayWritten();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveFollowUp,
    onSuccess: (_saved, { personId, input }) =>
      Promise.all([
        written(),
        // The person's page shows today's record; a census move changes the roster and its counts too.
        queryClient.invalidateQueries({ queryKey: input.moveToUnwell ? peopleKeys.all : peopleKeys.detail(personId) }),
      ]),
  });
}
