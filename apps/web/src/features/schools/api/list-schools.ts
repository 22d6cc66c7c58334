import { useQuery } from '@tanstack/react-query';
import { SchoolList } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { schoolKeys } from '../query-keys';

export function listSchools(filters: { includeInactive: boolean }, signal?: AbortSignal) {
  return apiRequest('/schools', SchoolList, { query: { includeInactive: filters.includeInactive }, signal });
}

/** Schools in the caller's scope (one school for school staff, all for the centre and observers). */
export function useSchools(filters: { includeInactive: boolean } = { includeInactive: false }) {
  return useQuery({
    queryKey: schoolKeys.list(filters),
    queryFn: ({ signal }) => listSchools(filters, signal),
    select: (data) => data.items,
  });
}
