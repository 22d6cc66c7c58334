import type { QueryRoot } from '@/lib/query-roots';
export const dutyKeys = {
  all: ['duty'] as const satisfies readonly [QueryRoot],
  day: (schoolId: string, day: string | undefined) => [...dutyKeys.all, 'day', schoolId, day ?? 'today'] as const,
  roster: (schoolId: string, from: string, days: number) => [...dutyKeys.all, 'roster', schoolId, from, days] as const,
  grid: (to: string | undefined, days: number, page = 1) => [...dutyKeys.all, 'grid', to ?? 'today', days, page] as const,
  report: (id: string) => [...dutyKeys.all, 'report', id] as const,
};
