import type { QueryRoot } from '@/lib/query-roots';
export const dailyReportKeys = {
  all: ['daily-reports'] as const satisfies readonly [QueryRoot],
  schoolDays: () => [...dailyReportKeys.all, 'school-day'] as const,
  schoolDay: (schoolId: string, day: string | undefined) => [...dailyReportKeys.schoolDays(), schoolId, day ?? 'today'] as const,
  grids: () => [...dailyReportKeys.all, 'grid'] as const,
  grid: (to: string | undefined, days: number, page = 1) => [...dailyReportKeys.grids(), to ?? 'today', days, page] as const,
};
