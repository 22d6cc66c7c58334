import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SchoolClass, type SchoolClassUpdate } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { classKeys } from '../query-keys';

export function updateSchoolClass({ id, input }: { id: string; input: SchoolClassUpdate }) {
  return apiRequest(`/classes/${encodeURIComponent(id)}`, SchoolClass, { method: 'PATCH', body: input });
}

/** Change grade, name or head teacher; deactivate (`active: false`) or reactivate. */
export function useUpdateSchoolClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSchoolClass,
    // Schools show their class counts.
    meta: { invalidates: ['schools'] },
    onSuccess: (schoolClass) => {
      queryClient.setQueryData(classKeys.detail(schoolClass.id), schoolClass);
      return queryClient.invalidateQueries({ queryKey: classKeys.lists() });
    },
  });
}
