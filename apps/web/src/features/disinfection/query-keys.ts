import type { QueryRoot } from '@/lib/query-roots';

export const disinfectionKeys = {
  all: ['disinfection'] as const satisfies readonly [QueryRoot],
  plan: (schoolId: string) => [...disinfectionKeys.all, 'plan', schoolId] as const,
  day: (schoolId: string, day: string | undefined) => [...disinfectionKeys.all, 'day', schoolId, day ?? 'today'] as const,
  compliance: (schoolId: string, days: number) => [...disinfectionKeys.all, 'compliance', schoolId, days] as const,
  grid: (to: string | undefined, days: number, page = 1) => [...disinfectionKeys.all, 'grid', to ?? 'today', days, page] as const,
};
