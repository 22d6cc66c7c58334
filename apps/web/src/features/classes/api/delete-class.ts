import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OkResponse } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { classKeys } from '../query-keys';

/** A class that still has people is refused (409): deactivate it instead. */
export function deleteSchoolClass(id: string) {
  return apiRequest(`/classes/${encodeURIComponent(id)}`, OkResponse, { method: 'DELETE' });
}

export function useDeleteSchoolClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSchoolClass,
    meta: { invalidates: ['schools'] },
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: classKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: classKeys.lists() });
    },
  });
}
