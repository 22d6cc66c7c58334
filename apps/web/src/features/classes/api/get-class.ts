import { useQuery } from '@tanstack/react-query';
import { SchoolClass } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { classKeys } from '../query-keys';

export function getSchoolClass(id: string, signal?: AbortSignal) {
  return apiRequest(`/classes/${encodeURIComponent(id)}`, SchoolClass, { signal });
}

export function useSchoolClass(id: string) {
  return useQuery({ queryKey: classKeys.detail(id), queryFn: ({ signal }) => getSchoolClass(id, signal) });
}
