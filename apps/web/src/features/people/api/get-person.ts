import { useQuery } from '@tanstack/react-query';
import { PersonDetail } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { peopleKeys } from '../query-keys';

/** A person with the ID number masked, guardians and history. Out of scope reads as 404. */
export function getPerson(id: string, signal?: AbortSignal) {
  return apiRequest(`/people/${encodeURIComponent(id)}`, PersonDetail, { signal });
}

export function usePerson(id: string, enabled = true) {
  return useQuery({ queryKey: peopleKeys.detail(id), queryFn: ({ signal }) => getPerson(id, signal), enabled });
}
