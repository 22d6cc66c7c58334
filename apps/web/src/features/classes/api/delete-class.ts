import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OkResponse } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { schoolKeys } from '@/features/schools';
import { classKeys } from '../query-keys';

/** A class that still has people is refused (409): deactivate it instead. */
export function deleteSchoolClass(id: string) {
  return apiRequest(`/classes/${encodeURIComponent(id)}`, OkResponse, { method: 'DELETE' });
}

export function useDeleteSchoolClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSchoolClass,
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: classKeys.detail(id) });
      return Promise.all([queryClient.invalidateQueries({ queryKey: classKeys.lists() }), queryClient.invalidateQueries({ queryKey: schoolKeys.all })]);
    },
  });
}
