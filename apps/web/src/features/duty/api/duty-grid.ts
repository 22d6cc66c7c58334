import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { DutyGrid } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { dutyKeys } from '../query-keys';

/** Schools × days: each school's duty report on time, late or missing. */
export function useDutyGrid(days: number, to?: string, page = 1) {
  return useQuery({ queryKey: dutyKeys.grid(to, days, page), queryFn: ({ signal }) => apiRequest('/duty/grid', DutyGrid, { query: { days, to, page }, signal }), placeholderData: keepPreviousData });
}
