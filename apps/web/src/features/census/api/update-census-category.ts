import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CensusCategory, type CensusCategoryUpdate } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { censusKeys } from '../query-keys';

export function updateCensusCategory({ id, input }: { id: string; input: CensusCategoryUpdate }) {
  return apiRequest(`/census-categories/${encodeURIComponent(id)}`, CensusCategory, { method: 'PATCH', body: input });
}

/** Rename, reorder, mark as exception, retire (`active: false`) or bring back a category (centre only). */
export function useUpdateCensusCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCensusCategory,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: censusKeys.all }),
  });
}
