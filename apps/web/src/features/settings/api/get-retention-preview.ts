import { useQuery } from '@tanstack/react-query';
import { RetentionPreview } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { settingsKeys } from '../query-keys';

export function getRetentionPreview(signal?: AbortSignal) {
  return apiRequest('/retention/preview', RetentionPreview, { signal });
}

/** What the retention purge would remove now, per kind and school (centre). */
export function useRetentionPreview() {
  return useQuery({ queryKey: settingsKeys.retentionPreview(), queryFn: ({ signal }) => getRetentionPreview(signal) });
}
