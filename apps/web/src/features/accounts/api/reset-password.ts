import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AccountWithPassword } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { accountKeys } from '../query-keys';

/** A new one-time password; the account's sessions end and it must change the password at next sign-in. */
export function resetPassword(id: string) {
  return apiRequest(`/accounts/${encodeURIComponent(id)}/reset-password`, AccountWithPassword, { method: 'POST' });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetPassword,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
