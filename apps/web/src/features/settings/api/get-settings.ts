import { useQuery } from '@tanstack/react-query';
import { CentreSettings } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { settingsKeys } from '../query-keys';

export function getSettings(signal?: AbortSignal) {
  return apiRequest('/settings', CentreSettings, { signal });
}

export function useSettings() {
  return useQuery({ queryKey: settingsKeys.centre(), queryFn: ({ signal }) => getSettings(signal) });
}
