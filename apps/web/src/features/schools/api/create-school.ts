import { useMutation, useQueryClient } from '@tanstack/react-query';
import { School, type SchoolInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { schoolKeys } from '../query-keys';

export function createSchool(input: SchoolInput) {
  return apiRequest('/schools', School, { method: 'POST', body: input });
}

export function useCreateSchool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSchool,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schoolKeys.all }),
  });
}
