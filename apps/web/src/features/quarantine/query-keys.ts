import type { QueryRoot } from '@/lib/query-roots';
export const quarantineKeys = {
  all: ['quarantine'] as const satisfies readonly [QueryRoot],
  lists: () => [...quarantineKeys.all, 'list'] as const,
  list: (filters: { schoolId?: string; status?: string; personId?: string }) => [...quarantineKeys.lists(), filters] as const,
  file: (caseId: string) => [...quarantineKeys.all, 'file', caseId] as const,
  today: () => [...quarantineKeys.all, 'today'] as const,
  school: (schoolId: string | undefined) => [...quarantineKeys.all, 'school', schoolId ?? 'mine'] as const,
  overview: (days: number) => [...quarantineKeys.all, 'overview', days] as const,
};
