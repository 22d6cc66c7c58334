import { useQuery } from '@tanstack/react-query';
import { SchoolDayView } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { dailyReportKeys } from '../query-keys';

/** A school's day: every class's progress and report, the staff's progress, every exception, the school report. */
export function getSchoolDay(schoolId: string, day: string | undefined, signal?: AbortSignal) {
  return apiRequest('/daily-reports/school-day', SchoolDayView, { query: { schoolId, day }, signal });
}

/** `day` undefined = today in the centre's time zone (the server decides). */
export function useSchoolDay(schoolId: string, day: string | undefined) {
  return useQuery({
    queryKey: dailyReportKeys.schoolDay(schoolId, day),
    queryFn: ({ signal }) => getSchoolDay(schoolId, day, signal),
    // Teachers file through the morning: a principal watching the page sees it fill in.
    refetchInterval: 60_000,
  });
}
