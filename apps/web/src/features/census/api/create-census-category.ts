import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CensusCategory, type CensusCategoryInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { censusKeys } from '../query-keys';

export function createCensusCategory(input: CensusCategoryInput) {
  return apiRequest('/census-categories', CensusCategory, { method: 'POST', body: input });
}

/** Adds a category to the configurable list (centre only). */
export function useCreateCensusCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCensusCategory,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: censusKeys.all }),
  });
}
