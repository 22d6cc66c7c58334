import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ImportResult } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { peopleKeys } from '../query-keys';
import { importFormData, type ImportRequest } from './import-form';

/**
 * Imports the valid rows in one transaction. `checksum` is the check the user
 * saw: if the roster changed since, the server answers 409 and nothing is saved.
 */
export function commitImport({ checksum, ...request }: ImportRequest & { checksum: string }) {
  return apiRequest('/people/import/commit', ImportResult, { method: 'POST', body: importFormData(request, checksum) });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitImport,
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}
