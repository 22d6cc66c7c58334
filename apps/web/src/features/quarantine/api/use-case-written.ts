import { useQueryClient } from '@tanstack/react-query';
import { dailyReportKeys } from '@/features/daily-reports';
import { followUpKeys } from '@/features/follow-ups';
import { quarantineKeys } from '../query-keys';

/** After any write to a case: case lists and files, and the day's views that count people in quarantine. */
export function useCaseWritten() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: quarantineKeys.all }),
      queryClient.invalidateQueries({ queryKey: followUpKeys.all }),
      queryClient.invalidateQueries({ queryKey: dailyReportKeys.all }),
    ]);
}
