import { useMutation, useQueryClient } from '@tanstack/react-query';
import { AccountWithPassword, type AccountInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { schoolKeys } from '@/features/schools';
import { accountKeys } from '../query-keys';

/** Answers the new account with its one-time password, shown once and never stored. */
export function createAccount(input: AccountInput) {
  return apiRequest('/accounts', AccountWithPassword, { method: 'POST', body: input });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAccount,
    // The answer holds a password: keep it in the mutation cache no longer than needed.
    gcTime: 0,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: accountKeys.all }), queryClient.invalidateQueries({ queryKey: schoolKeys.all })]),
  });
}
