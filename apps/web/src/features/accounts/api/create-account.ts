import { useMutation } from '@tanstack/react-query';
import { AccountWithPassword, type AccountInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

/** Answers the new account with its one-time password, shown once and never stored. */
export function createAccount(input: AccountInput) {
  return apiRequest('/accounts', AccountWithPassword, { method: 'POST', body: input });
}

export function useCreateAccount() {
  return useMutation({
    mutationFn: createAccount,
    // The answer holds a password: keep it in the mutation cache no longer than needed.
    gcTime: 0,
    // Schools show their account counts.
    meta: { invalidates: ['accounts', 'schools'] },
  });
}
