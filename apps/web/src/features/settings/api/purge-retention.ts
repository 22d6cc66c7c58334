import { useMutation, useQueryClient } from '@tanstack/react-query';
import { RetentionPurgeResult, type RetentionPurgeInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';

export function purgeRetention(input: RetentionPurgeInput) {
  return apiRequest('/retention/purge', RetentionPurgeResult, { method: 'POST', body: input });
}

/** Removes what the preview listed; the server refuses unless `confirmTotal` is still the preview's total. */
export function usePurgeRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: purgeRetention,
    // Every screen's numbers stay, but details it showed are gone: let everything read again,
    // also after a refusal (the preview's total changed). The one write invalidated on error too, so not by meta.
    onSettled: () => queryClient.invalidateQueries(),
  });
}
