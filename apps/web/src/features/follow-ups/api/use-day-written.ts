import { useQueryClient } from '@tanstack/react-query';
import { dailyReportKeys } from '@/features/daily-reports';
import { followUpKeys } from '../query-keys';

/** After any write of a day's records or reports: worklists, school views and the grid refetch. */
export function useDayWritten() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: followUpKeys.all }), queryClient.invalidateQueries({ queryKey: dailyReportKeys.all })]);
}
