import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ComplianceHistory, DisinfectionGrid } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { disinfectionKeys } from '../query-keys';

/** A school's rounds done / planned by day, the last `days` days up to today. */
export function useComplianceHistory(schoolId: string, days: number) {
  return useQuery({ queryKey: disinfectionKeys.compliance(schoolId, days), queryFn: ({ signal }) => apiRequest('/disinfection/compliance', ComplianceHistory, { query: { schoolId, days }, signal }) });
}

/** Schools × days of compliance, and the schools with an area overdue today. */
export function useDisinfectionGrid(days: number, to?: string, page = 1) {
  return useQuery({
    queryKey: disinfectionKeys.grid(to, days, page),
    queryFn: ({ signal }) => apiRequest('/disinfection/grid', DisinfectionGrid, { query: { days, to, page }, signal }),
    placeholderData: keepPreviousData,
  });
}
