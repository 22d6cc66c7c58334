import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Me, type LoginInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { erasePhoneCopy } from '@/lib/offline/phone-copy';
import { authKeys } from '../query-keys';

export function login(input: LoginInput): Promise<Me> {
  return apiRequest('/auth/login', Me, { method: 'POST', body: input });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: async (me) => {
      // Nothing cached for a previous user may show through: not in memory, not the phone's copy
      // (a class teacher's is fetched again; the outbox is kept only for the same user, outbox.ts).
      await erasePhoneCopy();
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}
