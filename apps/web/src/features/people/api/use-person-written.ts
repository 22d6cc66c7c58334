import { useQueryClient } from '@tanstack/react-query';
import type { PersonDetail } from '@campus/shared';
import { peopleKeys } from '../query-keys';

/** After any write to a person: their detail is the answer; lists, summaries and counts are stale. */
export function usePersonWritten() {
  const queryClient = useQueryClient();
  return (person: PersonDetail) => {
    queryClient.setQueryData(peopleKeys.detail(person.id), person);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: peopleKeys.searches() }),
      queryClient.invalidateQueries({ queryKey: peopleKeys.summaries() }),
      queryClient.invalidateQueries({ queryKey: peopleKeys.countsBySchool() }),
    ]);
  };
}
