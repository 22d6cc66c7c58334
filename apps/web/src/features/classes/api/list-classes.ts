import { useQuery } from '@tanstack/react-query';
import { SchoolClassList } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { classKeys, type ClassListFilters } from '../query-keys';

export function listClasses(filters: ClassListFilters, signal?: AbortSignal) {
  return apiRequest('/classes', SchoolClassList, { query: { schoolId: filters.schoolId, includeInactive: filters.includeInactive }, signal });
}

/** Classes in scope: a class teacher gets only the classes they head. */
export function useClasses(filters: ClassListFilters) {
  return useQuery({
    queryKey: classKeys.list(filters),
    queryFn: ({ signal }) => listClasses(filters, signal),
    select: (data) => data.items,
  });
}
