import { useQuery } from '@tanstack/react-query';
import { CentreCasesOverview, CheckInTodayList, SchoolCasesView } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { quarantineKeys } from '../query-keys';

/** The actor's open cases without today's check-in, overdue first. */
export function useCheckInsToday() {
  return useQuery({ queryKey: quarantineKeys.today(), queryFn: ({ signal }) => apiRequest('/quarantine/check-ins/today', CheckInTodayList, { signal }) });
}

/** A school's open and closed cases, help requests and alerts (a principal's own school without `schoolId`). */
export function useSchoolCases(schoolId: string | undefined) {
  return useQuery({ queryKey: quarantineKeys.school(schoolId), queryFn: ({ signal }) => apiRequest('/quarantine/school', SchoolCasesView, { query: { schoolId }, signal }) });
}

/** The centre's overview: open per school, new and released today, open by day, alerts. */
export function useCasesOverview(days = 14) {
  return useQuery({ queryKey: quarantineKeys.overview(days), queryFn: ({ signal }) => apiRequest('/quarantine/overview', CentreCasesOverview, { query: { days }, signal }) });
}
