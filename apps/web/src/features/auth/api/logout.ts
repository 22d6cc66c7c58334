import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OkResponse } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { clearAllDrafts } from '@/lib/drafts';
import { eraseDevice } from '@/lib/offline/device-store';
import { closeOutbox } from '@/lib/offline/outbox';
import { erasePhoneCopy } from '@/lib/offline/phone-copy';
import { authKeys } from '../query-keys';

export function logout() {
  return apiRequest('/auth/logout', OkResponse, { method: 'POST' });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    // Signed out locally even if the server could not be reached; the phone keeps nothing of the user (ADR 0024).
    onSettled: async () => {
      clearAllDrafts();
      closeOutbox();
      await erasePhoneCopy();
      await eraseDevice();
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), null);
    },
  });
}
