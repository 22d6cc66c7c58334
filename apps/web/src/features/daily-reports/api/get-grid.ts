import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { CompletenessGrid } from '@campus/shared';
import { apiRequest } from '@/lib/api-client';
import { dailyReportKeys } from '../query-keys';

/** Schools × days up to `to` (default today): on time / late / missing / open, with today's township totals and exceptions. */
export function getGrid(to: string | undefined, days: number, page = 1, signal?: AbortSignal) {
  return apiRequest('/daily-reports/grid', CompletenessGrid, { query: { to, days, page }, signal });
}

export function useGrid(to: string | undefined, days = 14, page = 1) {
  return useQuery({
    queryKey: dailyReportKeys.grid(to, days, page),
    queryFn: ({ signal }) => getGrid(to, days, page, signal),
    // Paging back and forth keeps the last grid on screen instead of flashing a spinner.
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}
