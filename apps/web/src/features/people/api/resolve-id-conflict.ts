import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IdNumberConflict } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { peopleKeys } from '../query-keys';

/** Marks an ID number conflict handled (已处理). */
export function resolveIdConflict(id: string) {
  return apiRequest(`/id-conflicts/${encodeURIComponent(id)}/resolve`, IdNumberConflict, { method: 'POST', body: {} });
}

export function useResolveIdConflict() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: resolveIdConflict, onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.idConflicts() }) });
}
