import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Me, type LoginInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { authKeys } from '../query-keys';

export function login(input: LoginInput): Promise<Me> {
  return apiRequest('/auth/login', Me, { method: 'POST', body: input });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // Nothing cached for a previous user may show through.
      queryClient.removeQueries();
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}
