import { useQuery } from '@tanstack/react-query';
import { Me } from '@campus/shared';
import { apiRequest, isApiRequestError } from '@/lib/api-client';
import { erasePhoneCopy, offlineMe } from '@/lib/offline/phone-copy';
import { authKeys } from '../query-keys';

/**
 * The signed-in user, or null when nobody is signed in (401). Without a
 * connection, a class teacher's phone answers with the user it last saw
 * (younger than 48 h, ADR 0024), so the app opens offline; when the server
 * says the session has ended, that copy is erased.
 */
export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await apiRequest('/auth/me', Me, { signal });
  } catch (error) {
    if (isApiRequestError(error) && error.statusCode === 401) {
      await erasePhoneCopy();
      return null;
    }
    if (isApiRequestError(error) && error.statusCode === 0) {
      const copy = await offlineMe();
      if (copy) return copy;
    }
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
