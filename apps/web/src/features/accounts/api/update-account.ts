import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Account, type AccountUpdate } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { accountKeys } from '../query-keys';

export function updateAccount({ id, input }: { id: string; input: AccountUpdate }) {
  return apiRequest(`/accounts/${encodeURIComponent(id)}`, Account, { method: 'PATCH', body: input });
}

/** Rename, disable (which ends the account's sessions at once) or enable. */
export function useUpdateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAccount,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }),
  });
}
