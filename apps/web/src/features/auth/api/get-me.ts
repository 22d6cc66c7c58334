import { useQuery } from '@tanstack/react-query';
import { Me } from '@campus/shared';
import { apiRequest, isApiRequestError } from '@/lib/api-client';
import { authKeys } from '../query-keys';

/** The signed-in user, or null when nobody is signed in (401). */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiRequest('/auth/me', Me, { signal });
  } catch (error) {
    if (isApiRequestError(error) && error.statusCode === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 60_000,
  });
}
