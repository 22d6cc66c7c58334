import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OkResponse, type ChangePasswordInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { authKeys } from '../query-keys';

export function changePassword(input: ChangePasswordInput) {
  return apiRequest('/auth/password', OkResponse, { method: 'POST', body: input });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    // `mustChangePassword` is now false: refetch before leaving the page.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: authKeys.me() }),
  });
}
