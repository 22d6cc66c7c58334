import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CentreSettings, type CentreSettingsInput } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { settingsKeys } from '../query-keys';

export function updateSettings(input: CentreSettingsInput) {
  return apiRequest('/settings', CentreSettings, { method: 'PUT', body: input });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateSettings,
    // The centre's name and time zone are part of `me`; the duty checklist and the gate's questions are part of those days.
    meta: { invalidates: ['auth', 'duty', 'gate'] },
    onSuccess: (settings) => {
      queryClient.setQueryData(settingsKeys.centre(), settings);
      // The end day and retention decide what the purge would remove.
      return queryClient.invalidateQueries({ queryKey: settingsKeys.retentionPreview() });
    },
  });
}
