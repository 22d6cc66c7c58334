import { useQuery } from '@tanstack/react-query';
import { SchoolRosterCounts } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { peopleKeys } from '../query-keys';

export function getCountsBySchool(signal?: AbortSignal) {
  return apiRequest('/people/counts-by-school', SchoolRosterCounts, { signal });
}

/** Every school's roster counts side by side (centre and observer only). */
export function useCountsBySchool() {
  return useQuery({ queryKey: peopleKeys.countsBySchool(), queryFn: ({ signal }) => getCountsBySchool(signal) });
}
