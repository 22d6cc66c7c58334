import { useQuery } from '@tanstack/react-query';
import { dayInTimeZone, FollowUp } from '@campus/shared';
import { apiRequest, isApiRequestError } from '@/lib/api-client';
import { useSession } from '@/lib/session';
import { peopleKeys } from '../query-keys';

/** The person's follow-up record of a day, or null when there is none (or the reader may not see health records). */
export async function getFollowUpOfDay(personId: string, day: string, signal?: AbortSignal) {
  try {
    return await apiRequest(`/follow-ups/${encodeURIComponent(personId)}/${day}`, FollowUp, { signal });
  } catch (error) {
    if (isApiRequestError(error) && (error.statusCode === 404 || error.statusCode === 403)) return null;
    throw error;
  }
}

/** Today's record (today in the centre's time zone), under the person's key: a save of the record refreshes it. */
export function useTodayFollowUp(personId: string) {
  const me = useSession();
  const day = dayInTimeZone(new Date(), me.centre.timeZone);
  return useQuery({ queryKey: [...peopleKeys.detail(personId), 'follow-up', day] as const, queryFn: ({ signal }) => getFollowUpOfDay(personId, day, signal) });
}
