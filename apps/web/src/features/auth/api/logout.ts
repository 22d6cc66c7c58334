import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OkResponse } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { clearAllDrafts } from '@/lib/drafts';
import { authKeys } from '../query-keys';

export function logout() {
  return apiRequest('/auth/logout', OkResponse, { method: 'POST' });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out locally even if the server could not be reached.
    onSettled: () => {
      clearAllDrafts();
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), null);
    },
  });
}
