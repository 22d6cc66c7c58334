import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SchoolClass, type SchoolClassInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { schoolKeys } from '@/features/schools';
import { classKeys } from '../query-keys';

export function createSchoolClass(input: SchoolClassInput) {
  return apiRequest('/classes', SchoolClass, { method: 'POST', body: input });
}

export function useCreateSchoolClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSchoolClass,
    // The school's class count changes too.
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: classKeys.all }), queryClient.invalidateQueries({ queryKey: schoolKeys.all })]),
  });
}
