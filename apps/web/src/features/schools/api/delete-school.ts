import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OkResponse } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { schoolKeys } from '../query-keys';

/** Only an empty school can be deleted; otherwise 409 with a message saying why. */
export function deleteSchool(id: string) {
  return apiRequest(`/schools/${encodeURIComponent(id)}`, OkResponse, { method: 'DELETE' });
}

export function useDeleteSchool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSchool,
    onSuccess: (_ok, id) => {
      queryClient.removeQueries({ queryKey: schoolKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: schoolKeys.lists() });
    },
  });
}
