import { useQuery } from '@tanstack/react-query';
import { School } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { schoolKeys } from '../query-keys';

export function getSchool(id: string, signal?: AbortSignal) {
  return apiRequest(`/schools/${encodeURIComponent(id)}`, School, { signal });
}

/** One school; out of scope reads as 404 (NotFoundResult). */
export function useSchool(id: string) {
  return useQuery({ queryKey: schoolKeys.detail(id), queryFn: ({ signal }) => getSchool(id, signal) });
}
