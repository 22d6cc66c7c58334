import { useMutation } from '@tanstack/react-query';
import { SchoolClass, type SchoolClassInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

export function createSchoolClass(input: SchoolClassInput) {
  return apiRequest('/classes', SchoolClass, { method: 'POST', body: input });
}

export function useCreateSchoolClass() {
  return useMutation({
    mutationFn: createSchoolClass,
    // The school's class count changes too.
    meta: { invalidates: ['classes', 'schools'] },
  });
}
